import { chatbot, refusalCases, requestCases, shapeCases } from '../../../helpers/chatbotOperations';

describe('Open Channel → Transfer, Finish', () => {
	requestCases('openChannel', '%s sends %s with %j', [
		['transfer', 'imopenlines.bot.session.transfer', { chatId: '112', transferTo: 'operator', userId: '12' }, { CHAT_ID: 112, USER_ID: 12, LEAVE: 'N' }],
		['transfer', 'imopenlines.bot.session.transfer', { chatId: 'chat112', transferTo: 'queue', queueId: '1', leave: true }, { CHAT_ID: 112, QUEUE_ID: 1, LEAVE: 'Y' }],
		['finish', 'imopenlines.bot.session.finish', { chatId: '112' }, { CHAT_ID: 112 }],
	]);

	refusalCases('openChannel', [
		['transfer', { chatId: 'sg5', transferTo: 'operator', userId: '12' }, 'Item 0: Chat ID "sg5" is not valid'],
		['transfer', { chatId: '112', transferTo: 'operator', userId: '' }, 'Item 0: Operator User ID "" is not valid'],
		['transfer', { chatId: '112', transferTo: 'queue', queueId: 'q1' }, 'Item 0: Queue ID "q1" is not valid'],
		['transfer', { chatId: '112', transferTo: 'anyone' }, 'Item 0: Transfer To "anyone" is not valid: it must be one of operator, queue'],
	]);

	shapeCases('openChannel', [
		['transfer', true, { CHAT_ID: 112, USER_ID: 12, LEAVE: 'N' }, { success: true, chatId: 112, userId: 12, leave: false }],
		['finish', true, { CHAT_ID: 112 }, { success: true, chatId: 112 }],
	]);

	it('sends the credential\'s bot token as CLIENT_ID (no Bot field); Transfer is not repeated after a lost answer', () => {
		for (const operation of ['transfer', 'finish']) {
			const op = chatbot.singleCallOf('openChannel', operation);
			expect(op.credentialParameters).toEqual({ renamed: { botToken: 'CLIENT_ID' } });
			expect(op.fields.map(({ name }) => name)).not.toContain('botId');
		}
		expect(chatbot.singleCallOf('openChannel', 'transfer').retrySafe).toBe(false);
	});
});
