const mockPause: PauseControl = { delays: [], held: false, waiting: 0 };
jest.mock('n8n-workflow', () => jest.requireActual('../helpers/pausableSleep').withPausableSleep(mockPause));

import type { IDataObject } from 'n8n-workflow';

import { LeakyBucket } from '../../nodes/shared/transport/limiter';
import { RETRY_LIMITS } from '../../nodes/shared/transport/retry';
import { realSleep, until, useTriggerKit } from '../helpers/chatbotTrigger';
import { registerBotAs, TOKEN } from '../helpers/chatbotWorkflow';
import { callAs } from '../helpers/emulator';
import type { PauseControl } from '../helpers/pausableSleep';

/*
 * The active Chatbot Trigger (n8n-core's TriggerContext, long-running trigger() with its closeFunction) against the
 * emulator: exactly one execution per event; a restart, a lost answer, failed polls and another reader neither lose
 * nor repeat an event; the adaptive pauses; a refusal or the bot's deletion stops it; stopping is clean. n8n's sleep
 * is mocked (mockPause): the trigger's pauses are recorded and last 1 ms, or as long as a test holds them.
 */

const { emulator, activate, write, eventGets, queued, texts, holdTrigger, letOnePoll, oneMessageIn } = useTriggerKit(mockPause);

