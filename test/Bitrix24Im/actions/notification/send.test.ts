import type { IDataObject } from 'n8n-workflow';

import type { Bitrix24Success } from '../../../../nodes/shared/transport/types';
import { operationOf, requestFor, sendingTraits, singleCallOf } from '../../../helpers/operationRequest';

const answer = (result: unknown): Bitrix24Success => ({ result, time: { start: 1 } });

describe('notification requests', () => {
	it.each<[string, string, IDataObject, string, IDataObject]>([
		['personal: text only', 'sendPersonal', { userId: '2', text: ' Hi ' }, 'im.notify.personal.add', { USER_ID: 2, MESSAGE: 'Hi' }],
		['personal: everything', 'sendPersonal',
			{ userId: 2, text: 'Deal won', additionalFields: { messageOut: 'Deal won (email)', tag: 'DEAL|42', subTag: 'DEAL|42|WON', attachments: '[{"MESSAGE":"m"}]' } },
			'im.notify.personal.add',
			{ USER_ID: 2, MESSAGE: 'Deal won', MESSAGE_OUT: 'Deal won (email)', TAG: 'DEAL|42', SUB_TAG: 'DEAL|42|WON', ATTACH: [{ MESSAGE: 'm' }] }],
		['system', 'sendSystem', { userId: '3', text: 'Backup done', additionalFields: { tag: 'BACKUP' } }, 'im.notify.system.add',
			{ USER_ID: 3, MESSAGE: 'Backup done', TAG: 'BACKUP' }],
	])('%s', async (_case, operation, parameters, method, params) => {
		expect(await requestFor('notification', operation, parameters)).toEqual({ method, params });
	});

	it.each<[string, string, IDataObject, string]>([
		['personal: no user', 'sendPersonal', { userId: '', text: 'a' }, 'Item 0: User ID "" is not valid: it must be a whole number greater than 0'],
		['system: empty text', 'sendSystem', { userId: '2', text: '  ' }, 'Item 0: Text "  " is not valid: it must not be empty'],
		['personal: attachments over 60,000 characters', 'sendPersonal',
			{ userId: '2', text: 'a', additionalFields: { attachments: [{ MESSAGE: 'x'.repeat(60000) }] } },
			'is not valid: it is 60016 characters as JSON; Bitrix24 accepts at most 60000 (ATTACH_OVERSIZE)'],
	])('refuses %s', async (_case, operation, parameters, message) => {
		await expect(requestFor('notification', operation, parameters)).rejects.toThrow(message);
	});
});

describe('notification answers', () => {
	it.each<[string, IDataObject, unknown, IDataObject]>([
		['sendPersonal', { USER_ID: 2 }, 1501, { notificationId: 1501, userId: 2 }],
		['sendSystem', { USER_ID: 3 }, 1502, { notificationId: 1502, userId: 3 }],
	])('%s says what it did', (operation, params, result, shaped) => {
		expect(singleCallOf('notification', operation).shape?.(answer(result), params)).toEqual(shaped);
	});

	it('treats a `false` from a send as a failure', () => {
		const send = singleCallOf('notification', 'sendPersonal');
		expect(send.check?.(answer(false))).toMatchObject({ code: 'NOTIFY_NOT_ADDED' });
		expect(send.check?.(answer(5))).toBeUndefined();
	});

	it.each([
		['sendPersonal', false, true],
		['sendSystem', false, true],
	])('%s: retry-safe %p, batchable %p', (operation, retrySafe, batchable) => {
		expect(sendingTraits(operationOf('notification', operation))).toEqual({ retrySafe, batchable });
	});
});
