const mockPause: PauseControl = { delays: [], held: false, waiting: 0 };
jest.mock('n8n-workflow', () => jest.requireActual('../helpers/pausableSleep').withPausableSleep(mockPause));

import { RETRY_LIMITS } from '../../nodes/shared/transport/retry';
import { until, useTriggerKit } from '../helpers/chatbotTrigger';
import { registerBotAs, TOKEN } from '../helpers/chatbotWorkflow';
import { callAs, oauth2Credentials } from '../helpers/emulator';
import type { PauseControl } from '../helpers/pausableSleep';

/*
 * How the Chatbot Trigger reads the bot's queue (queue.ts) when the workflow activates: the bot is checked (a
 * webhook-mode bot refused and never switched, an unknown bot refused, a passing failure retried), OAuth2 sends no
 * token.
 */

const { getEmulator, emulator, activate, activationError, write, eventGets } = useTriggerKit(mockPause);

describe('Bitrix24 Chatbot Trigger, the bot\'s queue', () => {
	it('a bot in webhook event mode is refused at activation with how to switch it, and never switched', async () => {
		const answer = (await callAs(emulator().webhooks.admin.url, 'imbot.v2.Bot.register', {
			fields: { code: 'hooked', botToken: TOKEN, eventMode: 'webhook', webhookUrl: 'https://example.com/hook', properties: { name: 'Hooked' } },
		})) as { bot: { id: number } };
		const botId = answer.bot.id;
		const failure = await activationError({ botId: { __rl: true, mode: 'id', value: String(botId) } });
		expect(failure?.message).toBe(`Bot ${botId} is in event mode "webhook": this trigger reads the events of bots in fetch mode`);
		expect(failure?.description).toContain('Bot → Update, Update Fields → Event Mode: Fetch');
		expect(failure?.description).toContain('never switches a bot by itself');
		expect(emulator().state.bots[botId]).toMatchObject({ eventMode: 'webhook' });
		expect(emulator().log.map((entry) => entry.method)).toEqual(['imbot.v2.bot.register', 'imbot.v2.bot.get']);
	});

	it('an unknown bot fails the activation with Bitrix24\'s code and what to do', async () => {
		const failure = await activationError({ botId: { __rl: true, mode: 'id', value: '999' } });
		expect(failure?.message).toBe('Bitrix24 imbot.v2.Bot.get: Bot not found [BOT_NOT_FOUND]');
		expect(failure?.description).toMatch(/Register it again/);
	});

	it('a portal that fails while the workflow activates: the activation goes through, the trigger checks again and reads', async () => {
		const botId = await registerBotAs(emulator(), 'support', TOKEN);
		emulator().injectFault('html500', { method: 'imbot.v2.Bot.get', count: RETRY_LIMITS.maxAttempts + 1 });
		const activation = await activate(botId);
		await write('hello', botId);
		await until('hello', () => activation.runs.length === 1);
		expect(emulator().log.filter((entry) => entry.method === 'imbot.v2.bot.get').map((entry) => entry.status).slice(-2)).toEqual([500, 200]);
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