describe('Bitrix24 Chatbot Trigger, active (long-running trigger in n8n-core)', () => {
	it('one message starts exactly one execution with one item; it is confirmed only after it was emitted', async () => {
		const botId = await registerBotAs(emulator(), 'support', TOKEN);
		const activation = await activate(botId);
		const messageId = await write('hi bot', botId);
		await until('the execution', () => activation.runs.length === 1);
		const [item] = activation.runs[0] as IDataObject[];
		expect(activation.runs[0]).toHaveLength(1);
		expect(item).toMatchObject({ event: 'messageAdd', source: 'bot', botId, dialogId: '2', messageId, userId: 2, text: 'hi bot', isOpenChannel: false });
		// The marker is in the static data n8n saved with the emit; the JOINCHAT before it was not picked.
		expect(activation.savedStaticData['node:Bitrix24 Chatbot Trigger']).toMatchObject({ botId, marker: item.eventId });
		await holdTrigger();
		await letOnePoll(); // the poll after the emit confirms (held at once, the trigger may not have sent it yet)
		expect(activation.runs).toHaveLength(1);
		// Everything below the marker is confirmed; the marker itself stays queued until a later event is handled.
		expect(queued(botId)).toEqual([item.eventId]);
		const offsets = eventGets().map((entry) => entry.params.offset);
		expect(offsets[0]).toBeUndefined();
		expect(offsets.slice(1).every((offset) => offset === item.eventId)).toBe(true);
		expect(JSON.stringify(activation.items)).not.toContain(TOKEN);
	});

	it('a restart from what n8n saved neither repeats nor loses an event; events during the stop come once each', async () => {
		const botId = await registerBotAs(emulator(), 'support', TOKEN);
		const first = await activate(botId);
		await write('one', botId);
		await until('one', () => first.runs.length === 1);
		await first.stop();
		await write('two', botId);
		await write('three', botId);
		const restarted = await activate(botId, {}, first.savedStaticData);
		await until('two and three', () => restarted.runs.length === 2);
		await holdTrigger();
		expect(texts(restarted)).toEqual(['two', 'three']);
		expect(restarted.runs.map((run) => run.length)).toEqual([1, 1]);
		expect(restarted.failedExecutions).toEqual([]);
	});

	it('a lost Event.get answer and failed polls change nothing: every event comes once, after a back-off', async () => {
		const { botId, activation } = await oneMessageIn();
		await write('two', botId);
		emulator().injectFault('resetAfterApply', { method: 'imbot.v2.Event.get' });
		// Five polls in a row fail, each after the client's retries: then the trigger records a failed execution.
		const attemptsPerPoll = RETRY_LIMITS.maxAttempts + 1;
		emulator().injectFault('html500', { method: 'imbot.v2.Event.get', count: 5 * attemptsPerPoll - 1 });
		mockPause.delays.length = 0;
		mockPause.held = false;
		await until('two', () => activation.runs.length === 2, 20_000);
		await holdTrigger();
		expect(texts(activation)).toEqual(['one', 'two']);
		expect(mockPause.delays).toEqual(expect.arrayContaining([2000, 4000, 8000, 16_000, 32_000]));
		expect(activation.failedExecutions).toHaveLength(1);
		expect(activation.failedExecutions[0].message).toMatch(/^Bitrix24 imbot\.v2\.Event\.get: /);
		expect(activation.stopErrors).toEqual([]);
	});

	it('another reader of the bot\'s queue is detected and explained; the trigger carries on with what is left', async () => {
		const { botId, activation } = await oneMessageIn();
		await write('two', botId);
		await write('three', botId);
		// Another holder of the token reads the queue and confirms everything before "three".
		const other = (params: IDataObject) => callAs(emulator().webhooks.admin.url, 'imbot.v2.Event.get', { botId, botToken: TOKEN, ...params });
		const page = (await other({})) as { events: Array<{ eventId: number }> };
		await other({ offset: page.events[page.events.length - 1].eventId });
		mockPause.held = false;
		await until('three', () => activation.runs.length === 2);
		expect(texts(activation)).toEqual(['one', 'three']);
		expect(activation.failedExecutions).toHaveLength(1);
		const [error] = activation.failedExecutions as Array<Error & { description?: string }>;
		expect(error.message).toBe('Another application is reading this bot\'s event queue');
		expect(error.description).toContain('another active workflow with a Bitrix24 Chatbot Trigger for this bot');
		expect(error.description).toMatch(/the events between event \d+ and event \d+ may have gone to the other reader/);
	});

	it('one execution per event, in order; while Bitrix24 holds more, the next page comes 2 s later', async () => {
		const botId = await registerBotAs(emulator(), 'support', TOKEN);
		await write('a', botId);
		await write('b', botId);
		await write('c', botId);
		const activation = await activate(botId, { options: { maxEvents: 1, timeout: 5 } });
		await until('a, b and c', () => activation.runs.length === 3);
		expect(texts(activation)).toEqual(['a', 'b', 'c']);
		const pagesWithMore = eventGets().length;
		expect(pagesWithMore).toBeGreaterThanOrEqual(4); // the JOINCHAT first, then a page per message
		expect(mockPause.delays.slice(0, 3)).toEqual([2000, 2000, 2000]);
	});

	it('polls every 2 s in a conversation and every 6 s when idle, through the portal\'s shared rate-limit bucket', async () => {
		const acquired = jest.spyOn(LeakyBucket.prototype, 'acquire');
		const botId = await registerBotAs(emulator(), 'support', TOKEN);
		const activation = await activate(botId);
		await until('an idle pause', () => mockPause.delays.length > 0);
		expect(mockPause.delays[0]).toBe(6000);
		await write('hello', botId);
		await until('hello', () => activation.runs.length === 1);
		await holdTrigger();
		expect(mockPause.delays[mockPause.delays.length - 1]).toBe(2000);
		const requests = emulator().log.filter((entry) => ['imbot.v2.bot.get', 'imbot.v2.event.get'].includes(entry.method)).length;
		expect(acquired.mock.calls.length).toBeGreaterThanOrEqual(requests);
		acquired.mockRestore();
	});

	it('deactivation stops the loop: no request and no execution afterwards', async () => {
		const botId = await registerBotAs(emulator(), 'support', TOKEN);
		const activation = await activate(botId);
		await until('a poll', () => eventGets().length > 0);
		await holdTrigger(); // a long pause: stop must end it at once
		await activation.stop();
		mockPause.held = false;
		const requests = emulator().log.length;
		await write('after the stop', botId);
		const more = emulator().log.length;
		await activation.stop();
		expect(emulator().log.length).toBe(more);
		expect(more).toBe(requests + 1); // only the message itself
		expect(activation.runs).toEqual([]);
	});

	it('another bot\'s token: stopped with BOT_OWNERSHIP_ERROR after reading the credential once more; no secret in the error', async () => {
		const botId = await registerBotAs(emulator(), 'foreign', 'dummy-foreign-token-01');
		const activation = await activate(botId);
		await until('the stop', () => activation.stopErrors.length === 1);
		const [error] = activation.stopErrors as Array<Error & { description?: string }>;
		expect(error.message).toBe('Bitrix24 imbot.v2.Event.get: Bot is registered by another application [BOT_OWNERSHIP_ERROR]');
		expect(eventGets()).toHaveLength(2);
		const secrets = [TOKEN, emulator().webhooks.admin.secret];
		for (const secret of secrets) expect(JSON.stringify([error.message, error.description])).not.toContain(secret);
		const after = emulator().log.length;
		await write('nobody reads this', botId);
		expect(emulator().log.length).toBe(after + 1);
	});

	it('the bot\'s deletion: what came before is emitted, then the trigger stops with a clear error (its item too when picked)', async () => {
		const botId = await registerBotAs(emulator(), 'support', TOKEN);
		const activation = await activate(botId, { events: ['messageAdd', 'botDelete'] });
		await write('last words', botId);
		await callAs(emulator().webhooks.admin.url, 'imbot.v2.Bot.unregister', { botId, botToken: TOKEN });
		await until('the stop', () => activation.stopErrors.length === 1);
		expect(activation.items.map((item) => item.event)).toEqual(['messageAdd', 'botDelete']);
		expect(activation.stopErrors[0].message).toBe(`Bot ${botId} was deleted in Bitrix24: the trigger stopped`);
		expect((activation.stopErrors[0] as Error & { description?: string }).description).toContain('Bot → Register');
		const requests = emulator().log.length;
		await realSleep(50);
		expect(emulator().log.length).toBe(requests);
	});

	it('a saved cursor of another bot is dropped: the first poll reads the new bot\'s queue from its head', async () => {
		const botId = await registerBotAs(emulator(), 'support', TOKEN);
		await write('waiting', botId);
		const activation = await activate(botId, {}, { 'node:Bitrix24 Chatbot Trigger': { botId: botId + 100, marker: 99999 } });
		await until('the waiting message', () => activation.runs.length === 1);
		expect(eventGets()[0].params.offset).toBeUndefined();
	});
});
