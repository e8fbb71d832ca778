jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { botLocator, chatbotCredentials, everythingOut, json, NEW_TOKEN, TOKEN, useChatbotEmulator } from '../../../helpers/chatbotWorkflow';

const { emulator, run, runOAuth2, registerBot, calls } = useChatbotEmulator();

const rotate = (botId: number) => ({ resource: 'bot', operation: 'rotateToken', botId: botLocator(botId) });
const send = (botId: number) => ({ resource: 'message', operation: 'send', botId: botLocator(botId), dialogId: '2', text: 'still here' });
const tokensSent = (method: string) => calls(method).map((entry) => entry.params.botToken);

describe('Bot → Rotate Token', () => {
	it('gives the bot the New Bot Token; the old one stops; the node switches to the new one until it is moved', async () => {
		const botId = await registerBot();
		const credentials = chatbotCredentials(emulator(), { newBotToken: NEW_TOKEN });
		const result = await run([{}], rotate(botId), { credentials });
		expect(json(result.output)).toEqual([{ success: true, botId, tokenRotated: true }]);
		expect(emulator().state.bots[botId].owner).toBe(`token:${NEW_TOKEN}`);
		expect(calls('imbot.v2.Bot.update')[0].params).toMatchObject({ botToken: TOKEN, fields: { botToken: NEW_TOKEN } });

		emulator().clearLog();
		expect((await run([{}], send(botId), { credentials })).error).toBeUndefined();
		expect(tokensSent('imbot.v2.Chat.Message.send')).toEqual([TOKEN, NEW_TOKEN]);

		emulator().clearLog();
		const moved = chatbotCredentials(emulator(), { botToken: NEW_TOKEN });
		expect((await run([{}], send(botId), { credentials: moved })).error).toBeUndefined();
		expect(tokensSent('imbot.v2.Chat.Message.send')).toEqual([NEW_TOKEN]);
		expect(everythingOut(result)).not.toMatch(new RegExp(`${TOKEN}|${NEW_TOKEN}`));
	});

	it('after a lost answer the rotation is not lost: the old token is refused, the new one carries on', async () => {
		const botId = await registerBot();
		emulator().injectFault('resetAfterApply', { method: 'imbot.v2.Bot.update' });
		const result = await run([{}], rotate(botId), { credentials: chatbotCredentials(emulator(), { newBotToken: NEW_TOKEN }) });
		expect(result.error).toBeUndefined();
		expect(json(result.output)).toEqual([{ success: true, botId, tokenRotated: true }]);
		expect(calls('imbot.v2.Bot.update').map((entry) => [entry.method, entry.status, entry.params.botToken])).toEqual([
			['imbot.v2.bot.update', 200, TOKEN], // applied, answer lost
			['imbot.v2.bot.update', 403, TOKEN], // BOT_OWNERSHIP_ERROR: the rotation did happen
			['imbot.v2.bot.update', 200, NEW_TOKEN],
		]);
		expect(emulator().state.bots[botId].owner).toBe(`token:${NEW_TOKEN}`);
	});

	it('without a New Bot Token, or through OAuth2, says what to do and sends nothing', async () => {
		const botId = await registerBot();
		const missing = await run([{}], rotate(botId));
		expect(missing.error?.message).toMatch(/^Bitrix24 imbot.v2.Bot.update: Rotate Token needs the new token: set New Bot Token .* \[CREDENTIAL_INCOMPLETE\]$/);
		const { result } = runOAuth2([{}], rotate(botId));
		expect((await result).error?.message).toMatch(/With OAuth2 the bot belongs to the app and has no token/);
		expect(calls('imbot.v2.Bot.update')).toHaveLength(0);
	});
});

describe('Bot → Get, Get Many, Unregister', () => {
	it('gets, lists (only this token\'s bots) and unregisters', async () => {
		const botId = await registerBot('one');
		await registerBot('foreign', 'bot', 'dummy-foreign-token-01');
		expect(json((await run([{}], { resource: 'bot', operation: 'get', botId: botLocator(botId) })).output)).toEqual([
			expect.objectContaining({ botId, code: 'one', name: 'one', eventMode: 'fetch' }),
		]);
		expect(json((await run([{}], { resource: 'bot', operation: 'getMany', returnAll: true })).output).map((bot) => bot.code)).toEqual(['one']);
		expect(json((await run([{}], { resource: 'bot', operation: 'unregister', botId: botLocator(botId) })).output)).toEqual([{ success: true, botId }]);
		const gone = await run([{}], { resource: 'bot', operation: 'get', botId: botLocator(botId) }, { continueOnFail: true });
		expect(json(gone.output)[0]).toMatchObject({ code: 'BOT_NOT_FOUND', description: expect.stringContaining('Register it again') });
	});
});
