'use strict';
/*
 * One rate limit per portal in a real n8n: an active Bitrix24 IM Trigger polling and a Mark Unread run (set to the
 * Enterprise preset) inside the same `n8n start` process, on one emulator portal with a tiny bucket (3 at once, then
 * 2 per second) that the credential's Rate Limit field names. Both draw from the portal's one bucket, so the portal
 * refuses nothing; separate buckets (the trigger's own, the node's Enterprise one) would overrun it.
 */
const crypto = require('crypto');
const { createInstance, codeNode, markUnreadNode } = require('../../scripts/lib/n8n');
const { startEmulator } = require('../emulator');
const { eventGets, startN8n, triggerWorkflow, waitFor } = require('./helpers/trigger');

const PACKAGE_DIR = process.env.E2E_PACKAGE_DIR || undefined;
const TINY = { burst: 3, drainPerSecond: 2 };
const ITEMS = 120;
const CREDENTIAL = { id: 'b24tiny', name: 'B24 tiny portal' };

/** Webhook (POST /webhook/mark) → Code (the items) → Mark Unread with the Enterprise preset, one request per item. */
function markUnreadOnWebhook(items) {
	const node = (fields) => ({ id: crypto.randomUUID(), typeVersion: 1, ...fields });
	const nodes = [
		node({ name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: crypto.randomUUID(),
			parameters: { httpMethod: 'POST', path: 'mark', responseMode: 'onReceived', options: {} } }),
		node({ ...codeNode('Items', items), position: [220, 0] }),
		node({ ...markUnreadNode({ credential: CREDENTIAL, options: { batching: false, rateLimit: 'enterprise' } }), position: [440, 0] }),
	];
	const connections = {
		Webhook: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
		Items: { main: [[{ node: 'Mark Unread', type: 'main', index: 0 }]] },
	};
	return { id: 'b24mark', name: 'mark on webhook', active: false, nodes, connections, settings: { executionOrder: 'v1' }, pinData: {} };
}

describe('one rate limit per portal, shared by a trigger and an action in one n8n (real n8n)', () => {
	let emu;
	let n8n;
	let running;

	beforeAll(async () => {
		emu = await startEmulator({ port: 0, rateLimit: TINY });
		n8n = await createInstance({ name: 'shared-limit', packageDir: PACKAGE_DIR });
		await n8n.importCredentials([
			{
				...CREDENTIAL,
				type: 'bitrix24WebhookApi',
				data: { webhookUrl: emu.webhooks.admin.url, rateLimit: 'custom', rateLimitBurst: TINY.burst, rateLimitPerSecond: TINY.drainPerSecond },
			},
		]);
		const items = Array.from({ length: ITEMS }, (_, i) => ({ dialogId: i % 2 ? 'chat1' : 'chat2', messageId: 5000 + i }));
		await n8n.importWorkflow([
			triggerWorkflow('b24poll', 'trigger on the tiny portal', CREDENTIAL, { pollTimes: { item: [{ mode: 'everyMinute' }] } }),
			markUnreadOnWebhook(items),
		]);
		for (const id of ['b24poll', 'b24mark']) {
			const published = await n8n.n8n(['publish:workflow', `--id=${id}`]);
			if (published.code !== 0) throw new Error(`publish:workflow ${id} failed:\n${published.output}`);
		}
	}, 10 * 60 * 1000);

	afterAll(async () => {
		if (running) await running.stop();
		if (n8n) await n8n.cleanup();
		if (emu) await emu.close();
	});

	test('the trigger\'s polls and 120 Mark Unread requests: every item marked once, no request refused', async () => {
		running = startN8n(n8n);
		await waitFor('the activation poll', () => eventGets(emu, 1).length > 0, { timeoutMs: 180_000 });
		const pollsBefore = eventGets(emu, 1).length;
		const started = Date.now();
		const answer = await fetch(`http://127.0.0.1:${n8n.port}/webhook/mark`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } });
		expect(answer.status).toBe(200);

		const marked = () => emu.log.filter((e) => e.method === 'im.dialog.unread' && e.status === 200).length;
		await waitFor(`${ITEMS} items marked`, () => marked() >= ITEMS, { timeoutMs: 240_000, everyMs: 1000 });
		// The run spans a minute boundary, so the trigger polled while the action was sending.
		await waitFor('a poll during the run', () => eventGets(emu, 1).length > pollsBefore, { timeoutMs: 90_000 });
		const seconds = (Date.now() - started) / 1000;

		const refused = emu.log.filter((e) => e.status === 503);
		const unread = emu.log.filter((e) => e.method === 'im.dialog.unread');
		process.stderr.write(`[shared-limit] ${marked()} marked in ${seconds.toFixed(1)} s, ${eventGets(emu, 1).length} polls, ${refused.length} 503s\n`);
		expect(refused).toEqual([]);
		expect(new Set(unread.map((e) => e.params.MESSAGE_ID)).size).toBe(ITEMS);
		expect(unread).toHaveLength(ITEMS);
	}, 8 * 60 * 1000);
});
