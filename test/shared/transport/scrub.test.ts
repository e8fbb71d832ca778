import { Scrubber } from '../../../nodes/shared/transport/scrub';

const HOOK_CODE = 'k9x7w2m4q8z1v5b3';

describe('Scrubber', () => {
	const scrubber = new Scrubber([HOOK_CODE, 'access-token-123456', undefined, 'abc']);

	it('replaces known secrets wherever they occur', () => {
		expect(scrubber.text(`before ${HOOK_CODE} after access-token-123456`)).toBe('before *** after ***');
	});

	it('ignores secrets too short to be told apart from ordinary text', () => {
		expect(scrubber.text('abc')).toBe('abc');
	});

	it.each([
		['a webhook path of another user', 'https://x.bitrix24.com/rest/7/zzzzzzzzzzzz/im.dialog.unread', 'https://x.bitrix24.com/rest/7/***/im.dialog.unread'],
		['token parameters', 'GET /rest/im.x?auth=tok1234567&access_token=tok7654321&x=1', 'GET /rest/im.x?auth=***&access_token=***&x=1'],
		['a refresh token in a JSON text', '{"refresh_token":"rrrrrrrrrr","x":1}', '{"refresh_token":"***","x":1}'],
		['a Bearer header', 'Authorization: Bearer eyJhbGciOi.abc-def_ghi', 'Authorization: Bearer ***'],
		['a signed download link', 'https://p.bitrix24.com/rest/1/qwertyuiop12/download/?token=x', 'https://p.bitrix24.com/rest/1/***/download/?token=x'],
	])('masks %s even when the secret is unknown', (_, input, expected) => {
		expect(new Scrubber([]).text(input)).toBe(expected);
	});

	it('scrubs deeply through objects and arrays, keys included, without touching other values', () => {
		const input = { a: [`x${HOOK_CODE}`, 1, true, null], b: { [HOOK_CODE]: 'k', n: 5, link: `https://p/rest/1/${HOOK_CODE}/` } };
		expect(scrubber.value(input)).toEqual({ a: ['x***', 1, true, null], b: { '***': 'k', n: 5, link: 'https://p/rest/1/***/' } });
		expect(input.a[0]).toBe(`x${HOOK_CODE}`);
	});
});

describe('Scrubber.value copies only what it changes', () => {
	const scrubber = new Scrubber(['k9x7w2m4q8z1v5b3']);

	it('returns the answer itself when nothing in it could hold a secret', () => {
		const answer = { result: true, time: { start: 1732000000.1, date_start: '2026-11-24T20:00:00+00:00' }, list: [1, 'a'] };
		expect(scrubber.value(answer)).toBe(answer);
	});

	it.each([
		['a known secret deep in a string', { a: { b: ['x', 'see k9x7w2m4q8z1v5b3 here'] } }, { a: { b: ['x', 'see *** here'] } }],
		['a known secret as a key', { k9x7w2m4q8z1v5b3: 1 }, { '***': 1 }],
		['an unknown webhook path', { link: 'https://p/rest/3/abcdefgh/' }, { link: 'https://p/rest/3/***/' }],
		['a token in JSON text inside a string', { raw: '{"access_token":"t0k3n"}' }, { raw: '{"access_token":"***"}' }],
	])('still copies and scrubs %s', (_, input, expected) => {
		const output = scrubber.value(input);
		expect(output).toEqual(expected);
		expect(output).not.toBe(input);
	});

	it('finds a known secret holding quotes and backslashes', () => {
		const odd = new Scrubber(['se"cr\\et-1']);
		expect(odd.value({ a: 'x se"cr\\et-1 y' })).toEqual({ a: 'x *** y' });
	});
});
