import { callAs, oauth2Credentials, useEmulator } from './emulator';
import type { Emulator } from './emulator';
import { runWorkflow, TestCredentials } from './runWorkflow';
import type { TestItem } from './runWorkflow';

/** The bot token of the tests' chatbot credential, and another one for rotations. */
export const TOKEN = 'dummy-bot-token-000001';
export const NEW_TOKEN = 'dummy-bot-token-rotated';

/** A JSON value the tests read at any depth (event data, request parameters). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** The emulator's imbot.v2 state (test/emulator/methods/botCore.js), as far as the tests read it. */
interface BotState {
	bots: Record<number, { id: number; owner: string; code: string; type: string; commands: Array<{ id: number; command: string }>; deleted?: boolean }>;
	chats: Record<number, { id: number; users: number[]; owner: number; managers?: number[]; title: string; textFieldEnabled?: boolean; inputAction?: unknown }>;
	openlines?: { sessions: Record<number, { status: string; operatorId: number }> };
	messages: Record<number, PortalMessage>;
}

interface PortalMessage {
	[field: string]: unknown;
	id: number;
	chatId: number;
	authorId: number;
	text: string;
	params: Record<string, Json>;
	reactions?: Record<string, number[]>;
}

export type ChatbotEmulator = Omit<Emulator, 'log' | 'state' | 'messagesOf'> & {
	/** Messages of a dialog as `userId` (default 1) names it, oldest first. */
	messagesOf(dialogId: string, userId?: number): PortalMessage[];
	state: BotState;
	botEventsOf(botId: number): Array<{ eventId: number; type: string; data: Record<string, Json> }>;
	openlineMessage(options: { botId: number; text: string; customerName?: string }): { chatId: number; customerId: number; messageId: number };
	log: Array<{ method: string; status: number; params: Record<string, Json>; answerLost?: boolean; batchCommands?: Array<{ method: string; params: Record<string, Json> }> }>;
};

/** A chatbot credential: the admin webhook (scopes im, imbot, imopenlines) and these tokens. */
export function chatbotCredentials(emulator: { webhooks: Emulator['webhooks'] }, fields: { botToken?: string; newBotToken?: string; webhookUrl?: string } = {}) {
	return new TestCredentials({
		bitrix24ChatbotWebhookApi: { webhookUrl: emulator.webhooks.admin.url, botToken: TOKEN, ...fields },
	});
}

/** Registers a bot with a token directly (as an earlier workflow would have); answers its ID. */
export async function registerBotAs(emulator: { webhooks: Emulator['webhooks'] }, code: string, token: string, type = 'bot') {
	const answer = (await callAs(emulator.webhooks.admin.url, 'imbot.v2.Bot.register', {
		fields: { code, botToken: token, type, properties: { name: code } },
	})) as { bot: { id: number } };
	return answer.bot.id;
}

/**
 * One emulator for a Chatbot workflow test file (reset before each test). `run` runs Items → Bitrix24 Chatbot with the
 * chatbot webhook credential (or `credentials`), `runOAuth2` with an OAuth2 app of user 1, `registerBot` registers a bot
 * with the tests' token directly (as an earlier workflow would have).
 */
export function useChatbotEmulator() {
	const getEmulator = useEmulator();
	const emulator = () => getEmulator() as unknown as ChatbotEmulator;
	const run = (
		items: TestItem[],
		parameters: Record<string, unknown>,
		options: { credentials?: TestCredentials; continueOnFail?: boolean; authentication?: 'webhook' | 'oAuth2' } = {},
	) =>
		runWorkflow({
			node: 'chatbot',
			items,
			parameters: { authentication: options.authentication ?? 'webhook', ...parameters, options: { timeout: 5, ...(parameters.options as object) } },
			credentials: options.credentials ?? chatbotCredentials(emulator()),
			continueOnFail: options.continueOnFail,
		});
	/** OAuth2 credentials of the emulator's app for user 1 (scopes im, imbot, imopenlines), and its tokens. */
	const oauth2 = () =>
		oauth2Credentials(emulator(), { scopes: ['im', 'imbot', 'imopenlines'] }, { clientId: emulator().oauth.clientId, clientSecret: emulator().oauth.clientSecret });
	const runOAuth2 = (items: TestItem[], parameters: Record<string, unknown>, continueOnFail = false) => {
		const { credentials, tokens } = oauth2();
		return { tokens, result: run(items, parameters, { credentials, continueOnFail, authentication: 'oAuth2' }) };
	};
	const registerBot = async (code = 'helper', type = 'bot', token = TOKEN) => await registerBotAs(emulator(), code, token, type);
	/** Calls an imbot.v2 method as the bot (with the tests' token). */
	const asBot = async (botId: number, method: string, params: Record<string, unknown>) =>
		(await callAs(emulator().webhooks.admin.url, `imbot.v2.${method}`, { botId, botToken: TOKEN, ...params })) as Record<string, Json>;
	const calls = (method: string) => emulator().log.filter((entry) => entry.method === method.toLowerCase());
	return { emulator, run, oauth2, runOAuth2, registerBot, asBot, calls };
}

export const botLocator = (botId: number) => ({ __rl: true, mode: 'id', value: String(botId) });
export const json = (output: Array<{ json: Record<string, unknown> }>) => output.map((item) => item.json);

/** Everything a run let out (output items, the error and its description), as one text to search for secrets. */
export function everythingOut(result: { output: unknown; error?: Error }): string {
	const error = result.error as (Error & { description?: unknown }) | undefined;
	return JSON.stringify([result.output, error?.message, error?.description]);
}
