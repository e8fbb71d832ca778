jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { useEmulator, webhookCredentials } from '../../helpers/emulator';
import { runWorkflow } from '../../helpers/runWorkflow';
import type { TestItem } from '../../helpers/runWorkflow';

const emulator = useEmulator();

const run = (items: TestItem[], parameters: Record<string, unknown> = {}, options: { continueOnFail?: boolean; batching?: boolean } = {}) =>
	runWorkflow({
		items,
		parameters: {
			authentication: 'webhook',
			resource: 'customApiCall',
			operation: 'call',
			method: '={{ $json.method }}',
			parameters: '={{ JSON.stringify($json.params ?? {}) }}',
			...parameters,
			options: { timeout: 2, batching: options.batching ?? true },
		},
		credentials: webhookCredentials(emulator()),
		continueOnFail: options.continueOnFail,
	});

describe('Custom API Call', () => {
	it('calls different methods per item in one batch and outputs each result', async () => {
		emulator().clearLog();
		const before = emulator().messagesOf('chat2').length;
		const { output, error } = await run([
			{ method: 'im.counters.get' },
			{ method: 'im.message.add', params: { DIALOG_ID: 'chat2', MESSAGE: 'From a custom call' } },
			{ method: 'im.dialog.users.list', params: { DIALOG_ID: 'chat1', LIMIT: 2 } },
		]);
		expect(error).toBeUndefined();
		expect(emulator().log.map(({ method }) => method)).toEqual(['batch']);
		const posted = emulator().messagesOf('chat2');
		expect(posted).toHaveLength(before + 1);
		expect(posted[posted.length - 1].text).toBe('From a custom call');
		expect(output[0].json.result).toMatchObject({ TYPE: expect.objectContaining({ ALL: expect.any(Number) }) });
		expect(output[1].json).toEqual({ result: posted[posted.length - 1].id });
		expect(output[2].json).toMatchObject({ next: 2, total: 5 });
		expect((output[2].json.result as unknown[]).length).toBe(2);
	});

	it('runs the same under another resource (the Custom API Call at the end of its Operation list)', async () => {
		emulator().clearLog();
		const { output, error } = await run([{ method: 'im.counters.get' }], { resource: 'message' }, { batching: false });
		expect(error).toBeUndefined();
		expect(emulator().log.map(({ method }) => method)).toEqual(['im.counters.get']);
		expect(output[0].json.result).toMatchObject({ TYPE: expect.objectContaining({ ALL: expect.any(Number) }) });
	});

	it('outputs next and total of a single call too, and the raw answer with Simplify off', async () => {
		const item = [{ method: 'im.dialog.users.list', params: { DIALOG_ID: 'chat1', LIMIT: 2 } }];
		const simple = await run(item, {}, { batching: false });
		expect(simple.output[0].json).toMatchObject({ next: 2, total: 5 });
		expect(simple.output[0].json.time).toBeUndefined();
		const raw = await run(item, { simplify: false }, { batching: false });
		expect(raw.output[0].json).toMatchObject({ next: 2, total: 5, time: expect.any(Object) });
	});

	it('maps Bitrix24 errors per item and refuses bad method names before sending', async () => {
		emulator().clearLog();
		const { output } = await run(
			[
				{ method: 'im.no.such.method' },
				{ method: 'batch', params: { cmd: {} } },
				{ method: 'im.message.add', params: { DIALOG_ID: 'chat2', MESSAGE: '' } },
				{ method: 'im.counters.get' },
			],
			{},
			{ continueOnFail: true },
		);
		expect(output[0].json.error).toMatch(/^Bitrix24 im\.no\.such\.method: .*\[ERROR_METHOD_NOT_FOUND\]$/);
		expect(output[1].json.error).toMatch(/^Item 1: Method "batch" is not valid: the node already sends items in batch requests/);
		expect(output[2].json).toMatchObject({ code: 'MESSAGE_EMPTY' });
		expect(output[3].json.result).toBeDefined();
		expect(emulator().log.map(({ method }) => method)).toEqual(['batch']);
	});

	it('removes the webhook secret from what Bitrix24 answers', async () => {
		const { url, secret } = emulator().webhooks.admin;
		await run([{ method: 'im.message.add', params: { DIALOG_ID: 'chat2', MESSAGE: `Hook: ${url}im.counters.get` } }]);
		const { output, error } = await run([{ method: 'im.dialog.messages.get', params: { DIALOG_ID: 'chat2', LIMIT: 1 } }]);
		expect(error).toBeUndefined();
		expect(JSON.stringify(output[0].json)).toContain('Hook: ');
		expect(JSON.stringify(output)).not.toContain(secret);
	});

	it('is not repeated after a lost answer: the method may not be safe to repeat', async () => {
		emulator().injectFault('reset', { count: 5 });
		emulator().clearLog();
		const { output } = await run([{ method: 'im.counters.get' }], {}, { continueOnFail: true });
		expect(output[0].json.code).toBe('ECONNRESET');
		expect(emulator().log).toHaveLength(1);
	});

	describe('Safe to Retry, when the portal ran the call and the answer was lost', () => {
		const lostOnce = (method: string) => {
			emulator().injectFault('resetAfterApply', { method });
			emulator().clearLog();
		};
		const item = { method: 'im.message.add', params: { DIALOG_ID: 'chat2', MESSAGE: 'Once or twice?' } };
		const posted = () => emulator().messagesOf('chat2').filter(({ text }) => text === 'Once or twice?');

		it('off (the default): not sent again; the item fails and the message exists once', async () => {
			lostOnce('im.message.add');
			const { output } = await run([item], {}, { continueOnFail: true, batching: false });
			expect(output[0].json.code).toBe('ECONNRESET');
			expect(posted()).toHaveLength(1);
			expect(emulator().log.filter(({ method }) => method === 'im.message.add')).toHaveLength(1);
		});

		it('on: sent again and the item succeeds, so the user must only turn it on where a repeat is harmless', async () => {
			lostOnce('im.message.add');
			const { output, error } = await run([item], { safeToRetry: true }, { batching: false });
			expect(error).toBeUndefined();
			expect(output[0].json.result).toEqual(expect.any(Number));
			// im.message.add is not safe to repeat: this is what turning the option on for it costs.
			expect(posted()).toHaveLength(2);
			expect(emulator().log.filter(({ method }) => method === 'im.message.add')).toHaveLength(2);
		});

		it('on, for a read: the repeat answers and nothing else changes', async () => {
			lostOnce('im.counters.get');
			const { output, error } = await run([{ method: 'im.counters.get' }], { safeToRetry: true }, { batching: false });
			expect(error).toBeUndefined();
			expect(output[0].json.result).toMatchObject({ TYPE: expect.any(Object) });
		});

		it('on for every item of a batch: the lost batch is sent again', async () => {
			lostOnce('batch');
			const reads = [{ method: 'im.counters.get' }, { method: 'im.dialog.get', params: { DIALOG_ID: 'chat1' } }];
			const { output, error } = await run(reads, { safeToRetry: true });
			expect(error).toBeUndefined();
			expect(output).toHaveLength(2);
			expect(emulator().log.filter(({ method }) => method === 'batch')).toHaveLength(2);
		});
	});
});
