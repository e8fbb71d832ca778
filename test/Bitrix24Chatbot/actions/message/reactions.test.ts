import { bot, chatbot, refusalCases, requestCases, shapeCases } from '../../../helpers/chatbotOperations';

describe('Message → Add Reaction, Remove Reaction', () => {
	requestCases('message', '%s sends %s with %j', [
		['addReaction', 'imbot.v2.Chat.Message.Reaction.add', { botId: bot(7), messageId: '9', reaction: 'like' },
			{ botId: 7, messageId: 9, reaction: 'like' }],
		['removeReaction', 'imbot.v2.Chat.Message.Reaction.delete', { botId: bot(7), messageId: '9', reaction: 'faceWithTearsOfJoy' },
			{ botId: 7, messageId: 9, reaction: 'faceWithTearsOfJoy' }],
	]);

	refusalCases('message', [
		['addReaction', { botId: bot(7), messageId: '9', reaction: 'unicorn' }, 'Item 0: Reaction "unicorn" is not valid: it must be one of'],
	]);

	shapeCases('message', [
		['addReaction', { result: true }, { botId: 7, messageId: 9, reaction: 'fire' }, { success: true, botId: 7, messageId: 9, reaction: 'fire' }],
	]);

	it('lists Bitrix24\'s 48 reaction codes; adding is not repeated after a lost answer, removing is', () => {
		const reaction = chatbot.operationOf('message', 'addReaction').fields.find(({ name }) => name === 'reaction');
		expect(reaction?.options).toHaveLength(48);
		expect(chatbot.singleCallOf('message', 'addReaction').retrySafe).toBe(false);
		expect(chatbot.singleCallOf('message', 'removeReaction').retrySafe).toBe(true);
	});
});
