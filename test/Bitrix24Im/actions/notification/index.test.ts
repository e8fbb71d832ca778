import type { IDataObject } from 'n8n-workflow';

import { resources } from '../../../../nodes/Bitrix24Im/actions';
import type { Bitrix24Success } from '../../../../nodes/shared/transport/types';
import { listOf, operationOf, requestFor, sendingTraits, singleCallOf } from '../../../helpers/operationRequest';

const answer = (result: unknown): Bitrix24Success => ({ result, time: { start: 1 } });

it('is registered after Chat and before User', () => {
	const order = resources.map(({ value }) => value);
	expect(order.indexOf('notification')).toBe(order.indexOf('message') + (order.includes('chat') ? 2 : 1));
	expect(resources.find(({ value }) => value === 'notification')?.operations.map(({ value }) => value)).toEqual([
		'sendPersonal', 'sendSystem', 'delete', 'markRead', 'markAllRead', 'getMany', 'call',
	]);
});

describe('notification requests', () => {
	it.each<[string, string, IDataObject, string, IDataObject]>([
		['personal: text only', 'sendPersonal', { userId: '2', text: ' Hi ' }, 'im.notify.personal.add', { USER_ID: 2, MESSAGE: 'Hi' }],
		['personal: everything', 'sendPersonal',
			{ userId: 2, text: 'Deal won', additionalFields: { messageOut: 'Deal won (email)', tag: 'DEAL|42', subTag: 'DEAL|42|WON', attachments: '[{"MESSAGE":"m"}]' } },
			'im.notify.personal.add',
			{ USER_ID: 2, MESSAGE: 'Deal won', MESSAGE_OUT: 'Deal won (email)', TAG: 'DEAL|42', SUB_TAG: 'DEAL|42|WON', ATTACH: [{ MESSAGE: 'm' }] }],
		['system', 'sendSystem', { userId: '3', text: 'Backup done', additionalFields: { tag: 'BACKUP' } }, 'im.notify.system.add',
			{ USER_ID: 3, MESSAGE: 'Backup done', TAG: 'BACKUP' }],
		['delete by ID', 'delete', { authentication: 'webhook', deleteBy: 'id', notificationId: '1500' }, 'im.notify.delete', { ID: 1500 }],
		['delete by tag through a webhook', 'delete', { authentication: 'webhook', deleteBy: 'tag', tag: 'DEAL|42', clientId: 'crm' }, 'im.notify.delete',
			{ TAG: 'DEAL|42', CLIENT_ID: 'crm' }],
		['delete by sub-tag with OAuth2', 'delete', { authentication: 'oAuth2', deleteBy: 'subTag', subTag: 'DEAL|42|WON' }, 'im.notify.delete',
			{ SUB_TAG: 'DEAL|42|WON' }],
		['mark read: a list', 'markRead', { notificationIds: '5, 7', scope: 'only' }, 'im.notify.read.list', { IDS: [5, 7], ACTION: 'Y' }],
		['mark read: one', 'markRead', { notificationIds: 5, scope: 'only' }, 'im.notify.read.list', { IDS: [5], ACTION: 'Y' }],
		['mark read: one and every later one', 'markRead', { notificationIds: '5', scope: 'andLater' }, 'im.notify.read',
			{ ID: 5, ACTION: 'Y', ONLY_CURRENT: 'N' }],
		['mark all read', 'markAllRead', {}, 'im.notify.read.all', {}],
		['get many', 'getMany', { convertText: true }, 'im.notify.get', { CONVERT_TEXT: 'Y' }],
	])('%s', async (_case, operation, parameters, method, params) => {
		expect(await requestFor('notification', operation, parameters)).toEqual({ method, params });
	});

	it.each<[string, string, IDataObject, string]>([
		['personal: no user', 'sendPersonal', { userId: '', text: 'a' }, 'Item 0: User ID "" is not valid: it must be a whole number greater than 0'],
		['system: empty text', 'sendSystem', { userId: '2', text: '  ' }, 'Item 0: Text "  " is not valid: it must not be empty'],
		['personal: attachments over 60,000 characters', 'sendPersonal',
			{ userId: '2', text: 'a', additionalFields: { attachments: [{ MESSAGE: 'x'.repeat(60000) }] } },
			'is not valid: it is 60016 characters as JSON; Bitrix24 accepts at most 60000 (ATTACH_OVERSIZE)'],
		['delete: no ID', 'delete', { authentication: 'webhook', deleteBy: 'id', notificationId: '' },
			'Item 0: Notification ID "" is not valid: it must be a whole number greater than 0'],
		['delete: empty tag', 'delete', { authentication: 'oAuth2', deleteBy: 'tag', tag: ' ' }, 'Item 0: Tag " " is not valid: it must not be empty'],
		['delete: empty sub-tag', 'delete', { authentication: 'oAuth2', deleteBy: 'subTag', subTag: '' }, 'Item 0: Sub-Tag "" is not valid: it must not be empty'],
		['delete: by tag through a webhook without client ID', 'delete', { authentication: 'webhook', deleteBy: 'tag', tag: 'T' },
			'Item 0: Client ID "" is not valid: with a webhook credential, deleting by tag needs the Client ID'],
		['delete: unknown way', 'delete', { authentication: 'webhook', deleteBy: 'date' }, 'Item 0: Delete By "date" is not valid: it must be one of id, tag, subTag'],
		['mark read: no IDs', 'markRead', { notificationIds: '', scope: 'only' },
			'Item 0: Notification IDs "" is not valid: it must be one or more whole numbers greater than 0, separated by commas'],
		['mark read: several IDs and every later one', 'markRead', { notificationIds: '5, 7', scope: 'andLater' },
			'Item 0: Notification IDs "5, 7" is not valid: with This and Every Later One, give a single notification ID'],
	])('refuses %s', async (_case, operation, parameters, message) => {
		await expect(requestFor('notification', operation, parameters)).rejects.toThrow(message);
	});
});

