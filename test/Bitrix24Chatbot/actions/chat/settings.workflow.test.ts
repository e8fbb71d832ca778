jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { botLocator, json, useChatbotEmulator } from '../../../helpers/chatbotWorkflow';

const { emulator, run, registerBot, asBot } = useChatbotEmulator();

describe('Chat → Show Typing, Text Field, Set Owner, Leave', () => {
	it('shows a thinking indicator, hides and shows the text field, hands the chat over and leaves', async () => {
		const botId = await registerBot();
		const { chat } = await asBot(botId, 'Chat.add', { fields: { title: 'Team', userIds: [2] } });
		const on = (operation: string, extra: Record<string, unknown> = {}) =>
			run([{}], { resource: 'chat', operation, botId: botLocator(botId), dialogId: chat.dialogId, ...extra });
		await on('showTyping', { additionalFields: { status: 'IMBOT_AGENT_ACTION_THINKING', duration: 20 } });
		expect(emulator().state.chats[chat.id].inputAction).toMatchObject({ botId, code: 'IMBOT_AGENT_ACTION_THINKING' });
		expect(json((await on('disableTextField')).output)).toEqual([{ success: true, botId, dialogId: chat.dialogId, textFieldEnabled: false }]);
		expect(emulator().state.chats[chat.id].textFieldEnabled).toBe(false);
		await on('enableTextField');
		expect(emulator().state.chats[chat.id].textFieldEnabled).toBe(true);
		expect(json((await on('setOwner', { userId: '2' })).output)).toEqual([{ success: true, botId, dialogId: chat.dialogId, ownerId: 2 }]);
		await on('leave');
		expect(emulator().state.chats[chat.id].users).toEqual([2]);
		const again = await on('leave');
		expect(again.error?.message).toBe('Bitrix24 imbot.v2.Chat.leave: Access denied [ACCESS_DENIED]');
	});
});
