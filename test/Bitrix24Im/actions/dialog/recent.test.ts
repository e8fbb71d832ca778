import type { ListOperation } from '../../../../nodes/shared/operations';
import { operationOf } from '../../../helpers/operationRequest';
import { byId as locator, ok, refusalCases, requestCases, shapeCases } from '../../../helpers/operationTables';

const operation = (value: string) => operationOf('dialog', value);

/** Entries of im.recent.get: a chat, a workgroup's chat (found by its group for sgNNN), a private dialog (id a number). */
const recentEntries = [
	{ id: 'chat2', chat_id: 2, type: 'chat', counter: 1, pinned: false, chat: { entity_type: '', entity_id: '' } },
	{ id: 'chat3', chat_id: 3, type: 'chat', counter: 0, pinned: true, chat: { entity_type: 'SONET_GROUP', entity_id: '5' } },
	{ id: 3, chat_id: 5, type: 'user', counter: 2, pinned: false, chat: {} },
];

describe('dialog requests', () => {
	requestCases('dialog', '%s calls %s', [
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
		['setUnreadMark', 'im.recent.unread', { dialogId: locator('Notify') }, { DIALOG_ID: 'notify', ACTION: 'Y' }],
		['pin', 'im.recent.pin', { dialogId: locator('notify') }, { DIALOG_ID: 'notify', PIN: 'Y' }],
		['unpin', 'im.recent.pin', { dialogId: 'NOTIFY' }, { DIALOG_ID: 'notify', PIN: 'N' }],
		['hide', 'im.recent.hide', { dialogId: locator(' notify ') }, { DIALOG_ID: 'notify' }],
		['getRecentEntry', 'im.recent.get', { dialogId: locator('CHAT2') }, { DIALOG_ID: 'chat2', SKIP_DIALOG: 'Y' }],
		['getRecentEntry', 'im.recent.get', { dialogId: locator('sg05') }, { DIALOG_ID: 'sg5', SKIP_DIALOG: 'Y' }],
		['getRecentEntry', 'im.recent.get', { dialogId: locator('003') }, { DIALOG_ID: '3', SKIP_CHAT: 'Y', SKIP_OPENLINES: 'Y' }],
	]);

	refusalCases('dialog', [
		['pin', { dialogId: locator('chat-1') }, 'Item 0: Dialog ID "chat-1" is not valid'],
		// im.recent.get never lists the notifications dialog (Recent::get skips system items).
		['getRecentEntry', { dialogId: locator('notify') },
			'Item 0: Dialog ID "notify" is not valid: it is the notifications dialog, which this operation does not take'],
	]);
});

describe('dialog answers', () => {
	shapeCases('dialog', [
		['setUnreadMark', true, { DIALOG_ID: '5', ACTION: 'Y' }, { success: true, dialogId: '5', unread: true }],
		['setUnreadMark', true, { DIALOG_ID: '5', ACTION: 'N' }, { success: true, dialogId: '5', unread: false }],
		['pin', true, { DIALOG_ID: 'chat2', PIN: 'Y' }, { success: true, dialogId: 'chat2', pinned: true }],
		['unpin', true, { DIALOG_ID: 'chat2', PIN: 'N' }, { success: true, dialogId: 'chat2', pinned: false }],
		['hide', true, { DIALOG_ID: 'sg5' }, { success: true, dialogId: 'sg5', hidden: true }],
		['pin', true, { DIALOG_ID: 'notify', PIN: 'Y' }, { success: true, dialogId: 'notify', pinned: true }],
		['getRecentEntry', recentEntries, { DIALOG_ID: 'chat2', SKIP_DIALOG: 'Y' }, { found: true, dialogId: 'chat2', ...recentEntries[0] }],
		['getRecentEntry', recentEntries, { DIALOG_ID: '3', SKIP_CHAT: 'Y' }, { found: true, dialogId: '3', ...recentEntries[2] }],
		['getRecentEntry', recentEntries, { DIALOG_ID: 'sg5', SKIP_DIALOG: 'Y' }, { found: true, dialogId: 'sg5', ...recentEntries[1] }],
		['getRecentEntry', recentEntries, { DIALOG_ID: 'chat9', SKIP_DIALOG: 'Y' }, { found: false, dialogId: 'chat9' }],
		['getRecentEntry', recentEntries, { DIALOG_ID: 'sg7', SKIP_DIALOG: 'Y' }, { found: false, dialogId: 'sg7' }],
		['getRecentEntry', [], { DIALOG_ID: '30', SKIP_CHAT: 'Y' }, { found: false, dialogId: '30' }],
	]);

	describe('offset lists', () => {
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
