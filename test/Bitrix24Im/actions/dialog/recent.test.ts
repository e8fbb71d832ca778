import type { ListOperation } from '../../../../nodes/shared/operations';
import { operationOf } from '../../../helpers/operationRequest';
import { byId as locator, ok, refusalCases, requestCases, shapeCases } from '../../../helpers/operationTables';

const operation = (value: string) => operationOf('dialog', value);

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
	]);

	refusalCases('dialog', [
		['pin', { dialogId: locator('chat-1') }, 'Item 0: Dialog ID "chat-1" is not valid'],
	]);
});

describe('dialog answers', () => {
	shapeCases('dialog', [
		['setUnreadMark', true, { DIALOG_ID: '5', ACTION: 'Y' }, { success: true, dialogId: '5', unread: true }],
		['setUnreadMark', true, { DIALOG_ID: '5', ACTION: 'N' }, { success: true, dialogId: '5', unread: false }],
		['pin', true, { DIALOG_ID: 'chat2', PIN: 'Y' }, { success: true, dialogId: 'chat2', pinned: true }],
		['unpin', true, { DIALOG_ID: 'chat2', PIN: 'N' }, { success: true, dialogId: 'chat2', pinned: false }],
		['hide', true, { DIALOG_ID: 'sg5' }, { success: true, dialogId: 'sg5', hidden: true }],
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
