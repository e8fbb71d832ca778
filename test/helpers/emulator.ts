import nock from 'nock';

import { resetBuckets } from '../../nodes/Bitrix24Im/transport/limiter';
import { TestCredentials } from './runWorkflow';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startEmulator } = require('../emulator');

/** The parts of the emulator's test API (test/emulator/README.md) that workflow tests use. */
export interface Emulator {
	baseUrl: string;
	webhooks: { admin: { url: string }; user2: { url: string }; noIm: { url: string } };
	addWebhook(options: { userId: number; scopes: string[] }): { url: string };
	readState(userId: number, dialogId: string): { lastReadMessageId: number; firstUnreadMessageId: number | null; unreadCount: number };
	messagesOf(dialogId: string): Array<{ id: number; text: string; authorId?: number; [field: string]: unknown }>;
	countersOf(userId: number): { TYPE: { ALL: number; [field: string]: number }; [field: string]: unknown };
	injectFault(kind: string, options?: { count?: number; method?: string }): void;
	log: Array<{ method: string; status: number; params?: Record<string, unknown>; [field: string]: unknown }>;
	clearLog(): void;
	reset(): void;
	close(): Promise<void>;
}

/**
 * One emulator for the test file, reset (with the process-wide rate-limit buckets) before each test. Returns a
 * getter, because the emulator starts in beforeAll.
 */
export function useEmulator(): () => Emulator {
	let emulator: Emulator;
	beforeAll(async () => {
		nock.enableNetConnect('127.0.0.1');
		emulator = await startEmulator({ port: 0 });
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
