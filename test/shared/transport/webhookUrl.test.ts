import { parseWebhookUrl } from '../../../nodes/shared/transport/webhookUrl';

const HOOK_CODE = 'k9x7w2m4q8z1v5b3';

describe('parseWebhookUrl', () => {
	it.each([
		`https://acme.bitrix24.com/rest/1/${HOOK_CODE}/`,
		`https://acme.bitrix24.com/rest/1/${HOOK_CODE}`,
		`  https://acme.bitrix24.com/rest/1/${HOOK_CODE}/  `,
		`https://acme.bitrix24.com/rest/1/${HOOK_CODE}/profile.json`,
		`https://acme.bitrix24.com/rest/1/${HOOK_CODE}/im.dialog.unread`,
	])('accepts %s', (input) => {
		expect(parseWebhookUrl(input)).toEqual({
			baseUrl: `https://acme.bitrix24.com/rest/1/${HOOK_CODE}/`,
			portal: 'https://acme.bitrix24.com',
			userId: '1',
			secret: HOOK_CODE,
		});
	});

	it('keeps a self-hosted portal\'s port and path prefix', () => {
		expect(parseWebhookUrl(`https://crm.example.org:8443/portal/rest/17/${HOOK_CODE}/`).baseUrl).toBe(
			`https://crm.example.org:8443/portal/rest/17/${HOOK_CODE}/`,
		);
	});

	it.each(['127.0.0.1:8080', 'localhost', '[::1]:9000'])('accepts plain http for loopback host %s', (host) => {
		expect(parseWebhookUrl(`http://${host}/rest/1/${HOOK_CODE}/`).baseUrl).toBe(`http://${host}/rest/1/${HOOK_CODE}/`);
	});

	it.each([
		['plain http to a public host', `http://acme.bitrix24.com/rest/1/${HOOK_CODE}/`, /https/],
		['no scheme', `acme.bitrix24.com/rest/1/${HOOK_CODE}/`, /not a valid address/],
		['no user id', `https://acme.bitrix24.com/rest/${HOOK_CODE}/`, /must look like/],
		['no secret', 'https://acme.bitrix24.com/rest/1/', /must look like/],
		['OAuth REST base', 'https://acme.bitrix24.com/rest/', /must look like/],
		['a query string', `https://acme.bitrix24.com/rest/1/${HOOK_CODE}/?auth=x`, /must look like/],
		['ftp', `ftp://acme.bitrix24.com/rest/1/${HOOK_CODE}/`, /https/],
		['empty', '', /not a valid address/],
	])('rejects %s with a clear message that does not repeat the secret', (_, input, message) => {
		expect(() => parseWebhookUrl(input)).toThrow(message);
		try {
			parseWebhookUrl(input);
		} catch (error) {
			expect((error as Error).message).not.toContain(HOOK_CODE);
		}
	});
});
