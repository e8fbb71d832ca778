import { CHATBOT_CREDENTIALS, credentialsByAuthentication } from '../../../nodes/shared/fields';
import { DEFAULT_CREDENTIALS } from '../../../nodes/shared/transport';

const botToken = CHATBOT_CREDENTIALS.webhook.callParameters as (credentials: Record<string, unknown>) => unknown;

describe('the Chatbot nodes\' credentials', () => {
	it('send the Bot Token as botToken, and a different New Bot Token as its replacement after BOT_OWNERSHIP_ERROR', () => {
		expect(botToken({ botToken: ' abcdefghijklmnop ' })).toMatchObject({ current: { botToken: 'abcdefghijklmnop' }, replacement: undefined });
		expect(botToken({ botToken: 'abcdefghijklmnop', newBotToken: 'dummy-next-token-1' })).toMatchObject({
			current: { botToken: 'abcdefghijklmnop' },
			replacement: { botToken: 'dummy-next-token-1' },
			replaceOn: ['BOT_OWNERSHIP_ERROR'],
		});
		expect(botToken({ botToken: 'abcdefghijklmnop', newBotToken: 'abcdefghijklmnop' })).toMatchObject({ replacement: undefined });
	});

	it.each([
		[{ botToken: '' }, 'Bot Token is empty'],
		[{ botToken: 'short' }, 'Bot Token must be 16 to 40 characters without spaces (Bitrix24 accepts at most 40)'],
		[{ botToken: 'x'.repeat(41) }, 'Bot Token must be 16 to 40 characters'],
		[{ botToken: 'has a space in it!!' }, 'Bot Token must be 16 to 40 characters without spaces'],
		[{ botToken: 'abcdefghijklmnop', newBotToken: 'tiny' }, 'New Bot Token must be 16 to 40 characters'],
	])('refuse %j without repeating the value', (credentials, message) => {
		expect(() => botToken(credentials)).toThrow(message);
		try {
			botToken(credentials);
		} catch (error) {
			if (credentials.botToken.length > 0) expect((error as Error).message).not.toContain(credentials.botToken);
		}
	});

	it('give nothing through OAuth2 (the bot belongs to the app), and say so when a rotation is asked for', () => {
		const app = CHATBOT_CREDENTIALS.oAuth2.callParameters?.({});
		expect(app).toMatchObject({ current: {} });
		expect(app?.replacement).toBeUndefined();
		expect(app?.missingReplacement).toMatch(/OAuth2 .* no token/);
		expect(CHATBOT_CREDENTIALS.oAuth2.type).toBe(DEFAULT_CREDENTIALS.oAuth2.type);
	});

	it('are offered by the Authentication field, one credential per value', () => {
		expect(credentialsByAuthentication(CHATBOT_CREDENTIALS)).toEqual([
			{ name: 'bitrix24ChatbotWebhookApi', required: true, displayOptions: { show: { authentication: ['webhook'] } } },
			{ name: 'bitrix24OAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
		]);
	});
});
