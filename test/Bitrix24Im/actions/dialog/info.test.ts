import type { ListOperation } from '../../../../nodes/shared/operations';
import { operationOf } from '../../../helpers/operationRequest';
import { byId as locator, ok, refusalCases, requestCases, shapeCases } from '../../../helpers/operationTables';

const operation = (value: string) => operationOf('dialog', value);

describe('dialog requests', () => {
	requestCases('dialog', '%s calls %s', [
		['get', 'im.dialog.get', { dialogId: locator('Chat12') }, { DIALOG_ID: 'chat12' }],
		['get', 'im.dialog.get', { dialogId: '42' }, { DIALOG_ID: '42' }],
		['getMembers', 'im.dialog.users.list', { dialogId: locator('chat1') }, { DIALOG_ID: 'chat1', SKIP_EXTERNAL: 'N', OFFSET: 0 }],
		[
			'getMembers',
			'im.dialog.users.list',
			{ dialogId: locator('chat1'), filters: { skipExternal: true, skipExternalExceptTypes: ' bot,email ' } },
			{ DIALOG_ID: 'chat1', SKIP_EXTERNAL: 'Y', SKIP_EXTERNAL_EXCEPT_TYPES: 'bot,email', OFFSET: 0 },
		],
		['sendTyping', 'im.dialog.writing', { dialogId: locator('chat2') }, { DIALOG_ID: 'chat2' }],
	]);

	refusalCases('dialog', [
		['get', { dialogId: locator('notify') }, 'Item 0: Dialog ID "notify" is not valid'],
		['get', { dialogId: locator('') }, 'Item 0: Dialog ID "" is not valid'],
		['getMembers', { dialogId: locator('user5') }, 'Item 0: Dialog ID "user5" is not valid'],
	]);
});

describe('dialog answers', () => {
	shapeCases('dialog', [
		['get', { id: 2, name: 'Project Apollo' }, { DIALOG_ID: 'chat2' }, { id: 2, name: 'Project Apollo' }],
		['sendTyping', true, { DIALOG_ID: 'chat2' }, { success: true, dialogId: 'chat2' }],
	]);

	describe('offset lists', () => {
		it('Get Members follows `next`, and stops without it', () => {
			const paging = (operation('getMembers') as ListOperation).paging;
			const users = [{ id: 1 }, { id: 2 }];
			expect(paging.records(ok(users))).toEqual(users);
			expect(paging.nextPage(ok(users, { next: 2, total: 5 }), { DIALOG_ID: 'chat1', OFFSET: 0 }, users)).toEqual({ DIALOG_ID: 'chat1', OFFSET: 2 });
			expect(paging.nextPage(ok(users, { total: 2 }), { DIALOG_ID: 'chat1', OFFSET: 0 }, users)).toBeUndefined();
		});
	});
});
