import type { IDataObject } from 'n8n-workflow';

import { LINKS_REMOVED } from '../../nodes/Bitrix24Im/actions/dialog/messages';
import type { ListOperation, Shape } from '../../nodes/shared/operations';
import type { Bitrix24Success } from '../../nodes/shared/transport/types';
import { operationOf, requestFor, sendingTraits } from '../helpers/operationRequest';

const operation = (value: string) => operationOf('dialog', value);

const request = (value: string, parameters: IDataObject) => requestFor('dialog', value, parameters);

const locator = (value: string) => ({ __rl: true, mode: 'id', value });

describe('dialog requests', () => {
	it.each<[string, string, IDataObject, IDataObject]>([
		['get', 'im.dialog.get', { dialogId: locator('Chat12') }, { DIALOG_ID: 'chat12' }],
		['get', 'im.dialog.get', { dialogId: '42' }, { DIALOG_ID: '42' }],
		[
			'getMessages',
			'im.dialog.messages.get',
			{ dialogId: locator('chat6'), direction: 'newestFirst' },
			{ DIALOG_ID: 'chat6', LAST_ID: 0 },
		],
		[
			'getMessages',
			'im.dialog.messages.get',
			{ dialogId: locator('chat6'), direction: 'newestFirst', startAfterMessageId: ' 500 ' },
			{ DIALOG_ID: 'chat6', LAST_ID: 500 },
		],
		[
			'getMessages',
			'im.dialog.messages.get',
			{ dialogId: locator('sg5'), direction: 'oldestFirst', startAfterMessageId: '' },
			{ DIALOG_ID: 'sg5', FIRST_ID: 0 },
		],
		[
			'getMessages',
			'im.dialog.messages.get',
			{ dialogId: locator('7'), direction: 'OLDESTFIRST', startAfterMessageId: 84869 },
			{ DIALOG_ID: '7', FIRST_ID: 84869 },
		],
		['getMembers', 'im.dialog.users.list', { dialogId: locator('chat1') }, { DIALOG_ID: 'chat1', SKIP_EXTERNAL: 'N', OFFSET: 0 }],
		[
			'getMembers',
			'im.dialog.users.list',
			{ dialogId: locator('chat1'), filters: { skipExternal: true, skipExternalExceptTypes: ' bot,email ' } },
			{ DIALOG_ID: 'chat1', SKIP_EXTERNAL: 'Y', SKIP_EXTERNAL_EXCEPT_TYPES: 'bot,email', OFFSET: 0 },
		],
		['sendTyping', 'im.dialog.writing', { dialogId: locator('chat2') }, { DIALOG_ID: 'chat2' }],
		['setUnreadMark', 'im.recent.unread', { dialogId: locator('chat2') }, { DIALOG_ID: 'chat2', ACTION: 'Y' }],
		['setUnreadMark', 'im.recent.unread', { dialogId: locator('chat2'), unread: false }, { DIALOG_ID: 'chat2', ACTION: 'N' }],
		['pin', 'im.recent.pin', { dialogId: locator('3') }, { DIALOG_ID: '3', PIN: 'Y' }],
		['unpin', 'im.recent.pin', { dialogId: locator('3') }, { DIALOG_ID: '3', PIN: 'N' }],
		['hide', 'im.recent.hide', { dialogId: locator('SG5') }, { DIALOG_ID: 'sg5' }],
		['getRecent', 'im.recent.list', {}, { OFFSET: 0 }],
		[
			'getRecent',
			'im.recent.list',
			{ filters: { skipOpenlines: true, unreadOnly: true, skipChat: false, onlyChannel: true } },
			{ OFFSET: 0, SKIP_OPENLINES: 'Y', UNREAD_ONLY: 'Y', ONLY_CHANNEL: 'Y' },
		],
	])('%s calls %s', async (value, method, parameters, expected) => {
		expect(await request(value, parameters)).toEqual({ method, params: expected });
	});

	it.each<[string, IDataObject, string]>([
		['get', { dialogId: locator('notify') }, 'Item 0: Dialog ID "notify" is not valid'],
		['get', { dialogId: locator('') }, 'Item 0: Dialog ID "" is not valid'],
		['getMessages', { dialogId: locator('chat6'), direction: 'newestFirst', startAfterMessageId: '0' }, 'Item 0: Start After Message ID "0" is not valid'],
		['getMessages', { dialogId: locator('chat6'), direction: 'oldestFirst', startAfterMessageId: '1.5' }, 'Item 0: Start After Message ID "1.5" is not valid'],
		['getMessages', { dialogId: locator('chat6'), direction: 'sideways' }, 'Item 0: Direction "sideways" is not valid: it must be one of newestFirst, oldestFirst'],
		['pin', { dialogId: locator('chat-1') }, 'Item 0: Dialog ID "chat-1" is not valid'],
		['getMembers', { dialogId: locator('user5') }, 'Item 0: Dialog ID "user5" is not valid'],
	])('%s refuses %j', async (value, parameters, message) => {
		await expect(request(value, parameters)).rejects.toThrow(message);
	});

	it('marks every operation safe to repeat; list operations are never batched', () => {
		for (const value of ['get', 'getMessages', 'getMembers', 'sendTyping', 'setUnreadMark', 'pin', 'unpin', 'hide', 'getRecent']) {
			const op = operation(value);
			expect(sendingTraits(op)).toEqual({ retrySafe: true, batchable: op.kind !== 'list' });
		}
	});
});

