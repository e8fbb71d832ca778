import type { IDataObject, IExecuteFunctions, INode, NodeOperationError } from 'n8n-workflow';

import { createItemReader } from '../../../nodes/shared/operations/itemReader';
import { requestFor } from '../../helpers/operationRequest';

const node: INode = { id: '1', name: 'Bitrix24 IM', type: 'n8n-nodes-bitrix24-im.bitrix24Im', typeVersion: 1, position: [0, 0], parameters: {} };

describe('inputError', () => {
	it('names the item, the field and the bad value', () => {
		const context = { getNode: () => node } as unknown as IExecuteFunctions;
		const read = createItemReader(context, 2, [{ displayName: 'Dialog ID', name: 'dialogId', type: 'string', default: '' }]);
		let error: NodeOperationError | undefined;
		try {
			read.invalid('dialogId', 'use chatNNN', 'chatX');
		} catch (thrown) {
			error = thrown as NodeOperationError;
		}
		if (!error) throw new Error('no input error');
		expect(error.message).toBe('Item 2: Dialog ID "chatX" is not valid: use chatNNN');
		expect(error.context.itemIndex).toBe(2);
		expect(error.description).toMatch(/nothing was sent/);
	});
});

describe('every id field: refused before sending, or sent in one canonical form', () => {
	const byId = (value: unknown) => ({ __rl: true, mode: 'id', value });

	it.each<[string, string, string, IDataObject, IDataObject]>([
		['Dialog ID (locator)', 'message', 'send', { dialogId: byId(' CHAT012 '), text: 'x' }, { DIALOG_ID: 'chat12' }],
		['Dialog ID, workgroup', 'message', 'send', { dialogId: byId('SG07'), text: 'x' }, { DIALOG_ID: 'sg7' }],
		['Dialog ID, user', 'dialog', 'get', { dialogId: byId('0042') }, { DIALOG_ID: '42' }],
		['Dialog ID, saved as a plain value', 'dialog', 'get', { dialogId: 'chat0012' }, { DIALOG_ID: 'chat12' }],
		['Dialog ID from a number', 'dialog', 'get', { dialogId: byId(42) }, { DIALOG_ID: '42' }],
		['Dialog ID, the notifications dialog where the method takes it', 'dialog', 'markRead', { dialogId: byId(' NOTIFY ') }, { DIALOG_ID: 'notify' }],
		['Dialog ID that may be notify, a chat', 'dialog', 'pin', { dialogId: byId('CHAT02') }, { DIALOG_ID: 'chat2' }],
		['date and time', 'message', 'search', { chatId: byId('6'), filters: { dateFrom: '2026-03-01T09:00:00.5+01:00' } },
			{ DATE_FROM: '2026-03-01T08:00:00+00:00' }],
		['Chat ID', 'chat', 'rename', { chatId: byId('chat012'), title: 'T' }, { CHAT_ID: 12 }],
		['Message ID', 'dialog', 'markUnread', { dialogId: byId('chat1'), messageId: '0084869' }, { MESSAGE_ID: 84869 }],
		['Message ID from a number', 'dialog', 'markUnread', { dialogId: byId('chat1'), messageId: 1e3 }, { MESSAGE_ID: 1000 }],
		['optional Message ID', 'dialog', 'markRead', { dialogId: byId('chat1'), messageId: ' 007 ' }, { MESSAGE_ID: 7 }],
		['User ID', 'user', 'get', { userId: '012' }, { ID: 12 }],
		['User IDs', 'chat', 'addMembers', { chatId: byId('7'), users: '002, 3' }, { USERS: [2, 3] }],
		['Notification IDs', 'notification', 'markRead', { notificationIds: ['0015', 16], scope: 'only' }, { IDS: [15, 16] }],
		['Bot ID', 'message', 'runBotCommand', { messageId: '5', botId: '06', command: 'echo' }, { BOT_ID: 6 }],
	])('%s', async (_case, resource, operation, parameters, sent) => {
		const { params } = await requestFor(resource, operation, parameters);
		expect(params).toMatchObject(sent);
	});

	it.each<[string, string, string, IDataObject, string]>([
		['Dialog ID over the range', 'dialog', 'get', { dialogId: byId('chat2147483648') }, 'Item 0: Dialog ID "chat2147483648" is not valid: it is above 2147483647, the largest ID Bitrix24 stores'],
		['Dialog ID in exponent form', 'dialog', 'get', { dialogId: byId('1e3') }, 'Item 0: Dialog ID "1e3" is not valid: use chatNNN'],
		['Dialog ID as a fraction', 'dialog', 'get', { dialogId: byId(12.5) }, 'Item 0: Dialog ID 12.5 is not valid: use chatNNN'],
		['the notifications dialog where the method does not take it', 'dialog', 'markUnread', { dialogId: byId(' Notify '), messageId: '5' },
			'Item 0: Dialog ID " Notify " is not valid: it is the notifications dialog, which this operation does not take: use chatNNN for a group chat'],
		['the notifications dialog for a message', 'message', 'send', { dialogId: 'notify', text: 'x' },
			'Item 0: Dialog ID "notify" is not valid: it is the notifications dialog, which this operation does not take'],
		['Dialog ID that may be notify, another shape', 'dialog', 'hide', { dialogId: byId('user2') },
			'Item 0: Dialog ID "user2" is not valid: use chatNNN for a group chat, sgNNN for a workgroup chat or NNN (a user id) for a private dialog, or notify for the notifications'],
		['date and time that is no date', 'message', 'search', { chatId: byId('6'), filters: { dateTo: '31.12.2026' } },
			'Item 0: Date To "31.12.2026" is not valid: it must be a date and time'],
		['Chat ID over the range', 'chat', 'leave', { chatId: byId('9999999999') }, 'Item 0: Chat ID "9999999999" is not valid: it is above 2147483647'],
		['Message ID over the range', 'dialog', 'markUnread', { dialogId: byId('chat1'), messageId: 2147483648 }, 'Item 0: Message ID 2147483648 is not valid: it is above 2147483647'],
		['Message ID in exponent form', 'dialog', 'markUnread', { dialogId: byId('chat1'), messageId: '1e3' }, 'Item 0: Message ID "1e3" is not valid: it must be a whole number greater than 0'],
		['optional Message ID over the range', 'dialog', 'markRead', { dialogId: byId('chat1'), messageId: '99999999999' }, 'Item 0: Up To Message ID "99999999999" is not valid: it is above 2147483647'],
		['User IDs with one over the range', 'chat', 'addMembers', { chatId: byId('7'), users: '2, 2147483648' }, 'Item 0: User IDs "2, 2147483648" is not valid: it must be one or more whole numbers'],
	])('%s is refused', async (_case, resource, operation, parameters, message) => {
		await expect(requestFor(resource, operation, parameters)).rejects.toThrow(message);
	});
});

describe('an input binary', () => {
	const reader = (size: number) => {
		const context = {
			getNode: () => node,
			getNodeParameter: () => 'data',
			getInputData: () => [{ json: {}, binary: { data: { data: '', mimeType: 'text/plain', fileName: 'a.txt' } } }],
			helpers: { getBinaryDataBuffer: async () => Buffer.alloc(size, 97) },
		} as unknown as IExecuteFunctions;
		return createItemReader(context, 0, [{ displayName: 'Input Binary Field', name: 'binaryPropertyName', type: 'string', default: 'data' }]);
	};

	it('is read as base64 with its name and type, up to the size a field allows', async () => {
		expect(await reader(5).binary('binaryPropertyName', 5)).toEqual({ fileName: 'a.txt', mimeType: 'text/plain', base64: 'YWFhYWE=' });
		expect((await reader(6).binary('binaryPropertyName')).base64).toBe('YWFhYWFh');
	});

	it('is refused before sending when it is larger, naming item, field and file size', async () => {
		await expect(reader(6).binary('binaryPropertyName', 5)).rejects.toThrow(
			'Item 0: Input Binary Field "data" is not valid: its file is 6 bytes, more than the 5 bytes Bitrix24 accepts',
		);
	});
});
