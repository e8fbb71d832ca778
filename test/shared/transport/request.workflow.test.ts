import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { resetBuckets } from '../../../nodes/shared/transport/limiter';
import { emulatorRunner, useEmulator } from '../../helpers/emulator';
import { runWorkflow, TestCredentials } from '../../helpers/runWorkflow';

const PORTAL = 'https://acme.bitrix24.com';
const OAUTH = 'https://oauth.example.test';
const TIME = { start: 1, finish: 1.01, duration: 0.01 };
const OLD_TOKEN = { access_token: 'access-old-123', refresh_token: 'refresh-old-123', client_endpoint: `${PORTAL}/rest/` };

function oauthCredentials(tokenData: IDataObject) {
	return new TestCredentials({
		bitrix24OAuth2Api: {
			portalUrl: PORTAL,
			oauthServerUrl: OAUTH,
			grantType: 'authorizationCode',
			authUrl: `${PORTAL}/oauth/authorize/`,
			accessTokenUrl: `${OAUTH}/oauth/token/`,
			clientId: 'local.app.1',
			clientSecret: 'client-secret-xyz',
			scope: 'im',
			authentication: 'body',
			oauthTokenData: tokenData,
		},
	});
}

const parameters = {
	authentication: 'oAuth2',
	resource: 'dialog',
	operation: 'markUnread',
	dialogId: 'chat12',
	messageId: '100',
};

/** Mark Unread of each item's dialog and message, through a webhook credential. */
const markUnread = () => ({
	authentication: 'webhook',
	resource: 'dialog',
	operation: 'markUnread',
	dialogId: '={{ $json.dialogId }}',
	messageId: '={{ $json.messageId }}',
});

beforeAll(() => nock.disableNetConnect());
beforeEach(() => resetBuckets());
afterEach(() => nock.cleanAll());
afterAll(() => nock.restore());