describe('dialog answers', () => {
	const ok = (result: unknown, extra: Partial<Bitrix24Success> = {}): Bitrix24Success => ({ result, ...extra });
	const shape = (value: string, answer: Bitrix24Success, params: IDataObject) =>
		(operation(value) as { shape: Shape }).shape(answer, params);

	it.each<[string, unknown, IDataObject, IDataObject]>([
		['get', { id: 2, name: 'Project Apollo' }, { DIALOG_ID: 'chat2' }, { id: 2, name: 'Project Apollo' }],
		['sendTyping', true, { DIALOG_ID: 'chat2' }, { success: true, dialogId: 'chat2' }],
		['setUnreadMark', true, { DIALOG_ID: '5', ACTION: 'Y' }, { success: true, dialogId: '5', unread: true }],
		['setUnreadMark', true, { DIALOG_ID: '5', ACTION: 'N' }, { success: true, dialogId: '5', unread: false }],
		['pin', true, { DIALOG_ID: 'chat2', PIN: 'Y' }, { success: true, dialogId: 'chat2', pinned: true }],
		['unpin', true, { DIALOG_ID: 'chat2', PIN: 'N' }, { success: true, dialogId: 'chat2', pinned: false }],
		['hide', true, { DIALOG_ID: 'sg5' }, { success: true, dialogId: 'sg5', hidden: true }],
	])('%s shapes %j', (value, result, params, expected) => {
		expect(shape(value, ok(result), params)).toEqual(expected);
	});

	describe('Get Messages pages', () => {
		const paging = (operation('getMessages') as ListOperation).paging;
		const page = (from: number, count: number, step: number) =>
			Array.from({ length: count }, (_, i) => ({ id: from + i * step, text: `m${from + i * step}`, params: [] }));

		it('continues from the oldest message seen (newest first) or the newest seen (oldest first)', () => {
			const newest = page(200, 50, -2);
			const records = paging.records(ok({ chat_id: 6, messages: newest, users: [], files: [] }));
			expect(records).toHaveLength(50);
			expect(paging.nextPage(ok({}), { DIALOG_ID: 'chat6', LAST_ID: 0 }, records)).toEqual({ DIALOG_ID: 'chat6', LAST_ID: 102 });
			const oldest = paging.records(ok({ messages: page(10, 50, 3) }));
			expect(paging.nextPage(ok({}), { DIALOG_ID: 'chat6', FIRST_ID: 7 }, oldest)).toEqual({ DIALOG_ID: 'chat6', FIRST_ID: 157 });
		});

		it('stops after a short page', () => {
			const records = paging.records(ok({ messages: page(10, 49, 1) }));
			expect(paging.nextPage(ok({}), { DIALOG_ID: 'chat6', LAST_ID: 0 }, records)).toBeUndefined();
		});

		it('attaches each message\'s files without their links, and turns PHP\'s empty params [] into {}', () => {
			const file = {
				id: 1001,
				name: 'a.png',
				urlPreview: 'https://x/rest/1/abcdef/download.json?token=t&preview=Y',
				urlShow: 'https://x/rest/1/abcdef/download.json?token=t&show=Y',
				urlDownload: 'https://x/rest/1/abcdef/download.json?token=t',
				viewerAttrs: { viewer: true, src: 'https://x/rest/1/abcdef/download.json?token=t', title: 'a.png' },
			};
			const records = paging.records(
				ok({
					messages: [
						{ id: 3, text: 'pic', params: { FILE_ID: [1001, 999] } },
						{ id: 2, text: 'plain', params: [] },
					],
					files: [file],
				}),
			);
			expect(records).toEqual([
				{
					id: 3,
					text: 'pic',
					params: { FILE_ID: [1001, 999] },
					files: [
						{
							id: 1001,
							name: 'a.png',
							urlPreview: null,
							urlShow: null,
							urlDownload: null,
							viewerAttrs: { viewer: true, src: null, title: 'a.png' },
							linksRemoved: LINKS_REMOVED,
						},
					],
				},
				{ id: 2, text: 'plain', params: {}, files: [] },
			]);
		});

		it('says nothing was removed when a file has no links', () => {
			const records = paging.records(ok({ messages: [{ id: 3, params: { FILE_ID: ['5'] } }], files: [{ id: 5, urlDownload: '' }] }));
			expect(records[0].files).toEqual([{ id: 5, urlDownload: null }]);
		});
	});

	describe('offset lists', () => {
		it('Get Members follows `next`, and stops without it', () => {
			const paging = (operation('getMembers') as ListOperation).paging;
			const users = [{ id: 1 }, { id: 2 }];
			expect(paging.records(ok(users))).toEqual(users);
			expect(paging.nextPage(ok(users, { next: 2, total: 5 }), { DIALOG_ID: 'chat1', OFFSET: 0 }, users)).toEqual({ DIALOG_ID: 'chat1', OFFSET: 2 });
			expect(paging.nextPage(ok(users, { total: 2 }), { DIALOG_ID: 'chat1', OFFSET: 0 }, users)).toBeUndefined();
		});

		it('Get Recent reads `items` and goes on while hasMore (from `next`, else by counting)', () => {
			const paging = (operation('getRecent') as ListOperation).paging;
			const items = [{ id: 'chat1' }, { id: 2 }];
			const more = ok({ items, hasMore: true }, { next: 2 });
			expect(paging.records(more)).toEqual(items);
			expect(paging.nextPage(more, { OFFSET: 0, SKIP_CHAT: 'Y' }, items)).toEqual({ OFFSET: 2, SKIP_CHAT: 'Y' });
			expect(paging.nextPage(ok({ items, hasMore: true }), { OFFSET: 4 }, items)).toEqual({ OFFSET: 6 });
			expect(paging.nextPage(ok({ items, hasMore: false }), { OFFSET: 0 }, items)).toBeUndefined();
			expect(paging.records(ok({ items: [], hasMore: false }))).toEqual([]);
		});
	});
});
