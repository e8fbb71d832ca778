jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { useEmulator, webhookCredentials } from '../../../helpers/emulator';
import { runWorkflow } from '../../../helpers/runWorkflow';
import type { TestItem } from '../../../helpers/runWorkflow';

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
});
