import type { IDataObject } from 'n8n-workflow';

import type { Bitrix24Success } from '../../../../nodes/shared/transport/types';
import { operationOf, requestFor, sendingTraits, singleCallOf } from '../../../helpers/operationRequest';

const answer = (result: unknown): Bitrix24Success => ({ result, time: { start: 1 } });

describe('notification requests', () => {
	it.each<[string, string, IDataObject, string, IDataObject]>([
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
	])('%s', async (_case, operation, parameters, method, params) => {
		expect(await requestFor('notification', operation, parameters)).toEqual({ method, params });
	});

	it.each<[string, string, IDataObject, string]>([
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


	it.each([
		['delete', true, true],
		['markRead', true, true],
		['markAllRead', true, true],
	])('%s: retry-safe %p, batchable %p', (operation, retrySafe, batchable) => {
		expect(sendingTraits(operationOf('notification', operation))).toEqual({ retrySafe, batchable });
	});
});
