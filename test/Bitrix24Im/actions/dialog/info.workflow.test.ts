jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { ids, stateOf, useDialogEmulator } from '../../../helpers/dialogWorkflow';

const { emulator, run, calls } = useDialogEmulator();

describe('Dialog → Get', () => {
	it('outputs the chat object, one item per input item (batched)', async () => {
		const { output, error } = await run([{ d: 'chat2' }, { d: 'sg5' }], { operation: 'get', dialogId: '={{ $json.d }}' });
		expect(error).toBeUndefined();
		expect(output.map(({ json }) => [json.id, json.name])).toEqual([
			[2, 'Project Apollo'],
			[3, 'Marketing workgroup'],
		]);
		expect(output.map(({ pairedItem }) => pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(calls('batch')).toHaveLength(1);
	});

	it('outputs the raw answer with Simplify off, and a non-member gets ACCESS_ERROR', async () => {
		const raw = await run([{}], { operation: 'get', dialogId: 'chat2', simplify: false });
		expect(raw.output[0].json).toMatchObject({ result: { id: 2 }, time: expect.any(Object) });
		const outsider = emulator().addWebhook({ userId: 4, scopes: ['im'] });
		const { output } = await run([{}], { operation: 'get', dialogId: 'chat2' }, { webhookUrl: outsider.url, continueOnFail: true });
		expect(output[0].json).toMatchObject({ code: 'ACCESS_ERROR', httpStatus: 403 });
	});
});

describe('Dialog → Get Members', () => {
	it('lists the members, one item per user; a Limit smaller than a page asks for just that many', async () => {
		const all = await run([{}], { operation: 'getMembers', dialogId: 'chat2', returnAll: true });
		expect(ids(all.output)).toEqual([1, 2, 3]);
		emulator().clearLog();
		const some = await run([{}], { operation: 'getMembers', dialogId: 'chat1', returnAll: false, limit: 2 });
		expect(ids(some.output)).toEqual([1, 2]);
		expect(calls('im.dialog.users.list').map(({ params }) => [params?.OFFSET, params?.LIMIT])).toEqual([[0, 2]]);
	});

	it('Return All follows `next` across pages of 200', async () => {
		const state = stateOf(emulator());
		for (let id = 100; id < 350; id++) {
			state.users[id] = { ...state.users[5], id, firstName: `Member${id}`, email: `m${id}@example.com` };
			state.chats[1].users.push(id);
		}
		emulator().clearLog();
		const { output, error } = await run([{}], { operation: 'getMembers', dialogId: 'chat1', returnAll: true });
		expect(error).toBeUndefined();
		const expected = [1, 2, 3, 4, 5, ...Array.from({ length: 250 }, (_, i) => 100 + i)];
		expect(ids(output)).toEqual(expected);
		expect(calls('im.dialog.users.list').map(({ params }) => [params?.OFFSET, params?.LIMIT])).toEqual([
			[0, 200],
			[200, 200],
		]);
	});
});

describe('Dialog → Send Typing', () => {
	it('says the indicator was sent, and a non-member is refused', async () => {
		const { output } = await run([{}], { operation: 'sendTyping', dialogId: 'CHAT2' });
		expect(output[0].json).toEqual({ success: true, dialogId: 'chat2' });
		expect(calls('im.dialog.writing').map(({ params }) => params?.DIALOG_ID)).toEqual(['chat2']);
		const outsider = emulator().addWebhook({ userId: 4, scopes: ['im'] });
		const refused = await run([{}], { operation: 'sendTyping', dialogId: 'chat2' }, { webhookUrl: outsider.url, continueOnFail: true });
		expect(refused.output[0].json).toMatchObject({ code: 'ACCESS_ERROR', httpStatus: 403 });
	});
});
