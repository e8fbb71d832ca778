import { png, pdf } from '../../../helpers/operationTables';
import { bot, chatbot, refusalCases, requestCases } from '../../../helpers/chatbotOperations';

const PNG_BASE64 = png.data.data.toString('base64');

describe('Bot → Register', () => {
	requestCases('bot', '%s sends %s with %j', [
		['register', 'imbot.v2.Bot.register', { code: ' support ', name: 'Support' },
			{ fields: { code: 'support', type: 'bot', eventMode: 'fetch', properties: { name: 'Support' } } }],
		['register', 'imbot.v2.Bot.register',
			{ code: 'ai', name: 'Assistant', botType: 'personal', additionalFields: { lastName: 'Bot', workPosition: 'AI', color: 'lightBlue',
				gender: 'F', avatarBinaryPropertyName: 'data', isHidden: true, isReactionsEnabled: false, isSupportOpenline: true, backgroundId: 'peach' } },
			{ fields: { code: 'ai', type: 'personal', eventMode: 'fetch',
				properties: { name: 'Assistant', lastName: 'Bot', workPosition: 'AI', color: 'lightBlue', gender: 'F', avatar: PNG_BASE64 },
				isHidden: 'Y', isReactionsEnabled: 'N', isSupportOpenline: 'Y', backgroundId: 'peach' } }, png],
		['register', 'imbot.v2.Bot.register', { code: 'line', name: 'Line', botType: 'openline' },
			{ fields: { code: 'line', type: 'openline', eventMode: 'fetch', properties: { name: 'Line' } } }],
	]);

	refusalCases('bot', [
		['register', { code: '', name: 'X' }, 'Item 0: Code "" is not valid: it must not be empty'],
		['register', { code: 'x', name: ' ' }, 'Item 0: Name " " is not valid: it must not be empty'],
		['register', { code: 'x', name: 'X', botType: 'network' }, 'Item 0: Type "network" is not valid: it must be one of bot, openline, personal, supervisor'],
		['register', { code: 'x', name: 'X', additionalFields: { avatarBinaryPropertyName: 'data' } },
			'Item 0: Avatar Binary Field "offer.pdf (application/pdf)" is not valid: the avatar must be an image', pdf],
		['register', { code: 'x', name: 'X', additionalFields: { color: 'teal' } }, 'Item 0: Color "teal" is not valid: it must be one of red, green'],
	]);

	it('asks for the credential\'s call parameters inside fields (Bitrix24 reads the token there on register), is safe to repeat and not batched', () => {
		const register = chatbot.singleCallOf('bot', 'register');
		expect(register.credentialParameters).toEqual({ inside: 'fields' });
		expect([register.retrySafe, register.batchable]).toEqual([true, false]);
	});
});

describe('Bot → Update', () => {
	requestCases('bot', '%s sends %s with %j', [
		['update', 'imbot.v2.Bot.update', { botId: bot(7), updateFields: { name: 'New', isHidden: false } },
			{ botId: 7, fields: { properties: { name: 'New' }, isHidden: 'N' } }],
		['update', 'imbot.v2.Bot.update', { botId: bot(' 07 '), updateFields: { eventMode: 'fetch' } }, { botId: 7, fields: { properties: {}, eventMode: 'fetch' } }],
		['update', 'imbot.v2.Bot.update', { botId: bot(7), updateFields: { eventMode: 'webhook', webhookUrl: 'https://example.com/hook' } },
			{ botId: 7, fields: { properties: {}, eventMode: 'webhook', webhookUrl: 'https://example.com/hook' } }],
	]);

	refusalCases('bot', [
		['update', { botId: bot(7), updateFields: {} }, 'Item 0: Update Fields {} is not valid: add at least one field to change'],
		['update', { botId: bot('seven'), updateFields: { name: 'x' } }, 'Item 0: Bot "seven" is not valid: it must be a whole number greater than 0'],
		['update', { botId: bot(7), updateFields: { eventMode: 'webhook' } }, 'Item 0: Webhook URL "" is not valid: webhook mode needs the address Bitrix24 posts to'],
		['update', { botId: bot(7), updateFields: { webhookUrl: 'http://example.com' } }, 'Item 0: Webhook URL "http://example.com" is not valid: it must be an https:// address'],
		['update', { botId: bot(7), updateFields: { eventMode: 'push' } }, 'Item 0: Event Mode "push" is not valid: it must be one of fetch, webhook'],
	]);

	it('is safe to repeat and not batched (an avatar can be large)', () => {
		const update = chatbot.singleCallOf('bot', 'update');
		expect([update.retrySafe, update.batchable]).toEqual([true, false]);
	});
});
