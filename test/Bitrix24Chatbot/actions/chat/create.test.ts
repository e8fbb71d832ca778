import { png } from '../../../helpers/operationTables';
import { bot, chatbot, refusalCases, requestCases, shapeCases } from '../../../helpers/chatbotOperations';

const PNG_BASE64 = png.data.data.toString('base64');

describe('Chat → Create, Get, Update', () => {
	requestCases('chat', '%s sends %s with %j', [
		['create', 'imbot.v2.Chat.add', { botId: bot(7) }, { botId: 7, fields: {} }],
		['create', 'imbot.v2.Chat.add',
			{ botId: bot(7), title: 'Support', userIds: '2, 3', additionalFields: { description: 'd', color: 'mint', avatarBinaryPropertyName: 'data', message: 'Hi', ownerId: '2' } },
			{ botId: 7, fields: { title: 'Support', userIds: [2, 3], description: 'd', color: 'mint', avatar: PNG_BASE64, message: 'Hi', ownerId: 2 } }, png],
		['create', 'imbot.v2.Chat.add', { botId: bot(7), userIds: [] }, { botId: 7, fields: {} }],
		['get', 'imbot.v2.Chat.get', { botId: bot(7), dialogId: 'chat12' }, { botId: 7, dialogId: 'chat12' }],
		['update', 'imbot.v2.Chat.update', { botId: bot(7), dialogId: 'chat12', updateFields: { title: 'New', color: 'graphite' } },
			{ botId: 7, dialogId: 'chat12', fields: { title: 'New', color: 'graphite' } }],
	]);

	refusalCases('chat', [
		['create', { botId: bot(7), userIds: '2, x' }, 'Item 0: Member User IDs "2, x" is not valid'],
		['create', { botId: bot(7), additionalFields: { ownerId: 'me' } }, 'Item 0: Owner User ID "me" is not valid'],
		['update', { botId: bot(7), dialogId: 'chat12', updateFields: {} }, 'Item 0: Update Fields {} is not valid: add at least one field to change'],
		['get', { botId: bot(7), dialogId: '' }, 'Item 0: Dialog ID "" is not valid'],
	]);

	shapeCases('chat', [
		['create', { chat: { id: 31, dialogId: 'chat31', owner: 7 }, users: [] }, {}, { chatId: 31, dialogId: 'chat31' }],
		['get', { chat: { id: 31, name: 'Support' } }, {}, { id: 31, name: 'Support' }],
		['update', { result: true }, { botId: 7, dialogId: 'chat31' }, { success: true, botId: 7, dialogId: 'chat31' }],
	]);

	it('never repeats Create after a lost answer; neither Create nor Update is batched (an avatar can be large)', () => {
		expect([chatbot.singleCallOf('chat', 'create').retrySafe, chatbot.singleCallOf('chat', 'create').batchable]).toEqual([false, false]);
		expect(chatbot.singleCallOf('chat', 'update').batchable).toBe(false);
	});
});