describe('Mark Unread with OAuth2', () => {
	it('sends the token as a Bearer header to the client_endpoint from the token data', async () => {
		const scope = nock(PORTAL)
			.post('/rest/im.dialog.unread.json', { DIALOG_ID: 'chat12', MESSAGE_ID: 100 })
			.matchHeader('authorization', 'Bearer access-old-123')
			.matchHeader('content-type', 'application/json')
			.reply(200, { result: true, time: TIME });

		const { output, error } = await runWorkflow({
			items: [{}],
			parameters,
			credentials: oauthCredentials(OLD_TOKEN),
		});

		expect(error).toBeUndefined();
		expect(output).toEqual([{ json: { result: true, time: TIME }, pairedItem: { item: 0 } }]);
		expect(scope.isDone()).toBe(true);
	});

	it('falls back to <portal>/rest/ when the token data has no client_endpoint', async () => {
		const scope = nock(PORTAL).post('/rest/im.dialog.unread.json').reply(200, { result: true, time: TIME });
		await runWorkflow({
			items: [{}],
			parameters,
			credentials: oauthCredentials({ access_token: 'access-old-123', refresh_token: 'refresh-old-123' }),
		});
		expect(scope.isDone()).toBe(true);
	});

	it('on 401 expired_token, refreshes at the OAuth server, stores the rotated token and retries', async () => {
		const portal = nock(PORTAL)
			.post('/rest/im.dialog.unread.json')
			.matchHeader('authorization', 'Bearer access-old-123')
			.reply(401, { error: 'expired_token', error_description: 'The access token provided has expired' })
			.post('/rest/im.dialog.unread.json', { DIALOG_ID: 'chat12', MESSAGE_ID: 100 })
			.matchHeader('authorization', 'Bearer access-new-456')
			.reply(200, { result: true, time: TIME });
		let refreshForm = '';
		const oauth = nock(OAUTH)
			.post('/oauth/token/', (body) => {
				refreshForm = new URLSearchParams(body as Record<string, string>).toString();
				return true;
			})
			.reply(200, {
				access_token: 'access-new-456',
				refresh_token: 'refresh-new-456',
				expires_in: 3600,
				client_endpoint: `${PORTAL}/rest/`,
				server_endpoint: `${OAUTH}/rest/`,
				member_id: 'm1',
				scope: 'im',
			});
		const credentials = oauthCredentials(OLD_TOKEN);

		const { output, error, run } = await runWorkflow({ items: [{}], parameters, credentials });

		expect(error).toBeUndefined();
		expect(output.map(({ json }) => json.result)).toEqual([true]);
		expect(portal.isDone()).toBe(true);
		expect(oauth.isDone()).toBe(true);
		expect(refreshForm).toContain('grant_type=refresh_token');
		expect(refreshForm).toContain('refresh_token=refresh-old-123');
		expect(credentials.stored.bitrix24OAuth2Api.oauthTokenData).toMatchObject({
			access_token: 'access-new-456',
			refresh_token: 'refresh-new-456',
		});
		const text = JSON.stringify(run);
		for (const secret of ['access-old-123', 'access-new-456', 'refresh-old-123', 'refresh-new-456', 'client-secret-xyz']) {
			expect(text).not.toContain(secret);
		}
	});

	it('a refresh rejected with invalid_grant ends in a clear, secret-free error', async () => {
		nock(PORTAL)
			.post('/rest/im.dialog.unread.json')
			.reply(401, { error: 'expired_token', error_description: 'The access token provided has expired' });
		nock(OAUTH).post('/oauth/token/').reply(400, { error: 'invalid_grant', error_description: 'Invalid refresh token' });

		const { error, run } = await runWorkflow({
			items: [{}],
			parameters,
			credentials: oauthCredentials(OLD_TOKEN),
		});

		expect(error?.message).toMatch(/^Bitrix24 im.dialog.unread: .*\[invalid_grant\]$/);
		expect((error as { description?: string }).description).toMatch(/Reconnect/);
		expect(JSON.stringify(run)).not.toMatch(/access-old-123|refresh-old-123|client-secret-xyz/);
	});

	it('insufficient_scope is reported with its code and hint', async () => {
		nock(PORTAL)
			.post('/rest/im.dialog.unread.json')
			.times(2)
			.reply(401, { error: 'insufficient_scope', error_description: 'The request requires higher privileges than provided by the access token' });
		nock(OAUTH).post('/oauth/token/').reply(200, { access_token: 'access-new-456', refresh_token: 'refresh-new-456', expires_in: 3600 });

		const { error } = await runWorkflow({
			items: [{}],
			parameters,
			credentials: oauthCredentials({ access_token: 'access-old-123', refresh_token: 'refresh-old-123' }),
		});

		expect(error?.message).toMatch(/\[insufficient_scope\]$/);
		expect((error as { description?: string }).description).toMatch(/"im" scope/);
	});
});

describe('network failures, against the emulator (a real HTTP server)', () => {
	const emulator = useEmulator();
	const runner = emulatorRunner(emulator, markUnread());
	const run = (continueOnFail = false) => runner([{ dialogId: 'chat1', messageId: 3 }], {}, { continueOnFail });

	it('a reset connection of a retry-safe call is retried, and the item is marked', async () => {
		emulator().injectFault('reset', { count: 2 });
		const { output, error } = await run();
		expect(error).toBeUndefined();
		expect(output[0].json.result).toBe(true);
		expect(emulator().readState(1, 'chat1').firstUnreadMessageId).toBe(3);
	});

	it.each([
		['reset', /the connection was reset before Bitrix24 answered \[ECONNRESET\]/],
		['hang', /no answer arrived in time \[ECONNABORTED\]/],
	])('a connection that keeps failing (%s): a clear error, and the secret nowhere in the run', async (kind, message) => {
		emulator().injectFault(kind, { count: 20 });
		const stopped = await run();
		expect(stopped.error?.message).toMatch(message);
		expect(stopped.error?.message).toMatch(/^Bitrix24 im.dialog.unread: /);
		expect(JSON.stringify(stopped.run)).not.toContain(emulator().webhooks.admin.secret);

		const continued = await run(true);
		expect(continued.output[0].json.error).toMatch(message);
		expect(JSON.stringify(continued.run)).not.toContain(emulator().webhooks.admin.secret);
	}, 60_000);
});
