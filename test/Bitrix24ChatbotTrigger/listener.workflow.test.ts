const mockDelays: number[] = [];
/** While held, the trigger stays in its next pause (`waiting` counts the pauses held). */
const mockHold = { held: false, waiting: 0 };
jest.mock('n8n-workflow', () => {
	const actual = jest.requireActual('n8n-workflow');
	return {
		...actual,
		sleep: jest.fn(async (ms: number) => {
			mockDelays.push(ms);
			await actual.sleep(1);
			if (!mockHold.held) return;
			mockHold.waiting += 1;
			while (mockHold.held) await actual.sleep(2);
			mockHold.waiting -= 1;
		}),
	};
});

import type { IDataObject } from 'n8n-workflow';

import { LeakyBucket } from '../../nodes/shared/transport/limiter';
import { RETRY_LIMITS } from '../../nodes/shared/transport/retry';
import { realSleep, TriggerActivation, until } from '../helpers/chatbotTrigger';
import { registerBotAs, TOKEN } from '../helpers/chatbotWorkflow';
import type { ChatbotEmulator } from '../helpers/chatbotWorkflow';
import { callAs, oauth2Credentials, useEmulator } from '../helpers/emulator';
import { TestCredentials } from '../helpers/runWorkflow';

/*
 * The active Chatbot Trigger (n8n-core's TriggerContext, long-running trigger() with its closeFunction) against the
 * emulator: exactly one execution per event, a restart, a lost answer, failed polls and another reader neither lose
 * nor repeat an event; refusals explained; stopping is clean. n8n's sleep is mocked: the trigger's pauses are
 * recorded (mockDelays) and last 1 ms, or as long as a test holds them.
 */

const getEmulator = useEmulator({ rateLimit: false });
const emulator = () => getEmulator() as unknown as ChatbotEmulator;
/** The tests' bot token, and no rate limit on our side either: the only pauses recorded are the trigger's. */
const credentials = () =>
	new TestCredentials({
		bitrix24ChatbotWebhookApi: { webhookUrl: emulator().webhooks.admin.url, botToken: TOKEN, rateLimit: 'custom', rateLimitBurst: 1e9, rateLimitPerSecond: 1e6 },
	});
const activations: TriggerActivation[] = [];

beforeEach(() => {
	mockDelays.length = 0;
	mockHold.held = false;
});

afterEach(async () => {
	mockHold.held = false;
	await Promise.all(activations.splice(0).map(async (activation) => await activation.stop()));
});

async function activate(botId: number, parameters: IDataObject = {}, staticData: IDataObject = {}, creds = credentials()) {
	const activation = new TriggerActivation(creds, { botId: { __rl: true, mode: 'id', value: String(botId) }, ...parameters }, staticData);
	activations.push(activation);
	await activation.start();
	return activation;
}

const write = async (text: string, botId: number, url = emulator().webhooks.user2.url) =>
	(await callAs(url, 'im.message.add', { DIALOG_ID: String(botId), MESSAGE: text })) as number;
const eventGets = () => emulator().log.filter((entry) => entry.method === 'imbot.v2.event.get');
const queued = (botId: number) => emulator().botEventsOf(botId).map((event) => event.eventId);
const texts = (activation: TriggerActivation) => activation.items.map((item) => item.text);

/** A bot, its active trigger, and a message "one" it emitted; the trigger held in its pause after that. */
async function oneMessageIn() {
	const botId = await registerBotAs(emulator(), 'support', TOKEN);
	const activation = await activate(botId);
	await write('one', botId);
	await until('one', () => activation.runs.length === 1);
	await holdTrigger();
	return { botId, activation };
}

/** Lets a held trigger poll once more, and holds it again after that poll. */
async function letOnePoll() {
	const before = eventGets().length;
	mockHold.held = false;
	await until('one more poll', () => eventGets().length > before);
	await holdTrigger();
}

/** Holds the trigger in its next pause, after the poll in flight. */
async function holdTrigger() {
	mockHold.held = true;
	await until('the trigger to pause', () => mockHold.waiting > 0);
}

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
		mockDelays.length = 0;
		mockHold.held = false;
		await until('two', () => activation.runs.length === 2, 20_000);
		await holdTrigger();
		expect(texts(activation)).toEqual(['one', 'two']);
		expect(mockDelays).toEqual(expect.arrayContaining([2000, 4000, 8000, 16_000, 32_000]));
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
		mockHold.held = false;
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
		expect(mockDelays.slice(0, 3)).toEqual([2000, 2000, 2000]);
	});

	it('polls every 2 s in a conversation and every 6 s when idle, through the portal\'s shared rate-limit bucket', async () => {
		const acquired = jest.spyOn(LeakyBucket.prototype, 'acquire');
		const botId = await registerBotAs(emulator(), 'support', TOKEN);
		const activation = await activate(botId);
		await until('an idle pause', () => mockDelays.length > 0);
		expect(mockDelays[0]).toBe(6000);
		await write('hello', botId);
		await until('hello', () => activation.runs.length === 1);
		await holdTrigger();
		expect(mockDelays[mockDelays.length - 1]).toBe(2000);
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
		mockHold.held = false;
		const requests = emulator().log.length;
		await write('after the stop', botId);
		const more = emulator().log.length;
		await activation.stop();
		expect(emulator().log.length).toBe(more);
		expect(more).toBe(requests + 1); // only the message itself
		expect(activation.runs).toEqual([]);
	});
});

