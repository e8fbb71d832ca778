'use strict';
/*
 * dialog → Mark Unread in a real n8n under Bitrix24's limits (emulator): a portal whose request bucket is far
 * smaller than the node's configured plan, batches of 50, per-command rejections inside a batch (operating-time
 * limit), and two n8n processes sharing one portal. Every item must end up marked exactly once.
 */
const { createInstance, workflow, codeNode, markUnreadNode: markUnreadNodeWith, outputOf, mustSucceed } = require('../../scripts/lib/n8n');
const { startEmulator } = require('../emulator');
const { PACKAGE_DIR, B24, ITEMS, logSince, pairedItemsOf } = require('./helpers/markUnread');

const HOOK = { bitrix24WebhookApi: { id: 'b24hook', name: 'B24 webhook' } };

function markUnreadNode({ options = {}, onError } = {}) {
	return markUnreadNodeWith({ name: B24, credential: HOOK.bitrix24WebhookApi, options, onError });
}

function webhookCredential(url) {
	return { id: HOOK.bitrix24WebhookApi.id, name: HOOK.bitrix24WebhookApi.name, type: 'bitrix24WebhookApi', data: { webhookUrl: url } };
}

/** Every im.dialog.unread the portal saw, direct or inside a batch: { user (from the path), dialogId, messageId, status }. */
function unreadCalls(entries) {
	const calls = [];
	for (const e of entries) {
		const user = /^\/rest\/(\d+)\//.exec(e.path)[1];
		if (e.method === 'im.dialog.unread') {
			calls.push({ user, dialogId: String(e.params.DIALOG_ID), messageId: String(e.params.MESSAGE_ID), status: e.status, errorCode: e.errorCode });
		} else if (e.method === 'batch' && e.batchCommands) {
			for (const c of e.batchCommands) {
				calls.push({ user, key: c.key, method: c.method, dialogId: String(c.params.DIALOG_ID), messageId: String(c.params.MESSAGE_ID), status: c.errorCode ? 'error' : 200, errorCode: c.errorCode });
			}
		}
	}
	return calls;
}

/** The node's output: one `result: true` per input item, in order, each paired with its item. */
function expectEveryItemMarked(run, items) {
	const out = outputOf(run, B24);
	expect(out).toHaveLength(items.length);
	expect(out.filter((o) => o.result !== true)).toEqual([]);
	expect(pairedItemsOf(run, B24)).toEqual(items.map((_, item) => ({ item })));
}

/** n items over `dialogs` in turn, each with its own message id (firstId + i), so the log tells every item apart. */
function makeItems(n, dialogs, firstId) {
	return Array.from({ length: n }, (_, i) => ({ dialogId: dialogs[i % dialogs.length], messageId: firstId + i }));
}

/** The last message id asked for per dialog: what the portal's read marker must show at the end. */
function lastPerDialog(items) {
	const last = new Map();
	for (const { dialogId, messageId } of items) last.set(dialogId.toLowerCase(), messageId);
	return last;
}

/**
 * Each item was executed exactly once for `user` (one non-503 answer, a 200), and every other request was a 503
 * that the portal refused before running anything. Returns the number of 503s.
 */
function expectEachItemExecutedOnce(calls, items, user) {
	const mine = calls.filter((c) => c.user === String(user));
	const key = (c) => `${c.dialogId}|${c.messageId}`;
	const executed = new Map();
	let rejected = 0;
	for (const c of mine) {
		if (c.status === 503) {
			expect(c.errorCode).toBe('QUERY_LIMIT_EXCEEDED');
			rejected++;
		} else {
			expect(c.status).toBe(200);
			executed.set(key(c), (executed.get(key(c)) || 0) + 1);
		}
	}
	const wanted = new Set(items.map((it) => `${it.dialogId.toLowerCase()}|${it.messageId}`));
	for (const k of executed.keys()) expect(wanted.has(k)).toBe(true); // nothing the workflow did not ask for
	const counts = [...wanted].map((k) => [k, executed.get(k) || 0]);
	expect(counts.filter(([, n]) => n !== 1)).toEqual([]);
	expect(mine.length).toBe(items.length + rejected);
	return rejected;
}

