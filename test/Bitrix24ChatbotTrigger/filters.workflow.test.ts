const mockPause: PauseControl = { delays: [], held: false, waiting: 0 };
jest.mock('n8n-workflow', () => jest.requireActual('../helpers/pausableSleep').withPausableSleep(mockPause));

import { until, useTriggerKit } from '../helpers/chatbotTrigger';
import { registerBotAs, TOKEN } from '../helpers/chatbotWorkflow';
import { callAs } from '../helpers/emulator';
import type { PauseControl } from '../helpers/pausableSleep';

/* The Chatbot Trigger's filters in a running trigger: skipped events move the cursor; the bot's own answers never come. */

const { emulator, activate, write, eventGets, queued, holdTrigger, letOnePoll } = useTriggerKit(mockPause);

describe('Bitrix24 Chatbot Trigger, filters', () => {
	it('dialog filter; events it skips move the cursor but start nothing', async () => {
		const botId = await registerBotAs(emulator(), 'support', TOKEN);
		const activation = await activate(botId, { options: { dialogIds: '3', timeout: 5 } });
		await write('from user 2', botId);
		const fromThree = await write('from user 3', botId, emulator().webhooks.user3.url);
		await until('user 3', () => activation.runs.length === 1);
		await holdTrigger();
		await letOnePoll(); // the poll after the emit confirms everything before its marker
		expect(activation.items).toEqual([expect.objectContaining({ dialogId: '3', messageId: fromThree })]);
		expect(queued(botId)).toEqual([activation.items[0].eventId]);
	});

	it('user events: the credential\'s user is subscribed; its events come with source "user", never the bot\'s own answer', async () => {
		const botId = await registerBotAs(emulator(), 'support', TOKEN);
		const activation = await activate(botId, { options: { withUserEvents: true, timeout: 5 } });
		expect(emulator().log.some((entry) => entry.method === 'im.v2.event.subscribe' && entry.status === 200)).toBe(true);
		await write('hi from the webhook\'s user', botId, emulator().webhooks.admin.url);
		await until('both views of the message', () => activation.runs.length === 2);
		await callAs(emulator().webhooks.admin.url, 'imbot.v2.Chat.Message.send', { botId, botToken: TOKEN, dialogId: '1', fields: { message: 'the bot answers' } });
		await holdTrigger();
		await letOnePoll();
		await letOnePoll();
		// One message, seen by the bot and by its author's own queue; the bot's answer is in neither.
		expect(activation.items.map((item) => [item.source, item.event, item.authorId]).sort()).toEqual([
			['bot', 'messageAdd', 1],
			['user', 'messageAdd', 1],
		]);
		expect(eventGets().every((entry) => entry.params.withUserEvents === true)).toBe(true);
	});
});
