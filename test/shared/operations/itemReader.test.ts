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
		['Chat ID over the range', 'chat', 'leave', { chatId: byId('9999999999') }, 'Item 0: Chat ID "9999999999" is not valid: it is above 2147483647'],
		['Message ID over the range', 'dialog', 'markUnread', { dialogId: byId('chat1'), messageId: 2147483648 }, 'Item 0: Message ID 2147483648 is not valid: it is above 2147483647'],
		['Message ID in exponent form', 'dialog', 'markUnread', { dialogId: byId('chat1'), messageId: '1e3' }, 'Item 0: Message ID "1e3" is not valid: it must be a whole number greater than 0'],
		['optional Message ID over the range', 'dialog', 'markRead', { dialogId: byId('chat1'), messageId: '99999999999' }, 'Item 0: Up To Message ID "99999999999" is not valid: it is above 2147483647'],
		['User IDs with one over the range', 'chat', 'addMembers', { chatId: byId('7'), users: '2, 2147483648' }, 'Item 0: User IDs "2, 2147483648" is not valid: it must be one or more whole numbers'],
	])('%s is refused', async (_case, resource, operation, parameters, message) => {
		await expect(requestFor(resource, operation, parameters)).rejects.toThrow(message);
	});
});
