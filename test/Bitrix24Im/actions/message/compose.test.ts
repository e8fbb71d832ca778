import type { IDataObject } from 'n8n-workflow';

import type { Bitrix24Success } from '../../../../nodes/shared/transport/types';
import { operationOf, requestFor, sendingTraits, singleCallOf } from '../../../helpers/operationRequest';
import { byId } from '../../../helpers/operationTables';

const bigAttach = JSON.stringify([{ MESSAGE: 'x'.repeat(60001) }]);
const fitsAttach = [{ MESSAGE: 'x'.repeat(59980) }];

describe('message requests', () => {
	it.each<[string, string, IDataObject, string, IDataObject]>([
		['send: text only, defaults', 'send', { dialogId: byId('CHAT2'), text: ' Hi ' }, 'im.message.add',
			{ DIALOG_ID: 'chat2', MESSAGE: 'Hi', SYSTEM: 'N', URL_PREVIEW: 'Y' }],
		['send: attachments, keyboard, menu as JSON text', 'send',
			{ dialogId: '2', text: 'Deal', additionalFields: {
				attachments: '[{"MESSAGE":"won"}]', keyboard: '[{"TEXT":"OK","COMMAND":"ok"}]', menu: { ITEMS: [{ TEXT: 'Open', LINK: 'https://e.com' }] },
				system: true, urlPreview: false, replyToMessageId: '101' } },
			'im.message.add',
			{ DIALOG_ID: '2', MESSAGE: 'Deal', ATTACH: [{ MESSAGE: 'won' }], KEYBOARD: [{ TEXT: 'OK', COMMAND: 'ok' }],
				MENU: { ITEMS: [{ TEXT: 'Open', LINK: 'https://e.com' }] }, SYSTEM: 'Y', URL_PREVIEW: 'N', REPLY_ID: 101 }],
		['send: attachments without text', 'send', { dialogId: 'chat2', text: '', additionalFields: { attachments: { BLOCKS: [{ MESSAGE: 'm' }] } } },
			'im.message.add', { DIALOG_ID: 'chat2', ATTACH: { BLOCKS: [{ MESSAGE: 'm' }] }, SYSTEM: 'N', URL_PREVIEW: 'Y' }],
		['send: attachments of exactly the allowed size', 'send', { dialogId: 'chat2', text: 'x', additionalFields: { attachments: fitsAttach } },
			'im.message.add', { DIALOG_ID: 'chat2', MESSAGE: 'x', ATTACH: fitsAttach, SYSTEM: 'N', URL_PREVIEW: 'Y' }],
		['update: defaults', 'update', { messageId: '105', text: 'New' }, 'im.message.update',
			{ MESSAGE_ID: 105, MESSAGE: 'New', IS_EDITED: 'Y', URL_PREVIEW: 'Y' }],
		['update: everything', 'update',
			{ messageId: 105, text: 'New', additionalFields: { attachments: '{"BLOCKS":[{"DELIMITER":{}}]}', keyboard: '[{"TYPE":"NEWLINE"}]', menu: '[{"TEXT":"a","LINK":"https://e.com"}]', isEdited: false, urlPreview: false } },
			'im.message.update',
			{ MESSAGE_ID: 105, MESSAGE: 'New', ATTACH: { BLOCKS: [{ DELIMITER: {} }] }, KEYBOARD: [{ TYPE: 'NEWLINE' }],
				MENU: [{ TEXT: 'a', LINK: 'https://e.com' }], IS_EDITED: 'N', URL_PREVIEW: 'N' }],
		['delete', 'delete', { messageId: ' 107 ' }, 'im.message.delete', { MESSAGE_ID: 107 }],
	])('%s', async (_case, operation, parameters, method, params) => {
		expect(await requestFor('message', operation, parameters)).toEqual({ method, params });
	});

	it.each<[string, string, IDataObject, string]>([
		['send: empty text without attachments', 'send', { dialogId: 'chat2', text: ' ' }, 'Item 0: Text " " is not valid: it must not be empty'],
		['send: attachments not JSON', 'send', { dialogId: 'chat2', text: 'a', additionalFields: { attachments: '{MESSAGE:1}' } },
			'Item 0: Attachments "{MESSAGE:1}" is not valid: it must be a JSON object or array'],
		['send: attachments over 60,000 characters', 'send', { dialogId: 'chat2', text: 'a', additionalFields: { attachments: bigAttach } },
			`Item 0: Attachments "${bigAttach.slice(0, 40)}…" is not valid: it is 60017 characters as JSON; Bitrix24 accepts at most 60000 (ATTACH_OVERSIZE)`],
		['send: keyboard not JSON', 'send', { dialogId: 'chat2', text: 'a', additionalFields: { keyboard: 'OK' } },
			'Item 0: Keyboard "OK" is not valid: it must be a JSON object or array'],
		['send: menu not JSON', 'send', { dialogId: 'chat2', text: 'a', additionalFields: { menu: '12' } },
			'Item 0: Menu "12" is not valid: it must be a JSON object or array'],
		['update: empty text would delete', 'update', { messageId: '5', text: '  ' },
			'Item 0: Text "  " is not valid: it must not be empty: Bitrix24 would delete the message instead of updating it (use Message → Delete to delete)'],
		['update: bad message ID', 'update', { messageId: '1.5', text: 'a' }, 'Item 0: Message ID "1.5" is not valid: it must be a whole number greater than 0'],
		['update: attachments over 60,000 characters', 'update', { messageId: '5', text: 'a', additionalFields: { attachments: bigAttach } },
			`Item 0: Attachments "${bigAttach.slice(0, 40)}…" is not valid: it is 60017 characters as JSON; Bitrix24 accepts at most 60000 (ATTACH_OVERSIZE)`],
		['delete: no message ID', 'delete', { messageId: '' }, 'Item 0: Message ID "" is not valid: it must be a whole number greater than 0'],
	])('refuses %s', async (_case, operation, parameters, message) => {
		await expect(requestFor('message', operation, parameters)).rejects.toThrow(message);
	});
});

describe('message answers', () => {
	const answer = (result: unknown): Bitrix24Success => ({ result, time: { start: 1 } });
	it.each<[string, IDataObject, unknown, IDataObject]>([
		['send', { DIALOG_ID: 'chat2', MESSAGE: 'a' }, 321, { messageId: 321, dialogId: 'chat2' }],
		['update', { MESSAGE_ID: 5, MESSAGE: 'a' }, true, { success: true, messageId: 5 }],
		['delete', { MESSAGE_ID: 5 }, true, { success: true, messageId: 5 }],
	])('%s says what it did', (operation, params, result, shaped) => {
		expect(singleCallOf('message', operation).shape?.(answer(result), params)).toEqual(shaped);
	});

	it.each([
		['send', false, true],
		['update', true, true],
		['delete', true, true],
	])('%s: retry-safe %p, batchable %p', (operation, retrySafe, batchable) => {
		expect(sendingTraits(operationOf('message', operation))).toEqual({ retrySafe, batchable });
	});
});
