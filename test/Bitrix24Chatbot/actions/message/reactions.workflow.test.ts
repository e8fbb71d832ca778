jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { callAs } from '../../../helpers/emulator';
import { botLocator, json, useChatbotEmulator } from '../../../helpers/chatbotWorkflow';

const { emulator, run, registerBot, calls } = useChatbotEmulator();

describe('Message → Add Reaction, Remove Reaction', () => {
	it('reacts to a user\'s message, is not repeated after a lost answer, and takes the reaction back', async () => {
		const botId = await registerBot();
		const messageId = (await callAs(emulator().webhooks.user2.url, 'im.message.add', { DIALOG_ID: String(botId), MESSAGE: 'hi' })) as number;
		const react = (operation: string) => ({ resource: 'message', operation, botId: botLocator(botId), messageId: String(messageId), reaction: 'fire' });
		emulator().injectFault('resetAfterApply', { method: 'imbot.v2.Chat.Message.Reaction.add' });
		const lost = await run([{}], react('addReaction'));
		expect(lost.error?.message).toMatch(/\[ECONNRESET\]$/);
		expect(calls('imbot.v2.Chat.Message.Reaction.add')).toHaveLength(1);
		const message = () => emulator().state.messages[messageId];
		expect(message().reactions?.fire).toEqual([botId]);
		expect(json((await run([{}], react('removeReaction'))).output)).toEqual([{ success: true, botId, messageId, reaction: 'fire' }]);
		expect(message().reactions?.fire).toEqual([]);
	});
});
