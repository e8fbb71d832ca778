import { Scrubber } from '../../nodes/Bitrix24Im/transport/scrub';

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