describe('Bitrix24 Chatbot Trigger, refusals', () => {
	it('a bot in webhook event mode is refused at activation with how to switch it, and never switched', async () => {
		const answer = (await callAs(emulator().webhooks.admin.url, 'imbot.v2.Bot.register', {
			fields: { code: 'hooked', botToken: TOKEN, eventMode: 'webhook', webhookUrl: 'https://example.com/hook', properties: { name: 'Hooked' } },
		})) as { bot: { id: number } };
		const botId = answer.bot.id;
		const activation = new TriggerActivation(credentials(), { botId: { __rl: true, mode: 'id', value: String(botId) } });
		const failure = (await activation.start().catch((error: unknown) => error)) as Error & { description?: string };
		expect(failure.message).toBe(`Bot ${botId} is in event mode "webhook": this trigger reads the events of bots in fetch mode`);
		expect(failure.description).toContain('Bot → Update, Update Fields → Event Mode: Fetch');
		expect(failure.description).toContain('never switches a bot by itself');
		expect(emulator().state.bots[botId]).toMatchObject({ eventMode: 'webhook' });
		expect(emulator().log.map((entry) => entry.method)).toEqual(['imbot.v2.bot.register', 'imbot.v2.bot.get']);
	});

	it('a credential without a Bot Token fails the activation before anything is sent', async () => {
		const empty = new TestCredentials({ bitrix24ChatbotWebhookApi: { webhookUrl: emulator().webhooks.admin.url, botToken: '' } });
		const activation = new TriggerActivation(empty, { botId: { __rl: true, mode: 'id', value: '7' } });
		const failure = (await activation.start().catch((error: unknown) => error)) as Error;
		expect(failure.message).toMatch(/^Bot Token is empty/);
		expect(emulator().log).toEqual([]);
	});

	it('a portal that fails while the workflow activates: the activation goes through, the trigger checks again and reads', async () => {
		const botId = await registerBotAs(emulator(), 'support', TOKEN);
		emulator().injectFault('html500', { method: 'imbot.v2.Bot.get', count: RETRY_LIMITS.maxAttempts + 1 });
		const activation = await activate(botId);
		await write('hello', botId);
		await until('hello', () => activation.runs.length === 1);
		expect(emulator().log.filter((entry) => entry.method === 'imbot.v2.bot.get').map((entry) => entry.status).slice(-2)).toEqual([500, 200]);
	});

	it('an unknown bot fails the activation with Bitrix24\'s code and what to do', async () => {
		const activation = new TriggerActivation(credentials(), { botId: { __rl: true, mode: 'id', value: '999' } });
		const failure = (await activation.start().catch((error: unknown) => error)) as Error & { description?: string };
		expect(failure.message).toBe('Bitrix24 imbot.v2.Bot.get: Bot not found [BOT_NOT_FOUND]');
		expect(failure.description).toMatch(/Register it again/);
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
});

describe('Bitrix24 Chatbot Trigger, filters and options', () => {
	it('dialog filter; events it skips move the cursor but start nothing', async () => {
		const botId = await registerBotAs(emulator(), 'support', TOKEN);
		const activation = await activate(botId, { options: { dialogIds: '3', timeout: 5 } });
		await write('from user 2', botId);
		const fromThree = await write('from user 3', botId, emulator().webhooks.user3.url);
		await until('user 3', () => activation.runs.length === 1);
		await holdTrigger();
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

	it('a saved cursor of another bot is dropped: the first poll reads the new bot\'s queue from its head', async () => {
		const botId = await registerBotAs(emulator(), 'support', TOKEN);
		await write('waiting', botId);
		const activation = await activate(botId, {}, { 'node:Bitrix24 Chatbot Trigger': { botId: botId + 100, marker: 99999 } });
		await until('the waiting message', () => activation.runs.length === 1);
		expect(eventGets()[0].params.offset).toBeUndefined();
	});

	it('OAuth2: the app\'s bot, no token sent', async () => {
		const { credentials: oauth } = oauth2Credentials(getEmulator(), { scopes: ['im', 'imbot'] }, { clientId: emulator().oauth.clientId, clientSecret: emulator().oauth.clientSecret });
		const token = emulator().issueTokens({ userId: 1, scopes: ['im', 'imbot'] }).access_token;
		const registered = (await (await fetch(`${emulator().baseUrl}/rest/imbot.v2.Bot.register.json?auth=${token}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ fields: { code: 'app_bot', properties: { name: 'App bot' } } }),
		})).json()) as { result: { bot: { id: number } } };
		const botId = registered.result.bot.id;
		const activation = await activate(botId, { authentication: 'oAuth2' }, {}, oauth);
		await write('hello app bot', botId);
		await until('the message', () => activation.runs.length === 1);
		expect(activation.items[0]).toMatchObject({ text: 'hello app bot', botId });
		expect(eventGets().every((entry) => entry.params.botToken === undefined)).toBe(true);
	});
});
