jest.mock('n8n-workflow', () => {
	const actual = jest.requireActual('n8n-workflow');
	return { ...actual, sleep: jest.fn(async () => await actual.sleep(2)) };
});

import { manualRun, until } from '../helpers/chatbotTrigger';
import { chatbotCredentials, registerBotAs, TOKEN } from '../helpers/chatbotWorkflow';
import type { ChatbotEmulator } from '../helpers/chatbotWorkflow';
import { callAs, useEmulator } from '../helpers/emulator';

/*
 * "Fetch Test Event" in the editor: n8n-core's WorkflowExecute in manual mode with the Chatbot Trigger as start node
 * (trigger(), then manualTriggerFunction, then the run ends with what the trigger emitted). It shows what waits in
 * the bot's queue, or waits for the next event, and confirms nothing.
 */

const getEmulator = useEmulator({ rateLimit: false });
const emulator = () => getEmulator() as unknown as ChatbotEmulator;
const bot = (botId: number) => ({ botId: { __rl: true, mode: 'id', value: String(botId) } });
const write = async (text: string, botId: number) =>
	await callAs(emulator().webhooks.user2.url, 'im.message.add', { DIALOG_ID: String(botId), MESSAGE: text });
const eventGets = () => emulator().log.filter((entry) => entry.method === 'imbot.v2.event.get');

describe('Bitrix24 Chatbot Trigger, Fetch Test Event (manual mode)', () => {
	it('shows the waiting events in one run, oldest first, and confirms nothing: the active workflow still gets them', async () => {
		const botId = await registerBotAs(emulator(), 'support', TOKEN);
		await write('first', botId);
		await write('second', botId);
		const queued = emulator().botEventsOf(botId).map((event) => event.eventId);
		const run = await manualRun(chatbotCredentials(emulator()), bot(botId));
		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => item.text)).toEqual(['first', 'second']);
		expect(emulator().botEventsOf(botId).map((event) => event.eventId)).toEqual(queued);
		expect(eventGets().every((entry) => entry.params.offset === undefined)).toBe(true);
		expect(run.staticData).toEqual({});
		const again = await manualRun(chatbotCredentials(emulator()), bot(botId));
		expect(again.items.map((item) => item.text)).toEqual(['first', 'second']);
	});

	it('with nothing waiting, it waits for the next event', async () => {
		const botId = await registerBotAs(emulator(), 'support', TOKEN);
		const running = manualRun(chatbotCredentials(emulator()), { ...bot(botId), events: ['command'] });
		await until('the first look at the queue', () => eventGets().length > 0);
		await write('not a command', botId);
		await callAs(emulator().webhooks.admin.url, 'imbot.v2.Command.register', { botId, botToken: TOKEN, fields: { command: 'help', title: { en: 'Help' } } });
		await write('/help me', botId);
		const run = await running;
		expect(run.items).toEqual([expect.objectContaining({ event: 'command', command: '/help', commandParams: 'me', dialogId: '2' })]);
		expect(eventGets().length).toBeGreaterThan(1);
	});

	it('a bot in webhook event mode: the run fails with how to switch it', async () => {
		const answer = (await callAs(emulator().webhooks.admin.url, 'imbot.v2.Bot.register', {
			fields: { code: 'hooked', botToken: TOKEN, eventMode: 'webhook', webhookUrl: 'https://example.com/hook', properties: { name: 'Hooked' } },
		})) as { bot: { id: number } };
		const run = await manualRun(chatbotCredentials(emulator()), bot(answer.bot.id));
		expect(run.error?.message).toBe(`Bot ${answer.bot.id} is in event mode "webhook": this trigger reads the events of bots in fetch mode`);
		expect(eventGets()).toEqual([]);
	});

	it('a bad Bot value (from an expression) is refused before anything is sent', async () => {
		const run = await manualRun(chatbotCredentials(emulator()), { botId: { __rl: true, mode: 'id', value: '={{ "abc" }}' } });
		expect(run.error?.message).toBe('Bot "abc" is not valid: it must be the bot\'s ID, a whole number greater than 0');
		expect(emulator().log).toEqual([]);
	});
});
