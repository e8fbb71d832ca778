import { botItem, botOf } from '../../../../nodes/Bitrix24Chatbot/actions/bot/profile';

const BOT = { id: 7, code: 'echo', type: 'bot', eventMode: 'fetch', isHidden: false, isReactionsEnabled: true, isSupportOpenline: false, backgroundId: null, countMessage: 3 };

describe('bot answers as one item', () => {
	it('takes the name from the bot\'s user and leaves the counters out', () => {
		expect(botOf({ bot: BOT, users: [{ id: 3, name: 'Someone' }, { id: 7, name: 'Echo Bot' }] })).toEqual({
			botId: 7, code: 'echo', name: 'Echo Bot', type: 'bot', eventMode: 'fetch', isHidden: false, isReactionsEnabled: true,
			isSupportOpenline: false, backgroundId: null,
		});
	});

	it('survives an answer without users or bot', () => {
		expect(botItem(BOT).name).toBeUndefined();
		expect(botOf(null).botId).toBeUndefined();
	});
});
