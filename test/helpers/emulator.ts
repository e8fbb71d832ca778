import nock from 'nock';

import { resetBuckets } from '../../nodes/shared/transport/limiter';
import { runWorkflow, TestCredentials } from './runWorkflow';
import type { TestItem } from './runWorkflow';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startEmulator } = require('../emulator');

/** The parts of the emulator's test API (test/emulator/README.md) that workflow tests use. */
export interface Emulator {
	baseUrl: string;
	webhooks: {
		admin: { url: string; secret: string };
		user2: { url: string; secret: string };
		user3: { url: string; secret: string };
		noIm: { url: string };
	};
	/** The emulator's OAuth2 app. */
	oauth: { clientId: string; clientSecret: string; serverUrl: string; tokenUrl: string };
	/** Tokens of the OAuth2 app, as its installation for that user would get them. */
	issueTokens(options: { userId: number; scopes?: string[] }): Record<string, string>;
	/** The portal's state (test/emulator/state.js); tests type the part they read. */
	state: unknown;
	addWebhook(options: { userId: number; scopes: string[] }): { url: string };
	readState(userId: number, dialogId: string): { lastReadMessageId: number; firstUnreadMessageId: number | null; unreadCount: number };
	messagesOf(dialogId: string): Array<{ id: number; text: string; authorId?: number; [field: string]: unknown }>;
	countersOf(userId: number): { TYPE: { ALL: number; [field: string]: number }; [field: string]: unknown };
	injectFault(kind: string, options?: { count?: number; method?: string }): void;
	/** Makes every issued OAuth2 access token expire (the next call answers 401 expired_token). */
	expireAllTokens(): void;
	/** Makes the portal refuse calls of `method` with these parameters, alone or inside `batch`, before they run. */
	refuseCalls(rule: { method: string; params: Record<string, unknown>; code?: string; description?: string; status?: number }): void;
	setRateLimit(rateLimit: { burst: number; drainPerSecond: number } | false): void;
	log: Array<{ method: string; status: number; params?: Record<string, unknown>; [field: string]: unknown }>;
	clearLog(): void;
	reset(): void;
	close(): Promise<void>;
}

/**
 * One emulator for the test file, reset (with the process-wide rate-limit buckets) before each test. Returns a
 * getter, because the emulator starts in beforeAll. `options` go to startEmulator (e.g. `{ rateLimit: false }`).
 */
export function useEmulator(options: Record<string, unknown> = {}): () => Emulator {
	let emulator: Emulator;
	beforeAll(async () => {
		nock.enableNetConnect('127.0.0.1');
		emulator = await startEmulator({ port: 0, ...options });
	});
	beforeEach(() => {
		emulator.reset();
		resetBuckets();
	});
	afterAll(async () => {
		await emulator.close();
		// Jest runs several test files in one process: an active nock left behind would answer the next file's requests.
		nock.restore();
	});
	return () => emulator;
}

/** Webhook credentials for a webhook URL (default: the emulator's admin webhook, user 1 with every scope). */
export function webhookCredentials(emulator: Emulator, webhookUrl = emulator.webhooks.admin.url) {
	return new TestCredentials({ bitrix24WebhookApi: { webhookUrl } });
}

/**
 * Calls a method through the emulator's REST API with a webhook URL, as any other client of the portal would (e.g.
 * another user posting a message); answers the result, throws Bitrix24's error.
 */
export async function callAs(webhookUrl: string, method: string, params: Record<string, unknown> = {}): Promise<unknown> {
	const response = await fetch(`${webhookUrl}${method}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(params),
	});
	const body = (await response.json()) as { result?: unknown; error?: string };
	if (body.error) throw new Error(`${method}: ${body.error}`);
	return body.result;
}

/**
 * Runs Items → Bitrix24 IM on the emulator with a webhook credential (default: the admin webhook): `defaults` (e.g. the
 * resource) under each run's parameters, Options → Timeout of `timeout` seconds.
 */
export function emulatorRunner(emulator: () => Emulator, defaults: Record<string, unknown>, timeout = 2) {
	return (
		items: TestItem[],
		parameters: Record<string, unknown>,
		options: { webhookUrl?: string; continueOnFail?: boolean } = {},
	) =>
		runWorkflow({
			items,
			parameters: { authentication: 'webhook', ...defaults, ...parameters, options: { timeout } },
			credentials: webhookCredentials(emulator(), options.webhookUrl),
			continueOnFail: options.continueOnFail,
		});
}

/**
 * OAuth2 credentials of an app installed for a user (default: user 1, scope im), with tokens the emulator issued; the
 * tokens are returned too, to check that none of them reaches the output. `fields` replace credential fields.
 */
export function oauth2Credentials(
	emulator: Emulator,
	options: { userId?: number; scopes?: string[] } = {},
	fields: Record<string, string> = {},
) {
	const tokens = emulator.issueTokens({ userId: options.userId ?? 1, scopes: options.scopes ?? ['im'] });
	const credentials = new TestCredentials({
		bitrix24OAuth2Api: {
			portalUrl: emulator.baseUrl,
			oauthServerUrl: emulator.baseUrl,
			grantType: 'authorizationCode',
			accessTokenUrl: `${emulator.baseUrl}/oauth/token/`,
			clientId: 'client',
			clientSecret: 'client-secret-xyz',
			authentication: 'body',
			...fields,
			oauthTokenData: tokens,
		},
	});
	return { credentials, tokens };
}
