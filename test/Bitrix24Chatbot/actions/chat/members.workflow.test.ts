jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { botLocator, json, TOKEN, useChatbotEmulator } from '../../../helpers/chatbotWorkflow';

const { emulator, run, registerBot, asBot } = useChatbotEmulator();

describe('Chat → members and managers', () => {
	it('adds, lists and removes members; makes and unmakes managers', async () => {
		const botId = await registerBot();
		const { chat } = await asBot(botId, 'Chat.add', { fields: { title: 'Team', userIds: [2] } });
		const on = (operation: string, extra: Record<string, unknown> = {}) =>
			run([{}], { resource: 'chat', operation, botId: botLocator(botId), dialogId: chat.dialogId, ...extra });
		expect(json((await on('addMembers', { userIds: '3, 4' })).output)).toEqual([{ success: true, botId, dialogId: chat.dialogId, userIds: [3, 4] }]);
		expect(json((await on('listMembers')).output).map((user) => user.id)).toEqual([2, 3, 4, botId]);
		await on('removeMember', { userId: '4' });
		await on('addManagers', { userIds: '2' });
		expect(emulator().state.chats[chat.id].managers).toEqual([2]);
		await on('removeManagers', { userIds: '2' });
		expect(emulator().state.chats[chat.id]).toMatchObject({ users: [botId, 2, 3], managers: [] });
	});

	it('batches member changes for many items, each command with the bot\'s token', async () => {
		const botId = await registerBot();
		const { chat } = await asBot(botId, 'Chat.add', { fields: { title: 'Team' } });
		const result = await run([{ user: 2 }, { user: 3 }], { resource: 'chat', operation: 'addMembers', botId: botLocator(botId), dialogId: chat.dialogId,
			userIds: '={{ $json.user }}' });
		expect(result.error).toBeUndefined();
		expect(emulator().log.map((entry) => entry.method)).toEqual(['imbot.v2.bot.register', 'imbot.v2.chat.add', 'batch']);
		expect(emulator().log[2].batchCommands?.map((command) => command.params.botToken)).toEqual([TOKEN, TOKEN]);
		expect(emulator().state.chats[chat.id].users).toEqual([botId, 2, 3]);
	});
});
