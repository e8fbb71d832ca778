jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { everythingOut, json, TOKEN, useChatbotEmulator } from '../../../helpers/chatbotWorkflow';

const { emulator, run, runOAuth2, registerBot, calls } = useChatbotEmulator();

describe('Open Channel → Transfer, Finish', () => {
	it('hands a customer from the bot to an operator (the token travels as CLIENT_ID), then finishes the session', async () => {
		const botId = await registerBot('line', 'openline');
		const { chatId } = emulator().openlineMessage({ botId, text: 'I want a human' });
		const event = emulator().botEventsOf(botId).find((entry) => entry.type === 'ONIMBOTV2MESSAGEADD')!;
		expect(event.data.chat).toMatchObject({ id: chatId, entityType: 'LINES' });

		const transferred = await run([{ chatId }], { resource: 'openChannel', operation: 'transfer', chatId: '={{ $json.chatId }}', transferTo: 'operator', userId: '3' });
		expect(json(transferred.output)).toEqual([{ success: true, chatId, userId: 3, leave: false }]);
		expect(calls('imopenlines.bot.session.transfer')[0].params).toEqual({ CHAT_ID: chatId, USER_ID: 3, LEAVE: 'N', CLIENT_ID: TOKEN });
		expect(emulator().state.chats[chatId].users).toContain(3);
		expect(everythingOut(transferred)).not.toContain(TOKEN);

		const again = await run([{}], { resource: 'openChannel', operation: 'transfer', chatId: String(chatId), transferTo: 'operator', userId: '4' });
		expect(again.error?.message).toBe('Bitrix24 imopenlines.bot.session.transfer: You cannot redirect to this operator [OPERATOR_WRONG]');

		const finished = await run([{}], { resource: 'openChannel', operation: 'finish', chatId: `chat${chatId}` });
		expect(json(finished.output)).toEqual([{ success: true, chatId }]);
		expect(emulator().state.openlines?.sessions[chatId].status).toBe('closed');
	});

	it('through OAuth2, to a queue, the bot leaving at once (the app\'s bot is found in the chat)', async () => {
		const { result } = runOAuth2([{}], { resource: 'bot', operation: 'register', code: 'app_line', name: 'App line', botType: 'openline' });
		const botId = json((await result).output)[0].botId as number;
		const { chatId } = emulator().openlineMessage({ botId, text: 'hello' });
		const transfer = runOAuth2([{}], { resource: 'openChannel', operation: 'transfer', chatId: String(chatId), transferTo: 'queue', queueId: '1', leave: true });
		expect(json((await transfer.result).output)).toEqual([{ success: true, chatId, queueId: 1, leave: true }]);
		expect(calls('imopenlines.bot.session.transfer')[0].params.CLIENT_ID).toBeUndefined();
		expect(emulator().state.chats[chatId].users).not.toContain(botId);
	});

	it('never repeats a transfer whose answer was lost', async () => {
		const botId = await registerBot('line', 'openline');
		const { chatId } = emulator().openlineMessage({ botId, text: 'help' });
		emulator().injectFault('resetAfterApply', { method: 'imopenlines.bot.session.transfer' });
		const lost = await run([{}], { resource: 'openChannel', operation: 'transfer', chatId: String(chatId), transferTo: 'operator', userId: '3' });
		expect(lost.error?.message).toMatch(/\[ECONNRESET\]$/);
		expect(calls('imopenlines.bot.session.transfer')).toHaveLength(1);
	});
});
