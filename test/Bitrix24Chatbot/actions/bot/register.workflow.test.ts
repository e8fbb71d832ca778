jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { botLocator, chatbotCredentials, everythingOut, json, TOKEN, useChatbotEmulator } from '../../../helpers/chatbotWorkflow';
import { png } from '../../../helpers/chatWorkflow';

const { emulator, run, runOAuth2, calls } = useChatbotEmulator();

const register = (extra: Record<string, unknown> = {}) => ({ resource: 'bot', operation: 'register', code: 'support', name: 'Support', ...extra });

describe('Bot → Register and Update', () => {
	it('registers a fetch-mode bot that belongs to the credential\'s Bot Token, sent inside fields only', async () => {
		const result = await run([{ $binary: png }], register({ botType: 'personal', additionalFields: { avatarBinaryPropertyName: 'data', workPosition: 'Helper' } }));
		expect(result.error).toBeUndefined();
		const [item] = json(result.output);
		expect(item).toMatchObject({ code: 'support', name: 'Support', type: 'personal', eventMode: 'fetch' });
		const bot = emulator().state.bots[item.botId as number];
		expect(bot.owner).toBe(`token:${TOKEN}`);
		const [sent] = calls('imbot.v2.Bot.register');
		expect(sent.params.fields.botToken).toBe(TOKEN);
		expect(sent.params.botToken).toBeUndefined();
		expect(everythingOut(result)).not.toContain(TOKEN);
	});

	it('is idempotent: the same code again answers the same bot (one step to set a bot up, safe to run twice)', async () => {
		const first = json((await run([{}], register())).output)[0];
		const again = json((await run([{}], register({ name: 'Other name' }))).output)[0];
		expect(again).toEqual(first);
	});

	it('with OAuth2 the bot belongs to the app: no token is sent', async () => {
		const { tokens, result } = runOAuth2([{}], register());
		const { output, error } = await result;
		expect(error).toBeUndefined();
		const bot = emulator().state.bots[json(output)[0].botId as number];
		expect(bot.owner).toMatch(/^oauth:/);
		const [sent] = calls('imbot.v2.Bot.register');
		expect(JSON.stringify(sent.params)).not.toMatch(/botToken/);
		expect(everythingOut({ output, error })).not.toContain(tokens.access_token);
	});

	it('refuses an unusable Bot Token before sending anything, without showing it', async () => {
		const credentials = chatbotCredentials(emulator(), { botToken: 'short-token' });
		const result = await run([{}], register(), { credentials });
		expect(result.error?.message).toBe('Bitrix24 credential: Bot Token must be 16 to 40 characters without spaces (Bitrix24 accepts at most 40)');
		expect(emulator().log).toHaveLength(0);
	});

	it('updates the bot; switching it back to fetch mode is what the trigger needs', async () => {
		const botId = json((await run([{}], register())).output)[0].botId as number;
		const result = await run([{}], { resource: 'bot', operation: 'update', botId: botLocator(botId),
			updateFields: { eventMode: 'webhook', webhookUrl: 'https://example.com/hook', name: 'Renamed' } });
		expect(json(result.output)[0]).toMatchObject({ botId, eventMode: 'webhook', name: 'Renamed' });
		const back = await run([{}], { resource: 'bot', operation: 'update', botId: botLocator(botId), updateFields: { eventMode: 'fetch' } });
		expect(json(back.output)[0]).toMatchObject({ botId, eventMode: 'fetch' });
	});

	it('names the Bitrix24 error of a bot of another token, with a hint, and never the token', async () => {
		const botId = json((await run([{}], register())).output)[0].botId as number;
		const credentials = chatbotCredentials(emulator(), { botToken: 'dummy-other-token-00000' });
		const result = await run([{}], { resource: 'bot', operation: 'get', botId: botLocator(botId), simplify: false }, { credentials });
		expect(result.error).toBeUndefined(); // another app gets the brief bot
		const update = await run([{}], { resource: 'bot', operation: 'update', botId: botLocator(botId), updateFields: { name: 'x' } }, { credentials });
		expect(update.error?.message).toBe('Bitrix24 imbot.v2.Bot.update: Bot is registered by another application [BOT_OWNERSHIP_ERROR]');
		expect((update.error as Error & { description?: string }).description).toMatch(/Bot Token is not this bot's/);
		expect(everythingOut(update)).not.toContain('dummy-other-token-00000');
	});
});