describe('Mark Unread under Bitrix24 limits (real n8n)', () => {
	describe('a portal with a tiny request bucket (burst 3, 2/s)', () => {
		let emu;
		let n8n;

		beforeAll(async () => {
			emu = await startEmulator({ port: 0, rateLimit: { burst: 3, drainPerSecond: 2 } });
			n8n = await createInstance({ name: 'limits', packageDir: PACKAGE_DIR });
			await n8n.importCredentials([webhookCredential(emu.webhooks.admin.url)]);
		});

		afterAll(async () => {
			if (n8n) await n8n.cleanup();
			if (emu) await emu.close();
		});

		beforeEach(() => emu.reset());

		test('120 items, batching off, node left at the Standard plan: 503s are retried and every item is marked exactly once', async () => {
			const dialogs = ['CHAT1', 'chat2', 'sg5', '2', '3', '4']; // six different chats ('4': created on first use)
			const items = makeItems(120, dialogs, 10001);
			const wf = workflow({ id: 'limNoBatch120', nodes: [codeNode(ITEMS, items), markUnreadNode({ options: { batching: false } })] });
			await n8n.importWorkflow(wf);
			const since = emu.seq;
			const started = Date.now();
			// The portal allows (120 - 3) / 2 ≈ 60 s. The limiter halves its rate on the first 503 and recovers to the
			// portal's 2/s (about 100 s here with n8n's start; before limiter.ts took the portal's answer as a full
			// bucket at the new burst it collapsed to ~0.2 requests/s, ~9 minutes). The long timeouts stay as a margin.
			const res = await n8n.execute(wf.id, { timeoutMs: 14 * 60 * 1000 });
			mustSucceed(res);

			expectEveryItemMarked(res.run, items);

			const entries = logSince(emu, since);
			expect(entries.every((e) => e.method === 'im.dialog.unread')).toBe(true); // batching off: no batch request
			const rejected = expectEachItemExecutedOnce(unreadCalls(entries), items, 1);
			expect(rejected).toBeGreaterThan(0); // the client did overrun the portal: the retries were really exercised
			for (const [dialogId, messageId] of lastPerDialog(items)) {
				expect([dialogId, emu.readState(1, dialogId).firstUnreadMessageId]).toEqual([dialogId, messageId]);
			}
			console.log(`[limits] 120 items, batching off: ${entries.length} requests, ${rejected} answered 503, ${((Date.now() - started) / 1000).toFixed(1)} s`);
		}, 15 * 60 * 1000);

		test('120 items, batching on: exactly 3 batch requests (50 + 50 + 20), order kept', async () => {
			const items = makeItems(120, ['chat1', 'chat2', 'sg5', '2', '3'], 20001);
			const wf = workflow({ id: 'limBatch120', nodes: [codeNode(ITEMS, items), markUnreadNode()] });
			await n8n.importWorkflow(wf);
			const since = emu.seq;
			const res = await n8n.execute(wf.id);
			mustSucceed(res);

			expectEveryItemMarked(res.run, items);

			const entries = logSince(emu, since);
			expect(entries.map((e) => [e.method, e.status])).toEqual([
				['batch', 200],
				['batch', 200],
				['batch', 200],
			]);
			expect(entries.map((e) => e.batchCommands.length).sort((a, b) => a - b)).toEqual([20, 50, 50]);
			// Each command carries its own item (key i<index>), whichever batch it travelled in.
			const calls = unreadCalls(entries);
			expect(calls).toHaveLength(120);
			for (const c of calls) {
				const i = Number(c.key.slice(1));
				expect([c.key, c.method, c.dialogId, c.messageId, c.status]).toEqual([c.key, 'im.dialog.unread', items[i].dialogId, String(items[i].messageId), 200]);
			}
			expect(new Set(calls.map((c) => c.key)).size).toBe(120);
			// Chunks are consecutive runs of items: i0-i49, i50-i99, i100-i119.
			const chunks = entries.map((e) => e.batchCommands.map((c) => Number(c.key.slice(1))));
			for (const keys of chunks) expect(keys).toEqual(Array.from({ length: keys.length }, (_, k) => keys[0] + k));
			for (const [dialogId, messageId] of lastPerDialog(items)) {
				expect([dialogId, emu.readState(1, dialogId).firstUnreadMessageId]).toEqual([dialogId, messageId]);
			}
		});

		test('per-command rejections inside a batch (operating-time limit): continue on fail keeps the good items and reports the rest', async () => {
			// Each im.dialog.unread costs 0.25 s of the method's 1 s budget: the 5th call and later are refused per
			// command with OPERATION_TIME_LIMIT (without a reset time), while the batch request itself succeeds.
			emu.setOperatingLimit({ limitSec: 1, windowSec: 600, defaultCostSec: 0.25 });
			try {
				const items = [
					{ dialogId: 'chat1', messageId: 111 },
					{ dialogId: 'chat2', messageId: 117 },
					{ dialogId: 'sg5', messageId: 123 },
					{ dialogId: '2', messageId: 129 },
					{ dialogId: 'chat1', messageId: 146 },
					{ dialogId: 'chat2', messageId: 147 },
					{ dialogId: 'sg5', messageId: 148 },
					{ dialogId: '3', messageId: 140 },
				];
				const wf = workflow({
					id: 'limPerCommand',
					nodes: [codeNode(ITEMS, items), markUnreadNode({ onError: 'continueRegularOutput', options: { batching: true } })],
				});
				await n8n.importWorkflow(wf);
				const since = emu.seq;
				const res = await n8n.execute(wf.id);
				mustSucceed(res);

				const out = outputOf(res.run, B24);
				expect(out).toHaveLength(8);
				expect(pairedItemsOf(res.run, B24)).toEqual(items.map((_, item) => ({ item })));
				for (const o of out.slice(0, 4)) expect(o).toEqual({ result: true, time: expect.any(Object) });
				for (const o of out.slice(4)) {
					expect(o).toEqual({
						error: 'Bitrix24 im.dialog.unread: Method is blocked due to operation time limit. [OPERATION_TIME_LIMIT]',
						code: 'OPERATION_TIME_LIMIT',
						description: expect.stringMatching(/time budget/),
					});
				}

				// The refused commands were retried once as a smaller batch, never ran, and the good ones ran once.
				const entries = logSince(emu, since);
				expect(entries.map((e) => [e.method, e.status, e.batchCommands.length])).toEqual([
					['batch', 200, 8],
					['batch', 200, 4],
				]);
				const calls = unreadCalls(entries);
				expect(calls.filter((c) => c.status === 200).map((c) => c.key)).toEqual(['i0', 'i1', 'i2', 'i3']);
				expect(calls.filter((c) => c.status !== 200).map((c) => [c.key, c.errorCode])).toEqual(
					['i4', 'i5', 'i6', 'i7', 'i4', 'i5', 'i6', 'i7'].map((k) => [k, 'OPERATION_TIME_LIMIT']),
				);
				expect(emu.readState(1, 'chat1').firstUnreadMessageId).toBe(111);
				expect(emu.readState(1, 'chat2').firstUnreadMessageId).toBe(117);
				expect(emu.readState(1, 'sg5').firstUnreadMessageId).toBe(123);
				expect(emu.readState(1, '2').firstUnreadMessageId).toBe(129);
				expect(emu.readState(1, '3').firstUnreadMessageId).toBeNull();
			} finally {
				emu.setOperatingLimit(false);
			}
		});
	});

	test('two n8n processes, one portal at the Standard limit (50 burst, 2/s): 100 items each, batching off, nothing lost or doubled', async () => {
		const N = 100;
		const emu = await startEmulator({ port: 0, rateLimit: { burst: 50, drainPerSecond: 2 } });
		// Same workflow in both; the credential (same id and name) is user 1's webhook in one n8n and user 2's in the
		// other, so the portal's log tells the two processes apart by the /rest/<user>/ path.
		const users = [1, 2];
		const hooks = { 1: emu.webhooks.admin.url, 2: emu.webhooks.user2.url };
		const items = makeItems(N, ['chat1', 'chat2', 'sg5'], 30001);
		const wf = workflow({ id: 'limTwoProcesses', nodes: [codeNode(ITEMS, items), markUnreadNode({ options: { batching: false } })] });
		const instances = [];
		try {
			for (const user of users) instances.push(await createInstance({ name: `limits-user${user}`, packageDir: PACKAGE_DIR }));
			await Promise.all(
				instances.map(async (n8n, k) => {
					await n8n.importCredentials([webhookCredential(hooks[users[k]])]);
					await n8n.importWorkflow(wf);
				}),
			);
			const since = emu.seq;
			const started = Date.now();
			const results = await Promise.all(instances.map((n8n) => n8n.execute(wf.id, { timeoutMs: 8 * 60 * 1000 })));
			const seconds = ((Date.now() - started) / 1000).toFixed(1);

			for (const res of results) {
				mustSucceed(res);
				expectEveryItemMarked(res.run, items);
			}
			const entries = logSince(emu, since);
			expect(entries.every((e) => e.method === 'im.dialog.unread')).toBe(true);
			const calls = unreadCalls(entries);
			const rejected = users.map((user) => expectEachItemExecutedOnce(calls, items, user));
			expect(entries.length).toBe(2 * N + rejected[0] + rejected[1]);
			// Both ran at the same time: their successful requests interleave.
			const okUsers = calls.filter((c) => c.status === 200).map((c) => c.user);
			expect(okUsers.slice(0, okUsers.lastIndexOf('1')).includes('2')).toBe(true);
			for (const user of users) {
				for (const [dialogId, messageId] of lastPerDialog(items)) {
					expect([user, dialogId, emu.readState(user, dialogId).firstUnreadMessageId]).toEqual([user, dialogId, messageId]);
				}
			}
			console.log(`[limits] two processes x ${N} items: ${entries.length} requests, 503s per process ${rejected.join(' / ')}, ${seconds} s`);
		} finally {
			await Promise.all(instances.map((n8n) => n8n.cleanup()));
			await emu.close();
		}
	});
});