describe('notification answers', () => {
	it.each<[string, IDataObject, unknown, IDataObject]>([
		['sendPersonal', { USER_ID: 2 }, 1501, { notificationId: 1501, userId: 2 }],
		['sendSystem', { USER_ID: 3 }, 1502, { notificationId: 1502, userId: 3 }],
		['delete', { ID: 9 }, true, { success: true, deleted: true, notificationId: 9 }],
		['delete', { ID: 9 }, false, { success: true, deleted: false, notificationId: 9 }],
		['delete', { TAG: 'T', CLIENT_ID: 'c' }, true, { success: true, deleted: true, tag: 'T' }],
		['delete', { SUB_TAG: 'S' }, true, { success: true, deleted: true, subTag: 'S' }],
		['markRead', { IDS: [1, 2], ACTION: 'Y' }, true, { success: true, notificationIds: [1, 2] }],
		['markRead', { ID: 4, ACTION: 'Y', ONLY_CURRENT: 'N' }, true, { success: true, fromNotificationId: 4 }],
		['markAllRead', {}, { result: true, newCounter: 0 }, { success: true, unreadCount: 0 }],
		['markAllRead', {}, true, { success: true }],
	])('%s says what it did', (operation, params, result, shaped) => {
		expect(singleCallOf('notification', operation).shape?.(answer(result), params)).toEqual(shaped);
	});

	it('treats a `false` from a send as a failure', () => {
		const send = singleCallOf('notification', 'sendPersonal');
		expect(send.check?.(answer(false))).toMatchObject({ code: 'NOTIFY_NOT_ADDED' });
		expect(send.check?.(answer(5))).toBeUndefined();
	});

	it('pages by the last notification and its stage, and stops after a page shorter than 50', () => {
		const paging = listOf('notification', 'getMany').paging;
		const full = (last: IDataObject) => [...Array.from({ length: 49 }, (_, index) => ({ id: 1000 - index, notify_type: 1 })), last];
		const page = answer({ notifications: full({ id: 7, notify_type: 1 }) });
		expect(paging?.records(page)).toHaveLength(50);
		expect(paging?.records(answer({ notifications: [], users: [] }))).toEqual([]);
		expect(paging?.records(answer({ users: [] }))).toEqual([]);
		expect(paging?.nextPage(page, { CONVERT_TEXT: 'N' }, full({ id: 7, notify_type: 1 }))).toEqual({ CONVERT_TEXT: 'N', LAST_ID: 7, LAST_TYPE: 1 });
		expect(paging?.nextPage(page, { LAST_ID: 7, LAST_TYPE: 1 }, full({ id: 5, notify_type: 2 }))).toEqual({ LAST_ID: 5, LAST_TYPE: 3 });
		expect(paging?.nextPage(page, { LAST_ID: 7, LAST_TYPE: 1 }, full({ id: 5, notify_type: 4 }).slice(1))).toBeUndefined();
		expect(paging?.pageSize).toEqual({ param: 'LIMIT', max: 50 });
	});

	it.each([
		['sendPersonal', false, true],
		['sendSystem', false, true],
		['delete', true, true],
		['markRead', true, true],
		['markAllRead', true, true],
		['getMany', true, false],
	])('%s: retry-safe %p, batchable %p', (operation, retrySafe, batchable) => {
		expect(sendingTraits(operationOf('notification', operation))).toEqual({ retrySafe, batchable });
	});
});
