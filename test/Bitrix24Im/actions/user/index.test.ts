import type { IDataObject } from 'n8n-workflow';

import { resources } from '../../../../nodes/Bitrix24Im/actions';
import { user } from '../../../../nodes/Bitrix24Im/actions/user';
import type { ListOperation, Shape } from '../../../../nodes/shared/operations';
import type { Bitrix24Success } from '../../../../nodes/shared/transport/types';
import { operationOf, requestFor, sendingTraits } from '../../../helpers/operationRequest';

const operation = (value: string) => operationOf('user', value);

const request = (value: string, parameters: IDataObject) => requestFor('user', value, parameters);

const ok = (result: unknown, extra: Partial<Bitrix24Success> = {}): Bitrix24Success => ({ result, ...extra });

it('is registered after Notification and before Custom API Call', () => {
	const order = resources.map(({ value }) => value);
	expect(order).toContain('user');
	expect(resources.find(({ value }) => value === 'user')?.operations.slice(0, -1)).toEqual(user.operations);
	const known = ['dialog', 'message', 'chat', 'notification', 'user', 'customApiCall'];
	expect(order.filter((value) => known.includes(value))).toEqual(known.filter((value) => order.includes(value)));
});

describe('user requests', () => {
	it.each<[string, string, IDataObject, IDataObject]>([
		['get', 'im.user.get', {}, {}],
		['get', 'im.user.get', { userId: ' 12 ' }, { ID: 12 }],
		['getMany', 'im.user.list.get', { userIds: '1, 12,30' }, { ID: [1, 12, 30], RESULT_TYPE: 'array' }],
		['getMany', 'im.user.list.get', { userIds: [4, '5'] }, { ID: [4, 5], RESULT_TYPE: 'array' }],
		['getStatus', 'im.user.status.get', {}, {}],
		['setStatus', 'im.user.status.set', { status: 'dnd' }, { STATUS: 'dnd' }],
		['setStatus', 'im.user.status.set', { status: ' AWAY ' }, { STATUS: 'away' }],
		['getCounters', 'im.counters.get', {}, {}],
		['searchUsers', 'im.search.user.list', { find: ' Bo ' }, { FIND: 'Bo', OFFSET: 0 }],
		['searchChats', 'im.search.chat.list', { find: 'Apollo' }, { FIND: 'Apollo', OFFSET: 0 }],
	])('%s calls %s with %j', async (value, method, parameters, expected) => {
		expect(await request(value, parameters)).toEqual({ method, params: expected });
	});

	it.each<[string, IDataObject, string]>([
		['get', { userId: '0' }, 'Item 0: User ID "0" is not valid: it must be a whole number greater than 0, or empty'],
		['get', { userId: 'bob' }, 'Item 0: User ID "bob" is not valid'],
		['getMany', { userIds: '' }, 'Item 0: User IDs "" is not valid: it must be one or more whole numbers greater than 0'],
		['getMany', { userIds: '1, x' }, 'Item 0: User IDs "1, x" is not valid'],
		['setStatus', { status: 'offline' }, 'Item 0: Status "offline" is not valid: it must be one of online, dnd, away, break'],
		['searchUsers', { find: ' B ' }, 'Item 0: Search Text " B " is not valid: it must be at least 2 characters long'],
		['searchChats', { find: '' }, 'Item 0: Search Text "" is not valid: it must be at least 2 characters long'],
	])('%s refuses %j', async (value, parameters, message) => {
		await expect(request(value, parameters)).rejects.toThrow(message);
	});

	it('marks every operation safe to repeat; searches are paged and never batched', () => {
		for (const op of user.operations) {
			expect(sendingTraits(op)).toEqual({ retrySafe: true, batchable: op.kind !== 'list' });
		}
		expect(user.operations.filter((op) => op.kind === 'list').map(({ value }) => value)).toEqual(['searchUsers', 'searchChats']);
	});
});

describe('user answers', () => {
	const shape = (value: string, answer: Bitrix24Success, params: IDataObject = {}) =>
		(operation(value) as { shape: Shape }).shape(answer, params);

	it.each<[string, unknown, IDataObject, IDataObject | IDataObject[]]>([
		['get', { id: 1, name: 'Alice Admin' }, {}, { id: 1, name: 'Alice Admin' }],
		['getMany', [{ id: 1 }, { id: 2 }], {}, [{ id: 1 }, { id: 2 }]],
		['getMany', [], {}, []],
		// Without RESULT_TYPE=array (an older portal) the answer is keyed by id, unknown ids as null.
		['getMany', { 1: { id: 1 }, 99: null }, {}, [{ id: 1 }]],
		['getStatus', 'dnd', {}, { status: 'dnd' }],
		['getStatus', false, {}, { status: null }],
		['setStatus', true, { STATUS: 'break' }, { success: true, status: 'break' }],
	])('%s shapes %j', (value, result, params, expected) => {
		expect(shape(value, ok(result), params)).toEqual(expected);
	});

	it('Get Counters turns PHP\'s empty maps ([]) into {} and keeps the unread lists as lists', () => {
		const raw = {
			TYPE: { ALL: 3, NOTIFY: 1, CHAT: 2, LINES: 0, DIALOG: 0, MESSENGER: 2 },
			CHAT: { 1: 2 },
			CHAT_MUTED: [],
			CHAT_UNREAD: [],
			LINES: [],
			DIALOG: [],
			DIALOG_UNREAD: [4],
		};
		expect(shape('getCounters', ok(raw))).toEqual({
			TYPE: { ALL: 3, NOTIFY: 1, CHAT: 2, LINES: 0, DIALOG: 0, MESSENGER: 2 },
			CHAT: { 1: 2 },
			CHAT_MUTED: {},
			CHAT_UNREAD: [],
			LINES: {},
			DIALOG: {},
			DIALOG_UNREAD: [4],
		});
	});

	it('search pages: one record per entry of the keyed answer, following `next`', () => {
		const paging = (operation('searchUsers') as ListOperation).paging;
		const answer = ok({ 2: { id: 2 }, 5: { id: 5 } }, { next: 12, total: 30 });
		expect(paging.records(answer)).toEqual([{ id: 2 }, { id: 5 }]);
		expect(paging.records(ok([]))).toEqual([]);
		expect(paging.nextPage(answer, { FIND: 'bo', OFFSET: 10 }, [])).toEqual({ FIND: 'bo', OFFSET: 12 });
		expect(paging.nextPage(ok({ 2: { id: 2 } }, { total: 1 }), { FIND: 'bo', OFFSET: 0 }, [])).toBeUndefined();
		const chats = (operation('searchChats') as ListOperation).paging;
		expect(chats.pageSize).toEqual({ param: 'LIMIT', max: 50 });
		// Bitrix24 sends the newest chats first; parsing the keyed object reorders them ascending, so they are sorted back.
		expect(chats.records(ok({ 3: { id: 3 }, 12: { id: 12 }, 7: { id: 7 } }))).toEqual([{ id: 12 }, { id: 7 }, { id: 3 }]);
	});
});
