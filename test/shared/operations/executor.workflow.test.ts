import nock from 'nock';

// Retry back-off and rate-limit waits would only slow these tests down; their arithmetic is unit-tested on a fake clock.
jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { resetBuckets } from '../../../nodes/shared/transport/limiter';
import { runWorkflow, TestCredentials } from '../../helpers/runWorkflow';

const PORTAL = 'https://acme.bitrix24.com';
const HOOK_CODE = 'k9x7w2m4q8z1v5b3';
const WEBHOOK = `${PORTAL}/rest/1/${HOOK_CODE}/`;
const TIME = { start: 1, finish: 1.01, duration: 0.01, processing: 0.001 };

const webhookCredentials = () => new TestCredentials({ bitrix24WebhookApi: { webhookUrl: WEBHOOK } });

const markUnread = (extra: Record<string, unknown> = {}) => ({
	authentication: 'webhook',
	resource: 'dialog',
	operation: 'markUnread',
	dialogId: '={{ $json.dialogId }}',
	messageId: '={{ $json.messageId }}',
	...extra,
});

beforeAll(() => nock.disableNetConnect());
beforeEach(() => resetBuckets());
afterEach(() => {
	nock.cleanAll();
});
afterAll(() => nock.restore());

describe('Mark Unread with an incoming webhook', () => {
	it('sends one JSON POST to <webhook>im.dialog.unread.json and outputs the answer paired with its item', async () => {
		const scope = nock(PORTAL)
			.post(`/rest/1/${HOOK_CODE}/im.dialog.unread.json`, { DIALOG_ID: 'chat12', MESSAGE_ID: 84869 })
			.matchHeader('content-type', 'application/json')
			.matchHeader('accept', 'application/json')
			.reply(200, { result: true, time: TIME });

		const { output, error } = await runWorkflow({
			items: [{ dialogId: 'CHAT12', messageId: '84869' }],
			parameters: markUnread(),
			credentials: webhookCredentials(),
		});

		expect(error).toBeUndefined();
		expect(output).toEqual([{ json: { result: true, time: TIME }, pairedItem: { item: 0 } }]);
		expect(scope.isDone()).toBe(true);
	});

	it('marks several items in one batch request, each answer going back to its own item in order', async () => {
		let batchBody: Record<string, unknown> = {};
		nock(PORTAL)
			.post(`/rest/1/${HOOK_CODE}/batch.json`, (body) => {
				batchBody = body;
				return true;
			})
			.reply(200, {
				result: {
					result: { i0: true, i2: true },
					result_error: { i1: { error: 'MESSAGE_ID_ERROR', error_description: "First unread message id can't be empty" } },
					result_total: [],
					result_next: [],
					result_time: { i0: TIME, i1: TIME, i2: TIME },
				},
				time: TIME,
			});

		const { output } = await runWorkflow({
			items: [
				{ dialogId: 'chat1', messageId: 10 },
				{ dialogId: 'sg5', messageId: 20 },
				{ dialogId: '42', messageId: 30 },
			],
			parameters: markUnread(),
			credentials: webhookCredentials(),
			continueOnFail: true,
		});

		expect(batchBody).toEqual({
			halt: 0,
			cmd: {
				i0: 'im.dialog.unread?DIALOG_ID=chat1&MESSAGE_ID=10',
				i1: 'im.dialog.unread?DIALOG_ID=sg5&MESSAGE_ID=20',
				i2: 'im.dialog.unread?DIALOG_ID=42&MESSAGE_ID=30',
			},
		});
		expect(output.map(({ pairedItem }) => pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json).toEqual({ result: true, time: TIME });
		expect(output[1].json).toMatchObject({
			error: "Bitrix24 im.dialog.unread: First unread message id can't be empty [MESSAGE_ID_ERROR]",
			code: 'MESSAGE_ID_ERROR',
		});
		expect(output[2].json).toEqual({ result: true, time: TIME });
	});

	it('sends one request per item when batching is off', async () => {
		const scope = nock(PORTAL)
			.post(`/rest/1/${HOOK_CODE}/im.dialog.unread.json`, { DIALOG_ID: 'chat1', MESSAGE_ID: 10 })
			.reply(200, { result: true, time: TIME })
			.post(`/rest/1/${HOOK_CODE}/im.dialog.unread.json`, { DIALOG_ID: 'chat2', MESSAGE_ID: 11 })
			.reply(200, { result: true, time: TIME });

		const { output } = await runWorkflow({
			items: [
				{ dialogId: 'chat1', messageId: 10 },
				{ dialogId: 'chat2', messageId: 11 },
			],
			parameters: markUnread({ options: { batching: false } }),
			credentials: webhookCredentials(),
		});

		expect(output).toHaveLength(2);
		expect(scope.isDone()).toBe(true);
	});
});

describe('parameters without an expression', () => {
	it('are evaluated once per execution, expressions once per item, and every item gets its own values', async () => {
		let sent: unknown;
		nock(PORTAL)
			.post(`/rest/1/${HOOK_CODE}/batch.json`, (body) => {
				sent = body;
				return true;
			})
			.reply(200, { result: { result: { i0: true, i1: true, i2: true }, result_error: [], result_time: [] }, time: TIME });
		// How often n8n evaluates each parameter is tested on the parameter cache itself (parameters.test.ts).
		const { output, error } = await runWorkflow({
			items: [{ messageId: 10 }, { messageId: 11 }, { messageId: 12 }],
			parameters: markUnread({ dialogId: { __rl: true, mode: 'id', value: 'chat7' } }),
			credentials: webhookCredentials(),
		});
		expect(error).toBeUndefined();
		expect(output).toHaveLength(3);
		// On Error → Stop (the default): the portal stops the batch at the first failing command.
		expect(sent).toEqual({
			halt: 1,
			cmd: {
				i0: 'im.dialog.unread?DIALOG_ID=chat7&MESSAGE_ID=10',
				i1: 'im.dialog.unread?DIALOG_ID=chat7&MESSAGE_ID=11',
				i2: 'im.dialog.unread?DIALOG_ID=chat7&MESSAGE_ID=12',
			},
		});
	});

	it('a bad fixed value fails every item, each error naming its own item', async () => {
		const { output, error } = await runWorkflow({
			items: [{ messageId: 10 }, { messageId: 11 }],
			parameters: markUnread({ dialogId: 'chat-7' }),
			credentials: webhookCredentials(),
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(output.map(({ json }) => json.error)).toEqual([
			'Item 0: Dialog ID "chat-7" is not valid: use chatNNN for a group chat, sgNNN for a workgroup chat or NNN (a user id) for a private dialog',
			'Item 1: Dialog ID "chat-7" is not valid: use chatNNN for a group chat, sgNNN for a workgroup chat or NNN (a user id) for a private dialog',
		]);
	});
});

describe('bad input', () => {
	it('fails before any request, naming the item, the field and the value', async () => {
		// No interceptor: any request would fail the test with "Disallowed net connect".
		const { output, error } = await runWorkflow({
			items: [
				{ dialogId: 'chat1', messageId: 10 },
				{ dialogId: 'chat1', messageId: '1.5' },
			],
			parameters: markUnread(),
			credentials: webhookCredentials(),
		});

		expect(output).toEqual([]);
		expect(error?.message).toBe('Item 1: Message ID "1.5" is not valid: it must be a whole number greater than 0');
	});

	it('with continue-on-fail, good items succeed and bad ones carry errors, and only good values are sent', async () => {
		let sent: unknown;
		nock(PORTAL)
			.post(`/rest/1/${HOOK_CODE}/batch.json`, (body) => {
				sent = body;
				return true;
			})
			.reply(200, { result: { result: { i0: true, i3: true }, result_error: [], result_time: [] }, time: TIME });

		const { output, error } = await runWorkflow({
			items: [
				{ dialogId: 'chat1', messageId: 10 },
				{ dialogId: 'chat-1', messageId: 10 },
				{ dialogId: 'chat1', messageId: 0 },
				{ dialogId: '7', messageId: '12' },
			],
			parameters: markUnread(),
			credentials: webhookCredentials(),
			continueOnFail: true,
		});

		expect(error).toBeUndefined();
		expect(sent).toEqual({
			halt: 0,
			cmd: { i0: 'im.dialog.unread?DIALOG_ID=chat1&MESSAGE_ID=10', i3: 'im.dialog.unread?DIALOG_ID=7&MESSAGE_ID=12' },
		});
		expect(output.map(({ json }) => json.error ?? json.result)).toEqual([
			true,
			'Item 1: Dialog ID "chat-1" is not valid: use chatNNN for a group chat, sgNNN for a workgroup chat or NNN (a user id) for a private dialog',
			'Item 2: Message ID 0 is not valid: it must be a whole number greater than 0',
			true,
		]);
		expect(output.map(({ pairedItem }) => pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
	});
});

describe('a malformed webhook URL in the credential', () => {
	it('stops before any request with a clear error that does not repeat the URL', async () => {
		const { error, run } = await runWorkflow({
			items: [{ dialogId: 'chat1', messageId: 10 }],
			parameters: markUnread(),
			credentials: new TestCredentials({ bitrix24WebhookApi: { webhookUrl: `http://acme.bitrix24.com/rest/1/${HOOK_CODE}/` } }),
		});
		expect(error?.message).toMatch(/^Bitrix24 credential: The webhook URL must start with https:\/\//);
		expect(JSON.stringify(run)).not.toContain(HOOK_CODE);
	});
});

describe('failures never leak the webhook secret', () => {
	const cases: Array<[string, (scope: nock.Interceptor) => nock.Scope, RegExp]> = [
		[
			'a wrong secret',
			(i) => i.reply(401, { error: 'INVALID_CREDENTIALS', error_description: 'Invalid request credentials' }),
			/Bitrix24 im.dialog.unread: Invalid request credentials \[INVALID_CREDENTIALS\]/,
		],
		[
			'an HTML error page that echoes the URL',
			(i) => i.reply(500, `<html><body>Error at ${WEBHOOK}im.dialog.unread.json</body></html>`),
			/Bitrix24 im.dialog.unread: the portal answered HTTP 500 with an HTML page/,
		],
		['an empty body', (i) => i.reply(200, ''), /with an empty body .*\[EMPTY_RESPONSE\]/],
		[
			'a description that echoes the secret',
			(i) => i.reply(400, { error: 'X', error_description: `bad hook ${HOOK_CODE}` }),
			/bad hook \*\*\* \[X\]/,
		],
	];

	it.each(cases)('%s: a clear error, and the secret nowhere in the run', async (_, reply, message) => {
		// Network failures of a retry-safe call are retried; give every attempt the same failure.
		reply(nock(PORTAL).post(`/rest/1/${HOOK_CODE}/im.dialog.unread.json`).times(10));

		const stopped = await runWorkflow({
			items: [{ dialogId: 'chat1', messageId: 10 }],
			parameters: markUnread({ options: { timeout: 5 } }),
			credentials: webhookCredentials(),
		});
		expect(stopped.error?.message).toMatch(message);
		expect(JSON.stringify(stopped.run)).not.toContain(HOOK_CODE);
		expect(String((stopped.error as { description?: string }).description)).not.toContain(HOOK_CODE);

		reply(nock(PORTAL).post(`/rest/1/${HOOK_CODE}/im.dialog.unread.json`).times(10));
		const continued = await runWorkflow({
			items: [{ dialogId: 'chat1', messageId: 10 }],
			parameters: markUnread({ options: { timeout: 5 } }),
			credentials: webhookCredentials(),
			continueOnFail: true,
		});
		expect(continued.output[0].json.error).toMatch(message);
		expect(JSON.stringify(continued.run)).not.toContain(HOOK_CODE);
	});
});
