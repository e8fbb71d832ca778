import { bot, chatbot, refusalCases, requestCases, shapeCases } from '../../../helpers/chatbotOperations';

describe('Message → Mark Read, Get, Get Context', () => {
	requestCases('message', '%s sends %s with %j', [
		['markRead', 'imbot.v2.Chat.Message.read', { botId: bot(7), dialogId: '3' }, { botId: 7, dialogId: '3' }],
		['markRead', 'imbot.v2.Chat.Message.read', { botId: bot(7), dialogId: 'chat2', upToMessageId: '120' }, { botId: 7, dialogId: 'chat2', messageId: 120 }],
		['get', 'imbot.v2.Chat.Message.get', { botId: bot(7), messageId: '120' }, { botId: 7, messageId: 120 }],
		['getContext', 'imbot.v2.Chat.Message.getContext', { botId: bot(7), messageId: '120' }, { botId: 7, messageId: 120, range: 50 }],
		['getContext', 'imbot.v2.Chat.Message.getContext', { botId: bot(7), messageId: '120', range: 3 }, { botId: 7, messageId: 120, range: 3 }],
	]);

	refusalCases('message', [
		['markRead', { botId: bot(7), dialogId: 'chat2', upToMessageId: '1.5' }, 'Item 0: Up To Message ID "1.5" is not valid'],
		['getContext', { botId: bot(7), messageId: '1', range: 51 }, 'Item 0: Range 51 is not valid: it must be from 1 to 50'],
		['getContext', { botId: bot(7), messageId: '1', range: 0 }, 'Item 0: Range 0 is not valid: it must be a whole number greater than 0'],
	]);

	shapeCases('message', [
		['markRead', { chatId: 5, lastId: 9, counter: 0, viewedMessages: [9] }, { botId: 7, dialogId: '3' },
			{ success: true, botId: 7, dialogId: '3', chatId: 5, lastId: 9, counter: 0, viewedMessages: [9] }],
		['get', { message: { id: 120, authorId: 2, text: 'hi' }, user: { id: 2, name: 'Bob' } }, {},
			{ id: 120, authorId: 2, text: 'hi', author: { id: 2, name: 'Bob' } }],
		['getContext', { messages: [{ id: 1, authorId: 2 }, { id: 2, authorId: 0 }], users: [{ id: 2, name: 'Bob' }], hasPrevPage: false }, {},
			[{ id: 1, authorId: 2, author: { id: 2, name: 'Bob' } }, { id: 2, authorId: 0, author: undefined }]],
	]);

	it('explains in the editor that only Supervisor and Personal bots may read messages', () => {
		for (const operation of ['get', 'getContext']) {
			const [notice] = chatbot.operationOf('message', operation).fields;
			expect(notice).toMatchObject({ type: 'notice', displayName: expect.stringContaining('Only bots of type Supervisor or Personal') });
		}
	});
});
