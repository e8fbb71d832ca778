import nock from 'nock';

jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { resetBuckets } from '../../nodes/Bitrix24Im/transport/limiter';
import { runWorkflow, TestCredentials } from '../helpers/runWorkflow';
import type { TestItem } from '../helpers/runWorkflow';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startEmulator } = require('../emulator');

interface Emulator {
	webhooks: { admin: { url: string } };
	addWebhook(options: { userId: number; scopes: string[] }): { url: string };
	readState(userId: number, dialogId: string): { lastReadMessageId: number; unreadCount: number };
	messagesOf(dialogId: string): Array<{ id: number; text: string; authorId?: number }>;
	countersOf(userId: number): { TYPE: { ALL: number } };
	injectFault(kind: string, options?: { count?: number; method?: string }): void;
	log: Array<{ method: string; status: number }>;
	clearLog(): void;
	reset(): void;
	close(): Promise<void>;
}

let emulator: Emulator;
beforeAll(async () => {
	nock.enableNetConnect('127.0.0.1');
	emulator = await startEmulator({ port: 0 });
});
beforeEach(() => {
	emulator.reset();
	resetBuckets();
});
afterAll(async () => {
	await emulator.close();
	// An active nock left behind would answer the requests of the next test file jest runs in this process.
	nock.restore();
});

const run = (items: TestItem[], parameters: Record<string, unknown>, options: { webhookUrl?: string; continueOnFail?: boolean } = {}) =>
	runWorkflow({
		items,
		parameters: { authentication: 'webhook', ...parameters, options: { timeout: 2 } },
		credentials: new TestCredentials({ bitrix24WebhookApi: { webhookUrl: options.webhookUrl ?? emulator.webhooks.admin.url } }),
		continueOnFail: options.continueOnFail,
	});

describe('Dialog → Mark Read', () => {
	const markRead = { resource: 'dialog', operation: 'markRead', dialogId: '={{ $json.dialogId }}', messageId: '={{ $json.upTo }}' };

	it('marks a dialog read up to a message, or wholly when the message is empty', async () => {
		const chat1 = emulator.messagesOf('chat1');
		const middle = chat1[chat1.length - 2].id;
		const { output, error } = await run(
			[
				{ dialogId: 'chat1', upTo: middle },
				{ dialogId: '2', upTo: '' },
			],
			markRead,
		);
		expect(error).toBeUndefined();
		expect(emulator.readState(1, 'chat1').lastReadMessageId).toBe(middle);
		expect(emulator.readState(1, 'chat1').unreadCount).toBe(1);
		expect(emulator.readState(1, '2').unreadCount).toBe(0);
		expect(output[0].json.result).toMatchObject({ dialogId: 'chat1', lastId: middle, counter: 1 });
	});

	it('treats Bitrix24\'s `false` (no access to the dialog) as an error of that item', async () => {
		const outsider = emulator.addWebhook({ userId: 4, scopes: ['im'] });
		const { output } = await run(
			[{ dialogId: 'chat2', upTo: '' }, { dialogId: 'chat1', upTo: '' }],
			markRead,
			{ webhookUrl: outsider.url, continueOnFail: true },
		);
		expect(output[0].json).toMatchObject({ code: 'ACCESS_ERROR', error: 'Bitrix24 im.dialog.read: the user has no access to this dialog [ACCESS_ERROR]' });
		expect(output[1].json.result).toMatchObject({ dialogId: 'chat1' });
	});
});

describe('Dialog → Mark All Read', () => {
	it('leaves no unread counter', async () => {
		expect(emulator.countersOf(1).TYPE.ALL).toBeGreaterThan(0);
		const { output, error } = await run([{}], { resource: 'dialog', operation: 'markAllRead' });
		expect(error).toBeUndefined();
		expect(output[0].json.result).toBe(true);
		expect(emulator.countersOf(1).TYPE.ALL).toBe(0);
	});
});

describe('Message → Send', () => {
	const send = (extra: Record<string, unknown> = {}) => ({
		resource: 'message',
		operation: 'send',
		dialogId: '={{ $json.dialogId }}',
		text: '={{ $json.text }}',
		...extra,
	});

	it('posts each message once and says which message it created', async () => {
		const { output, error } = await run(
			[
				{ dialogId: 'chat2', text: 'Deal won: ACME & Co. (100%)' },
				{ dialogId: 'CHAT2', text: 'Second' },
			],
			send(),
		);
		expect(error).toBeUndefined();
		const posted = emulator.messagesOf('chat2').slice(-2);
		expect(posted.map(({ text }) => text)).toEqual(['Deal won: ACME & Co. (100%)', 'Second']);
		expect(output.map(({ json }) => json)).toEqual(posted.map(({ id }) => ({ messageId: id, dialogId: 'chat2' })));
	});

	it('outputs Bitrix24\'s raw answer with Simplify off', async () => {
		const { output } = await run([{ dialogId: 'chat2', text: 'Raw' }], send({ simplify: false }));
		expect(output[0].json).toEqual({ result: emulator.messagesOf('chat2').slice(-1)[0].id, time: expect.any(Object) });
	});

	it('refuses an empty text before sending anything', async () => {
		emulator.clearLog();
		const { error } = await run([{ dialogId: 'chat2', text: '   ' }], send());
		expect(error?.message).toBe('Item 0: Text "   " is not valid: it must not be empty');
		expect(emulator.log).toHaveLength(0);
	});

	it('is not sent again after a lost answer, because that could post it twice', async () => {
		emulator.injectFault('reset', { count: 5 });
		emulator.clearLog();
		const before = emulator.messagesOf('chat2').length;
		const { output } = await run([{ dialogId: 'chat2', text: 'Once' }], send(), { continueOnFail: true });
		expect(output[0].json.code).toBe('ECONNRESET');
		expect(emulator.log).toHaveLength(1);
		expect(emulator.messagesOf('chat2')).toHaveLength(before);
	});
});
