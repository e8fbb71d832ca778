jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { emulatorRunner, useEmulator } from '../../../helpers/emulator';
import type { Emulator } from '../../../helpers/emulator';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const emulatorState = require('../../../emulator/state') as {
	createChat(state: unknown, fields: Record<string, unknown>): { id: number };
};

const emulator = useEmulator();

interface EmulatorState {
	users: Record<number, Record<string, unknown>>;
}
const stateOf = (emu: Emulator) => (emu as unknown as { state: EmulatorState }).state;

const run = emulatorRunner(emulator, { resource: 'user' }, 5);

const calls = (method: string) => emulator().log.filter((entry) => entry.method === method);
const pages = (method: string) => calls(method).map(({ params }) => [params?.OFFSET, params?.LIMIT]);

describe('User → Get', () => {
	it('reads the credential\'s user when User ID is empty, another user by ID, and reports an unknown one', async () => {
		const { output } = await run([{ id: '' }, { id: 3 }, { id: 99 }], { operation: 'get', userId: '={{ $json.id }}' }, { continueOnFail: true });
		expect(output.map(({ json }) => json.name ?? json.code)).toEqual(['Alice Admin', 'Carol Clark', 'USER_NOT_EXISTS']);
		expect(output.map(({ pairedItem }) => pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(calls('batch')).toHaveLength(1);
	});
});

describe('User → Get Many', () => {
	it('outputs one item per user found, paired with its input item', async () => {
		const { output, error } = await run([{ ids: '3, 1, 99' }, { ids: [2] }], { operation: 'getMany', userIds: '={{ $json.ids }}' });
		expect(error).toBeUndefined();
		expect(output.map(({ json, pairedItem }) => [json.id, pairedItem])).toEqual([
			[3, { item: 0 }],
			[1, { item: 0 }],
			[2, { item: 1 }],
		]);
	});

	it('outputs the raw answer with Simplify off', async () => {
		const { output } = await run([{}], { operation: 'getMany', userIds: '2', simplify: false });
		expect(output).toHaveLength(1);
		expect(output[0].json).toMatchObject({ result: [{ id: 2, name: 'Bob Builder' }] });
	});
});

describe('User → Set Status / Get Status', () => {
	it('sets the status, and reads it back', async () => {
		const set = await run([{}], { operation: 'setStatus', status: 'dnd' });
		expect(set.output[0].json).toEqual({ success: true, status: 'dnd' });
		expect(stateOf(emulator()).users[1].status).toBe('dnd');
		const get = await run([{}], { operation: 'getStatus' });
		expect(get.output[0].json).toEqual({ status: 'dnd' });
	});

	it('refuses a status Bitrix24 does not know before sending anything', async () => {
		const { error } = await run([{}], { operation: 'setStatus', status: '={{ "offline" }}' });
		expect(error?.message).toBe('Item 0: Status "offline" is not valid: it must be one of online, dnd, away, break');
		expect(emulator().log).toHaveLength(0);
	});
});

describe('User → Get Counters', () => {
	it('outputs the counters with empty maps as objects', async () => {
		const expected = emulator().countersOf(1) as Record<string, unknown>;
		const { output } = await run([{}], { operation: 'getCounters' });
		expect(output[0].json).toMatchObject({ TYPE: expected.TYPE, CHAT: { 1: 3 }, DIALOG: { 2: 2 } });
		expect(output[0].json.CHAT_MUTED).toEqual({});
		expect(output[0].json.LINES).toEqual({});

		const quiet = emulator().addWebhook({ userId: 5, scopes: ['im'] });
		const { output: none } = await run([{}], { operation: 'getCounters' }, { webhookUrl: quiet.url });
		expect(none[0].json).toMatchObject({ TYPE: { ALL: 0 }, CHAT: {}, DIALOG: {}, CHAT_UNREAD: [], DIALOG_UNREAD: [] });
	});
});

describe('User → Search Users', () => {
	beforeEach(() => {
		const state = stateOf(emulator());
		for (let id = 100; id < 160; id++) {
			state.users[id] = { ...state.users[5], id, firstName: 'Tester', lastName: `No${id}`, email: `t${id}@example.com` };
		}
	});

	it('Return All follows `next` across pages of 50: every match once, in order', async () => {
		emulator().clearLog();
		const { output, error } = await run([{}], { operation: 'searchUsers', find: 'tester', returnAll: true });
		expect(error).toBeUndefined();
		expect(output.map(({ json }) => json.id)).toEqual(Array.from({ length: 60 }, (_, i) => 100 + i));
		expect(pages('im.search.user.list')).toEqual([
			[0, 50],
			[50, 50],
		]);
	});

	it('a Limit smaller than a page makes one call for exactly that many', async () => {
		emulator().clearLog();
		const { output } = await run([{}], { operation: 'searchUsers', find: 'Tester', returnAll: false, limit: 5 });
		expect(output.map(({ json }) => json.id)).toEqual([100, 101, 102, 103, 104]);
		expect(pages('im.search.user.list')).toEqual([[0, 5]]);
	});

	it('refuses a search text shorter than 2 characters before sending anything', async () => {
		emulator().clearLog();
		const { output } = await run([{ q: 'T' }, { q: 'Bob' }], { operation: 'searchUsers', find: '={{ $json.q }}', returnAll: true }, { continueOnFail: true });
		expect(output[0].json.error).toBe('Item 0: Search Text "T" is not valid: it must be at least 2 characters long');
		expect(output[1].json).toMatchObject({ id: 2, name: 'Bob Builder' });
		expect(calls('im.search.user.list').map(({ params }) => params?.FIND)).toEqual(['Bob']);
	});
});

describe('User → Search Chats', () => {
	it('Return All crosses pages of 50; a Limit smaller than a page makes one call', async () => {
		const state = stateOf(emulator());
		const created = Array.from({ length: 55 }, (_, i) => emulatorState.createChat(state, { title: `Sprint ${i}`, owner: 1, users: [1, 2] }).id);
		emulatorState.createChat(state, { title: 'Sprint hidden', owner: 3, users: [3, 4] });
		emulator().clearLog();
		const { output, error } = await run([{}], { operation: 'searchChats', find: 'sprint', returnAll: true });
		expect(error).toBeUndefined();
		// Newest chat first, as Bitrix24 pages them.
		expect(output.map(({ json }) => json.id)).toEqual([...created].reverse());
		expect(pages('im.search.chat.list')).toEqual([
			[0, 50],
			[50, 50],
		]);

		emulator().clearLog();
		const few = await run([{}], { operation: 'searchChats', find: 'Sprint', returnAll: false, limit: 3 });
		expect(few.output.map(({ json }) => [json.id, json.name])).toEqual([54, 53, 52].map((i) => [created[i], `Sprint ${i}`]));
		expect(pages('im.search.chat.list')).toEqual([[0, 3]]);
	});
});
