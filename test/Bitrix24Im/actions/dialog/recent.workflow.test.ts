jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { stateOf, useDialogEmulator } from '../../../helpers/dialogWorkflow';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const emulatorState = require('../../../emulator/state') as {
	createChat(state: unknown, fields: Record<string, unknown>): { id: number };
	addMessage(state: unknown, chat: unknown, authorId: number, text: string): { id: number };
};

const { emulator, run, calls } = useDialogEmulator();

describe('Dialog → Set Unread Mark, Pin, Unpin, Hide', () => {
	it('sets and removes the manual unread mark', async () => {
		const set = await run([{}], { operation: 'setUnreadMark', dialogId: 'chat2', unread: true });
		expect(set.output[0].json).toEqual({ success: true, dialogId: 'chat2', unread: true });
		expect(emulator().readState(1, 'chat2')).toMatchObject({ manualUnread: true });
		await run([{}], { operation: 'setUnreadMark', dialogId: 'chat1', unread: false });
		expect(emulator().readState(1, 'chat1')).toMatchObject({ manualUnread: false, unreadCount: 0 });
		expect(calls('im.recent.unread').map(({ params }) => params?.ACTION)).toEqual(['Y', 'N']);
	});

	it('pins and unpins a dialog; a pinned one comes first in Get Recent', async () => {
		const pin = await run([{}], { operation: 'pin', dialogId: 'chat3' });
		expect(pin.output[0].json).toEqual({ success: true, dialogId: 'chat3', pinned: true });
		expect(emulator().readState(1, 'chat3')).toMatchObject({ pinned: true });
		const recent = await run([{}], { operation: 'getRecent', returnAll: true });
		expect(recent.output[0].json).toMatchObject({ chat_id: 3, pinned: true });
		const unpin = await run([{}], { operation: 'unpin', dialogId: 'chat3' });
		expect(unpin.output[0].json).toEqual({ success: true, dialogId: 'chat3', pinned: false });
		expect(emulator().readState(1, 'chat3')).toMatchObject({ pinned: false });
	});

	it('hides a dialog from the recent list', async () => {
		const hide = await run([{}], { operation: 'hide', dialogId: 'chat2' });
		expect(hide.output[0].json).toEqual({ success: true, dialogId: 'chat2', hidden: true });
		expect(emulator().readState(1, 'chat2')).toMatchObject({ hidden: true });
		const recent = await run([{}], { operation: 'getRecent', returnAll: true });
		expect(recent.output.map(({ json }) => json.chat_id)).not.toContain(2);
	});
});

describe('Dialog → Get Recent', () => {
	it('lists the recent dialogs with the filters as flags', async () => {
		const all = await run([{}], { operation: 'getRecent', returnAll: true });
		expect(all.output.map(({ json }) => json.id)).toEqual(['chat6', 3, 2, 'chat3', 'chat2', 'chat1']);
		const chats = await run([{}], { operation: 'getRecent', returnAll: true, filters: { skipDialog: true } });
		expect(chats.output.map(({ json }) => json.type)).toEqual(chats.output.map(() => 'chat'));
		expect(chats.output.length).toBe(all.output.length - 2);
		const unread = await run([{}], { operation: 'getRecent', returnAll: true, filters: { unreadOnly: true } });
		expect(unread.output.map(({ json }) => json.id).sort()).toEqual([2, 'chat1'].sort());
		expect(calls('im.recent.list').slice(-1)[0].params).toMatchObject({ UNREAD_ONLY: 'Y', OFFSET: 0 });
	});

	it('Return All follows `next` across pages of 200; a Limit smaller than a page makes one call', async () => {
		const state = stateOf(emulator());
		for (let i = 0; i < 210; i++) {
			const chat = emulatorState.createChat(state, { title: `Bulk ${i}`, owner: 1, users: [1, 2] });
			emulatorState.addMessage(state, chat, 2, `Bulk message ${i}`);
		}
		emulator().clearLog();
		const { output, error } = await run([{}], { operation: 'getRecent', returnAll: true });
		expect(error).toBeUndefined();
		const listed = output.map(({ json }) => json.chat_id as number);
		// Newest activity first: the 210 bulk chats (7-216, the last created on top), then the seed's 6 dialogs.
		expect(listed).toEqual(Array.from({ length: 216 }, (_, i) => 216 - i));
		expect(calls('im.recent.list').map(({ params }) => [params?.OFFSET, params?.LIMIT])).toEqual([
			[0, 200],
			[200, 200],
		]);

		emulator().clearLog();
		const few = await run([{}], { operation: 'getRecent', returnAll: false, limit: 3 });
		expect(few.output.map(({ json }) => json.chat_id)).toEqual([216, 215, 214]);
		expect(calls('im.recent.list').map(({ params }) => [params?.OFFSET, params?.LIMIT])).toEqual([[0, 3]]);
	});
});

describe('the notifications dialog in the recent list', () => {
	it('Set Unread Mark, Pin, Unpin and Hide take it and send it as `notify`', async () => {
		const { output, error } = await run([{}], { operation: 'pin', dialogId: { __rl: true, mode: 'id', value: 'Notify' } });
		expect(error).toBeUndefined();
		expect(output[0].json).toEqual({ success: true, dialogId: 'notify', pinned: true });
		for (const operation of ['unpin', 'hide', 'setUnreadMark']) {
			const answered = await run([{}], { operation, dialogId: 'notify' });
			expect(answered.error).toBeUndefined();
			expect(answered.output[0].json).toMatchObject({ success: true, dialogId: 'notify' });
		}
		expect(emulator().log.map(({ method, params }) => [method, params?.DIALOG_ID])).toEqual([
			['im.recent.pin', 'notify'],
			['im.recent.pin', 'notify'],
			['im.recent.hide', 'notify'],
			['im.recent.unread', 'notify'],
		]);
	});
});

describe('Dialog → Get Recent Entry', () => {
	const entry = { operation: 'getRecentEntry', dialogId: '={{ $json.dialogId }}' };

	it('outputs a dialog\'s entry, found by chat, workgroup or user, in one batch; found: false when it has none', async () => {
		emulator().clearLog();
		const { output, error } = await run([{ dialogId: 'chat2' }, { dialogId: 'SG5' }, { dialogId: '2' }, { dialogId: 'chat777' }], entry);
		expect(error).toBeUndefined();
		expect(output.map(({ json }) => [json.found, json.dialogId, json.chat_id])).toEqual([
			[true, 'chat2', 2],
			[true, 'sg5', 3],
			[true, '2', 4],
			[false, 'chat777', undefined],
		]);
		expect(output[0].json).toMatchObject({ id: 'chat2', type: 'chat', title: 'Project Apollo', pinned: false, counter: 0 });
		expect(output[2].json).toMatchObject({ id: 2, type: 'user', counter: 2, title: 'Bob Builder' });
		expect(emulator().log.map(({ method }) => method)).toEqual(['batch']);
	});

	it('refuses the notifications dialog, which im.recent.get never lists, before sending', async () => {
		emulator().clearLog();
		const { error } = await run([{ dialogId: 'notify' }], entry);
		expect(error?.message).toBe(
			'Item 0: Dialog ID "notify" is not valid: it is the notifications dialog, which this operation does not take: use chatNNN for a group chat, sgNNN for a workgroup chat or NNN (a user id) for a private dialog',
		);
		expect(emulator().log).toHaveLength(0);
	});
});
