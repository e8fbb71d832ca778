jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { useEmulator, webhookCredentials } from '../../helpers/emulator';
import type { Emulator } from '../../helpers/emulator';
import { runWorkflow } from '../../helpers/runWorkflow';

/**
 * With On Error → Stop (n8n's default), Batch Requests must not change what a failure leaves behind: the portal ends up
 * exactly as when the items go one by one, with nothing after the failing item applied.
 */

// 120 items go one by one in half of these runs; this file does not sleep between retries.
const emulator = useEmulator({ rateLimit: false });

type LogEntry = Emulator['log'][number] & { batchCommands?: Array<{ method: string; params: Record<string, unknown>; errorCode: string | null }> };

/** The calls of `method` the portal ran, alone or inside `batch`, in order. */
function appliedCalls(method: string): Array<Record<string, unknown>> {
	return (emulator().log as LogEntry[]).flatMap((entry) => {
		if (entry.status !== 200) return [];
		if (entry.method === method) return [entry.params ?? {}];
		if (entry.method !== 'batch') return [];
		return (entry.batchCommands ?? []).filter((command) => command.method === method && !command.errorCode).map((command) => command.params);
	});
}

const sends = (count: number) => Array.from({ length: count }, (_, index) => ({ text: `Item ${index}` }));
const marks = (count: number) => Array.from({ length: count }, (_, index) => ({ messageId: 1000 + index }));
const sentTexts = () => emulator().messagesOf('chat2').map(({ text }) => text).filter((text) => text.startsWith('Item '));
const markedIds = () => appliedCalls('im.dialog.unread').map((params) => Number(params.MESSAGE_ID));

function run(resource: string, operation: string, items: Array<Record<string, unknown>>, batching: boolean) {
	const fields =
		operation === 'send'
			? { dialogId: { __rl: true, mode: 'id', value: 'chat2' }, text: '={{ $json.text }}' }
			: { dialogId: { __rl: true, mode: 'id', value: 'chat1' }, messageId: '={{ $json.messageId }}' };
	return runWorkflow({
		items,
		parameters: { authentication: 'webhook', resource, operation, ...fields, options: { timeout: 2, batching } },
		credentials: webhookCredentials(emulator()),
	});
}

const itemIndexOf = (error: Error | undefined) => (error as { context?: { itemIndex?: number } } | undefined)?.context?.itemIndex;

describe.each([30, 75])('On Error → Stop, the portal refusing item %i of 120', (refused) => {
	it('Message → Send: batching on and off leave the same messages, none after the refused item', async () => {
		const texts: Record<string, string[]> = {};
		for (const batching of [true, false]) {
			emulator().reset();
			emulator().refuseCalls({
				method: 'im.message.add',
				params: { MESSAGE: `Item ${refused}` },
				code: 'PARAMS_ERROR',
				description: 'Message isn\'t added',
				status: 400,
			});
			const { error } = await run('message', 'send', sends(120), batching);
			expect(error?.message).toBe('Bitrix24 im.message.add: Message isn\'t added [PARAMS_ERROR]');
			expect(itemIndexOf(error)).toBe(refused);
			texts[String(batching)] = sentTexts();
		}
		expect(texts.true).toEqual(sends(refused).map(({ text }) => text));
		expect(texts.true).toEqual(texts.false);
	});

	it('Dialog → Mark Unread: batching on and off mark the same dialogs, none after the refused item', async () => {
		const marked: Record<string, number[]> = {};
		for (const batching of [true, false]) {
			emulator().reset();
			emulator().refuseCalls({ method: 'im.dialog.unread', params: { MESSAGE_ID: 1000 + refused }, code: 'ACCESS_ERROR', status: 403 });
			const { error } = await run('dialog', 'markUnread', marks(120), batching);
			expect(error?.message).toMatch(/^Bitrix24 im\.dialog\.unread: .* \[ACCESS_ERROR\]$/);
			expect(itemIndexOf(error)).toBe(refused);
			marked[String(batching)] = markedIds();
		}
		expect(marked.true).toEqual(marks(refused).map(({ messageId }) => messageId));
		expect(marked.true).toEqual(marked.false);
	});
});

describe('On Error → Stop, the answer of a batch lost after the portal ran it', () => {
	it('Message → Send: no message is posted twice and nothing after the lost batch is sent', async () => {
		emulator().injectFault('resetAfterApply', { method: 'batch' });
		const { error } = await run('message', 'send', sends(120), true);
		expect(error?.message).toMatch(/^Bitrix24 im\.message\.add: .* \[ECONNRESET\]$/);
		expect(itemIndexOf(error)).toBe(0);
		// The first batch (items 0-49) ran although its answer never came back; it is not sent again.
		expect(sentTexts()).toEqual(sends(50).map(({ text }) => text));
		expect(emulator().log.filter(({ method }) => method === 'batch')).toHaveLength(1);
	});

	it('Dialog → Mark Unread (safe to repeat): the lost batch is sent again and the run goes on', async () => {
		emulator().injectFault('resetAfterApply', { method: 'batch' });
		const { error, output } = await run('dialog', 'markUnread', marks(120), true);
		expect(error).toBeUndefined();
		expect(output).toHaveLength(120);
		expect(new Set(markedIds()).size).toBe(120);
	});
});

describe('On Error → Continue', () => {
	it('every item runs and gets its own result, batched as before', async () => {
		emulator().refuseCalls({ method: 'im.message.add', params: { MESSAGE: 'Item 30' }, code: 'PARAMS_ERROR', status: 400 });
		const { error, output } = await runWorkflow({
			items: sends(120),
			parameters: {
				authentication: 'webhook',
				resource: 'message',
				operation: 'send',
				dialogId: { __rl: true, mode: 'id', value: 'chat2' },
				text: '={{ $json.text }}',
				options: { timeout: 2 },
			},
			credentials: webhookCredentials(emulator()),
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(output).toHaveLength(120);
		expect(output[30].json).toMatchObject({ code: 'PARAMS_ERROR' });
		expect(sentTexts()).toHaveLength(119);
		expect(emulator().log.filter(({ method }) => method === 'batch')).toHaveLength(3);
	});
});
