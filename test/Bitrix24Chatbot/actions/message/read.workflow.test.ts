jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { callAs } from '../../../helpers/emulator';
import { botLocator, json, useChatbotEmulator } from '../../../helpers/chatbotWorkflow';

const { emulator, run, registerBot } = useChatbotEmulator();

describe('Message → Get, Get Context (Supervisor and Personal bots only)', () => {
	it('explains BOT_TYPE_NOT_ALLOWED for a plain bot', async () => {
		const botId = await registerBot('plain', 'bot');
		const result = await run([{}], { resource: 'message', operation: 'get', botId: botLocator(botId), messageId: '101' });
		expect(result.error?.message).toBe('Bitrix24 imbot.v2.Chat.Message.get: Bot type not allowed [BOT_TYPE_NOT_ALLOWED]');
		expect((result.error as Error & { description?: string }).description).toMatch(/only bots of type Supervisor or Personal/);
	});

	it('reads a message and its context for a Personal bot in the chat', async () => {
		const botId = await registerBot('assistant', 'personal');
		await callAs(emulator().webhooks.admin.url, 'im.chat.user.add', { CHAT_ID: 6, USERS: [botId] });
		const one = await run([{}], { resource: 'message', operation: 'get', botId: botLocator(botId), messageId: '200' });
		expect(json(one.output)[0]).toMatchObject({ id: 200, chatId: 6, author: { id: expect.any(Number) } });
		const around = await run([{}], { resource: 'message', operation: 'getContext', botId: botLocator(botId), messageId: '200', range: 2 });
		expect(json(around.output).map((message) => message.id)).toEqual([198, 199, 200, 201, 202]);
	});
});
