import { bot, chatbot, refusalCases, requestCases, shapeCases } from '../../../helpers/chatbotOperations';

const keyboard = [{ TEXT: 'Yes', COMMAND: 'answer', COMMAND_PARAMS: 'yes' }, { TYPE: 'NEWLINE' }, { TEXT: 'Site', LINK: 'https://example.com' }];
const long = 'x'.repeat(20001);

describe('Message → Send, Update, Delete', () => {
	requestCases('message', '%s sends %s with %j', [
		['send', 'imbot.v2.Chat.Message.send', { botId: bot(7), dialogId: ' CHAT5 ', text: ' Hello ' },
			{ botId: 7, dialogId: 'chat5', fields: { message: 'Hello', system: 'N', urlPreview: 'Y' } }],
		['send', 'imbot.v2.Chat.Message.send',
			{ botId: bot(7), dialogId: '12', text: 'Pick', additionalFields: { keyboard: JSON.stringify(keyboard), attachments: [{ MESSAGE: 'm' }],
				replyToMessageId: '0101', system: true, urlPreview: false } },
			{ botId: 7, dialogId: '12', fields: { message: 'Pick', attach: [{ MESSAGE: 'm' }], keyboard, replyId: 101, system: 'Y', urlPreview: 'N' } }],
		['send', 'imbot.v2.Chat.Message.send', { botId: bot(7), dialogId: '12', additionalFields: { attachments: { BLOCKS: [{ DELIMITER: {} }] } } },
			{ botId: 7, dialogId: '12', fields: { attach: { BLOCKS: [{ DELIMITER: {} }] }, system: 'N', urlPreview: 'Y' } }],
		['send', 'imbot.v2.Chat.Message.send', { botId: bot(7), dialogId: '12', text: 'x'.repeat(20000), additionalFields: { keyboard: { BUTTONS: keyboard } } },
			{ botId: 7, dialogId: '12', fields: { message: 'x'.repeat(20000), keyboard: { BUTTONS: keyboard }, system: 'N', urlPreview: 'Y' } }],
		['update', 'imbot.v2.Chat.Message.update', { botId: bot(7), messageId: '55', updateFields: { text: 'Thanks!', removeKeyboard: true } },
			{ botId: 7, messageId: 55, fields: { message: 'Thanks!', keyboard: 'N' } }],
		['update', 'imbot.v2.Chat.Message.update', { botId: bot(7), messageId: 55, updateFields: { keyboard, urlPreview: false } },
			{ botId: 7, messageId: 55, fields: { keyboard, urlPreview: 'N' } }],
		['delete', 'imbot.v2.Chat.Message.delete', { botId: bot(7), messageId: '55' }, { botId: 7, messageId: 55, complete: 'N' }],
		['delete', 'imbot.v2.Chat.Message.delete', { botId: bot(7), messageId: '55', complete: true }, { botId: 7, messageId: 55, complete: 'Y' }],
	]);

	refusalCases('message', [
		['send', { botId: bot(7), dialogId: 'chat5', text: ' ' }, 'Item 0: Text " " is not valid: it must not be empty unless Attachments are given'],
		['send', { botId: bot(7), dialogId: 'sg5', text: 'x' }, 'Item 0: Dialog ID "sg5" is not valid: a chat bot names a dialog chatNNN or by a user ID, not sgNNN'],
		['send', { botId: bot(7), dialogId: 'room', text: 'x' }, 'Item 0: Dialog ID "room" is not valid: use chatNNN'],
		['send', { botId: bot(7), dialogId: '5', text: long }, `Item 0: Text "${'x'.repeat(40)}…" is not valid: it is 20001 characters; Bitrix24 keeps at most 20000 and cuts the rest`],
		['send', { botId: bot(7), dialogId: '5', text: 'x', additionalFields: { keyboard: '[{"TEXT":"No action"}]' } },
			'Item 0: Keyboard "[{"TEXT":"No action"}]" is not valid: it must be a list of buttons, each with TEXT and one of COMMAND, LINK, ACTION or APP_ID'],
		['send', { botId: bot(7), dialogId: '5', text: 'x', additionalFields: { keyboard: '{"BOT_ID":7}' } }, 'Item 0: Keyboard "{"BOT_ID":7}" is not valid: it must be a list of buttons'],
		['send', { botId: bot(7), dialogId: '5', text: 'x', additionalFields: { replyToMessageId: 'x' } }, 'Item 0: Reply To Message ID "x" is not valid'],
		['update', { botId: bot(7), messageId: '55', updateFields: {} }, 'Item 0: Update Fields {} is not valid: add at least one field to change'],
		['update', { botId: bot(7), messageId: '-1', updateFields: { text: 'x' } }, 'Item 0: Message ID "-1" is not valid: it must be a whole number greater than 0'],
		['delete', { botId: bot(7), messageId: '' }, 'Item 0: Message ID "" is not valid'],
	]);

	shapeCases('message', [
		['send', { id: 789, uuidMap: {} }, { botId: 7, dialogId: 'chat5' }, { messageId: 789, dialogId: 'chat5' }],
		['update', { result: true }, { botId: 7, messageId: 55 }, { success: true, botId: 7, messageId: 55 }],
		['delete', { result: true }, { botId: 7, messageId: 55 }, { success: true, botId: 7, messageId: 55 }],
	]);

	it('never repeats a send after a lost answer, and may batch it (batch serves imbot.v2 with the token in each command)', () => {
		const send = chatbot.singleCallOf('message', 'send');
		expect([send.retrySafe, send.batchable, send.credentialParameters]).toEqual([false, true, undefined]);
		expect(chatbot.singleCallOf('message', 'update').retrySafe).toBe(true);
	});
});
