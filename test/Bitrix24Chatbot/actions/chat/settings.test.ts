import { bot, chatbot, refusalCases, requestCases, shapeCases } from '../../../helpers/chatbotOperations';

describe('Chat → Leave, Set Owner, Show Typing, Enable / Disable Text Field', () => {
	requestCases('chat', '%s sends %s with %j', [
		['leave', 'imbot.v2.Chat.leave', { botId: bot(7), dialogId: 'chat12' }, { botId: 7, dialogId: 'chat12' }],
		['setOwner', 'imbot.v2.Chat.setOwner', { botId: bot(7), dialogId: 'chat12', userId: '2' }, { botId: 7, dialogId: 'chat12', userId: 2 }],
		['showTyping', 'imbot.v2.Chat.InputAction.notify', { botId: bot(7), dialogId: '3' }, { botId: 7, dialogId: '3' }],
		['showTyping', 'imbot.v2.Chat.InputAction.notify', { botId: bot(7), dialogId: '3', additionalFields: { status: 'IMBOT_AGENT_ACTION_THINKING', duration: 60 } },
			{ botId: 7, dialogId: '3', statusMessageCode: 'IMBOT_AGENT_ACTION_THINKING', duration: 60 }],
		['enableTextField', 'imbot.v2.Chat.TextField.enabled', { botId: bot(7), dialogId: '3' }, { botId: 7, dialogId: '3', enabled: 'Y' }],
		['disableTextField', 'imbot.v2.Chat.TextField.enabled', { botId: bot(7), dialogId: '3' }, { botId: 7, dialogId: '3', enabled: 'N' }],
	]);

	refusalCases('chat', [
		['showTyping', { botId: bot(7), dialogId: '3', additionalFields: { duration: 601 } }, 'Item 0: Duration (Seconds) 601 is not valid: it must be from 1 to 600 seconds'],
		['showTyping', { botId: bot(7), dialogId: '3', additionalFields: { status: 'SLEEPING' } }, 'Item 0: Status "SLEEPING" is not valid'],
		['setOwner', { botId: bot(7), dialogId: 'chat12', userId: '' }, 'Item 0: New Owner User ID "" is not valid'],
	]);

	shapeCases('chat', [
		['setOwner', { result: true }, { botId: 7, dialogId: 'chat12', userId: 2 }, { success: true, botId: 7, dialogId: 'chat12', ownerId: 2 }],
		['disableTextField', { result: true }, { botId: 7, dialogId: '3' }, { success: true, botId: 7, dialogId: '3', textFieldEnabled: false }],
	]);

	it('does not repeat Leave or Set Owner after a lost answer (a repeat would fail)', () => {
		expect(chatbot.singleCallOf('chat', 'leave').retrySafe).toBe(false);
		expect(chatbot.singleCallOf('chat', 'setOwner').retrySafe).toBe(false);
		expect(chatbot.singleCallOf('chat', 'showTyping').retrySafe).toBe(true);
	});
});
