jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { png } from '../../../helpers/chatWorkflow';
import { botLocator, json, useChatbotEmulator } from '../../../helpers/chatbotWorkflow';

const { emulator, run, registerBot, calls } = useChatbotEmulator();

describe('Chat → Create, Get, Update', () => {
	it('creates a chat the bot owns, reads it and renames it', async () => {
		const botId = await registerBot();
		const created = await run([{ $binary: png }], { resource: 'chat', operation: 'create', botId: botLocator(botId), title: 'Order 1042', userIds: '2, 3',
			additionalFields: { avatarBinaryPropertyName: 'data', color: 'mint', message: 'Let us sort it out' } });
		const [chat] = json(created.output);
		expect(chat).toEqual({ chatId: expect.any(Number), dialogId: `chat${chat.chatId}` });
		expect(emulator().state.chats[chat.chatId as number]).toMatchObject({ owner: botId, title: 'Order 1042', users: [botId, 2, 3] });

		const got = await run([{}], { resource: 'chat', operation: 'get', botId: botLocator(botId), dialogId: chat.dialogId });
		expect(json(got.output)[0]).toMatchObject({ id: chat.chatId, role: 'owner', name: 'Order 1042' });
		const renamed = await run([{}], { resource: 'chat', operation: 'update', botId: botLocator(botId), dialogId: chat.dialogId, updateFields: { title: 'Order 1042 (done)' } });
		expect(json(renamed.output)).toEqual([{ success: true, botId, dialogId: chat.dialogId }]);
		expect(emulator().state.chats[chat.chatId as number].title).toBe('Order 1042 (done)');
	});

	it('never repeats a creation whose answer was lost (a second chat)', async () => {
		const botId = await registerBot();
		emulator().injectFault('resetAfterApply', { method: 'imbot.v2.Chat.add' });
		const lost = await run([{}], { resource: 'chat', operation: 'create', botId: botLocator(botId), title: 'Once' });
		expect(lost.error?.message).toMatch(/\[ECONNRESET\]$/);
		expect(calls('imbot.v2.Chat.add')).toHaveLength(1);
		expect(Object.values(emulator().state.chats).filter((chat) => chat.title === 'Once')).toHaveLength(1);
	});
});
