import { ok } from '../../../helpers/operationTables';
import { bot, chatbot, refusalCases, requestCases, shapeCases } from '../../../helpers/chatbotOperations';

describe('Bot → Get, Get Many, Unregister, Rotate Token', () => {
	requestCases('bot', '%s sends %s with %j', [
		['get', 'imbot.v2.Bot.get', { botId: bot(12) }, { botId: 12 }],
		['getMany', 'imbot.v2.Bot.list', {}, {}],
		['getMany', 'imbot.v2.Bot.list', { botType: 'supervisor' }, { filter: { type: 'supervisor' } }],
		['unregister', 'imbot.v2.Bot.unregister', { botId: bot(12) }, { botId: 12 }],
		['rotateToken', 'imbot.v2.Bot.update', { botId: bot(12) }, { botId: 12, fields: {} }],
	]);

	refusalCases('bot', [
		['get', { botId: bot('') }, 'Item 0: Bot "" is not valid: it must be a whole number greater than 0'],
		['get', { botId: bot('2147483648') }, 'Item 0: Bot "2147483648" is not valid: it is above 2147483647'],
		['getMany', { botType: 'robot' }, 'Item 0: Type "robot" is not valid: it must be one of all, bot, openline, personal, supervisor'],
	]);

	shapeCases('bot', [
		['unregister', { result: true }, { botId: 12 }, { success: true, botId: 12 }],
		['rotateToken', { bot: { id: 12 } }, { botId: 12, fields: {} }, { success: true, botId: 12, tokenRotated: true }],
	]);

	it('pages Get Many with limit and offset while Bitrix24 says hasNextPage', () => {
		const { paging } = chatbot.listOf('bot', 'getMany');
		expect(paging.pageSize).toEqual({ param: 'limit', max: 50 });
		const page = ok({ bots: [{ id: 7, code: 'a' }, { id: 8, code: 'b' }], users: [{ id: 8, name: 'B' }], hasNextPage: true });
		const records = paging.records(page);
		expect(records.map(({ botId, name }) => [botId, name])).toEqual([[7, undefined], [8, 'B']]);
		expect(paging.nextPage(page, { limit: 2 }, records)).toEqual({ limit: 2, offset: 2 });
		expect(paging.nextPage(page, { limit: 2, offset: 2 }, records)).toEqual({ limit: 2, offset: 4 });
		expect(paging.nextPage(ok({ bots: [], hasNextPage: false }), {}, [])).toBeUndefined();
	});

	it('Rotate Token puts the credential\'s replacement (New Bot Token) inside fields and is therefore never batched', () => {
		const rotate = chatbot.singleCallOf('bot', 'rotateToken');
		expect(rotate.credentialParameters).toEqual({ replacementInside: 'fields' });
		expect(rotate.retrySafe).toBe(true);
	});

	it('Unregister is not repeated after a lost answer', () => {
		expect(chatbot.singleCallOf('bot', 'unregister').retrySafe).toBe(false);
	});
});
