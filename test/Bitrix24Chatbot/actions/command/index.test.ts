import { bot, chatbot, refusalCases, requestCases, shapeCases } from '../../../helpers/chatbotOperations';

describe('Command → Register, Update, Get Many, Unregister, Answer', () => {
	requestCases('command', '%s sends %s with %j', [
		['register', 'imbot.v2.Command.register', { botId: bot(7), command: '/Help', title: 'Show help' },
			{ botId: 7, fields: { command: 'Help', title: { en: 'Show help' } } }],
		['register', 'imbot.v2.Command.register',
			{ botId: bot(7), command: 'answer', title: '', additionalFields: { hidden: true, common: true, extranetSupport: false, language: 'DE', paramsHint: 'ja/nein' } },
			{ botId: 7, fields: { command: 'answer', params: { de: 'ja/nein' }, common: 'Y', hidden: 'Y', extranetSupport: 'N' } }],
		['update', 'imbot.v2.Command.update', { botId: bot(7), commandId: '42', updateFields: { command: 'support', title: 'Get support' } },
			{ botId: 7, commandId: 42, fields: { command: 'support', title: { en: 'Get support' } } }],
		['getMany', 'imbot.v2.Command.list', { botId: bot(7) }, { botId: 7 }],
		['unregister', 'imbot.v2.Command.unregister', { botId: bot(7), commandId: '42' }, { botId: 7, commandId: 42 }],
		['answer', 'imbot.v2.Command.answer', { botId: bot(7), commandId: '42', messageId: '790', dialogId: 'chat5', text: 'Done' },
			{ botId: 7, commandId: 42, messageId: 790, dialogId: 'chat5', fields: { message: 'Done', system: 'N', urlPreview: 'Y' } }],
	]);

	refusalCases('command', [
		['register', { botId: bot(7), command: '', title: 'x' }, 'Item 0: Command "" is not valid: it must not be empty'],
		['register', { botId: bot(7), command: 'two words', title: 'x' }, 'Item 0: Command "two words" is not valid: it must be one word'],
		['register', { botId: bot(7), command: 'help', title: '' }, 'Item 0: Title "" is not valid: a command in the list needs a title (or make it Hidden)'],
		['register', { botId: bot(7), command: 'help', title: 'x', additionalFields: { language: 'english' } }, 'Item 0: Language "english" is not valid: it must be a two-letter language code'],
		['update', { botId: bot(7), commandId: '42', updateFields: {} }, 'Item 0: Update Fields {} is not valid: add at least one field to change'],
		['answer', { botId: bot(7), commandId: '42', messageId: '790', dialogId: 'chat5', text: '' }, 'Item 0: Text "" is not valid: it must not be empty unless Attachments are given'],
		['answer', { botId: bot(7), commandId: 'x', messageId: '790', dialogId: 'chat5', text: 'a' }, 'Item 0: Command ID "x" is not valid'],
	]);

	shapeCases('command', [
		['register', { command: { id: 42, botId: 7, command: '/help', common: false } }, {}, { id: 42, botId: 7, command: '/help', common: false }],
		['getMany', { commands: [{ id: 42, command: '/help' }, { id: 43, command: '/stop' }] }, {}, [{ id: 42, command: '/help' }, { id: 43, command: '/stop' }]],
		['answer', { result: true }, { botId: 7, commandId: 42, messageId: 790, dialogId: 'chat5' },
			{ success: true, botId: 7, commandId: 42, messageId: 790, dialogId: 'chat5' }],
	]);

	it('never repeats an answer after a lost answer; Register is safe (documented idempotent)', () => {
		expect(chatbot.singleCallOf('command', 'answer').retrySafe).toBe(false);
		expect(chatbot.singleCallOf('command', 'register').retrySafe).toBe(true);
	});
});
