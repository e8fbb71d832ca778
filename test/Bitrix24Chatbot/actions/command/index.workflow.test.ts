jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { callAs } from '../../../helpers/emulator';
import { botLocator, json, useChatbotEmulator } from '../../../helpers/chatbotWorkflow';

const { emulator, run, registerBot, calls } = useChatbotEmulator();

describe('Command → Register, Get Many, Update, Unregister, Answer', () => {
	it('registers a command a user can type; the bot\'s event carries what Answer needs; the answer is posted once', async () => {
		const botId = await registerBot();
		const registered = await run([{}], { resource: 'command', operation: 'register', botId: botLocator(botId), command: '/help', title: 'Show help' });
		const command = json(registered.output)[0];
		expect(command).toMatchObject({ botId, command: '/help' });
		expect(json((await run([{}], { resource: 'command', operation: 'register', botId: botLocator(botId), command: 'help', title: 'Again' })).output)[0].id).toBe(command.id);

		const typed = (await callAs(emulator().webhooks.user2.url, 'im.message.add', { DIALOG_ID: String(botId), MESSAGE: '/help billing' })) as number;
		const event = emulator().botEventsOf(botId).find((entry) => entry.type === 'ONIMBOTV2COMMANDADD')!;
		expect(event.data.command).toMatchObject({ id: command.id, params: 'billing', context: 'textarea' });

		const answer = { resource: 'command', operation: 'answer', botId: botLocator(botId), commandId: String(event.data.command.id),
			messageId: String(event.data.message.id), dialogId: event.data.chat.dialogId, text: 'Billing help: …' };
		emulator().injectFault('resetAfterApply', { method: 'imbot.v2.Command.answer' });
		const lost = await run([{}], answer);
		expect(lost.error?.message).toMatch(/^Bitrix24 imbot\.v2\.Command\.answer: .*\[ECONNRESET\]$/);
		expect(calls('imbot.v2.Command.answer')).toHaveLength(1);
		expect(emulator().messagesOf('2', botId).filter((message) => message.text === 'Billing help: …')).toHaveLength(1);
		expect(typed).toBe(event.data.message.id);

		const ok = await run([{}], answer);
		expect(json(ok.output)).toEqual([{ success: true, botId, commandId: command.id, messageId: typed, dialogId: '2' }]);
	});

	it('lists, renames and unregisters commands', async () => {
		const botId = await registerBot();
		const id = json((await run([{}], { resource: 'command', operation: 'register', botId: botLocator(botId), command: 'help', title: 'Help' })).output)[0].id;
		await run([{}], { resource: 'command', operation: 'update', botId: botLocator(botId), commandId: String(id), updateFields: { command: 'support', common: true } });
		expect(json((await run([{}], { resource: 'command', operation: 'getMany', botId: botLocator(botId) })).output)).toEqual([
			expect.objectContaining({ id, command: '/support', title: 'Help', common: true }),
		]);
		expect(json((await run([{}], { resource: 'command', operation: 'unregister', botId: botLocator(botId), commandId: String(id) })).output)).toEqual([
			{ success: true, botId, commandId: id },
		]);
		expect(json((await run([{}], { resource: 'command', operation: 'getMany', botId: botLocator(botId) })).output)).toEqual([]);
	});
});
