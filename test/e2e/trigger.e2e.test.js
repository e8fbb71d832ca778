'use strict';
/*
 * Bitrix24 IM Trigger inside a real n8n (2.41.1) against the Bitrix24 emulator.
 *
 * Real (acknowledging) polls need an active workflow: `n8n execute` only starts workflows from a Manual Trigger and
 * never runs a poller. So the trigger workflow is published (`n8n publish:workflow`) and `n8n start` runs it: n8n
 * polls once when it activates the workflow at startup, then on the workflow's schedule (every minute). A second
 * n8n instance (own user folder and database) sends messages with the action node through `n8n execute`, as another
 * Bitrix24 user. What the trigger emitted is read from the trigger instance's execution table.
 *
 * Scenario: start (activation poll subscribes, nothing to emit) -> send message A -> the next scheduled poll emits
 * exactly one item for A -> restart n8n (the activation poll reads from the saved cursor) -> nothing new is emitted
 * -> stop, send B, start -> exactly one more item, for B (a restart neither loses nor repeats events).
 *
 * Manual mode ("Fetch Test Event" in the editor): the editor's own REST call, POST /rest/workflows/:id/run with
 * triggerToStartFrom, made with an owner session (owner set up through /rest/owner/setup) against the running n8n,
 * for a second, unpublished workflow reading user 3's queue: it shows the waiting events and acknowledges nothing.
 *
 * Another reader: after a scheduled poll emitted E, another application of the same user acknowledges the queue up to
 * G; the next scheduled poll is recorded as a failed trigger execution with the explanation, the one after emits G.
 */
const crypto = require('crypto');
const path = require('path');
const { spawn } = require('child_process');
const { createInstance, workflow, outputOf, errorOf, run, killTree, NODE_TYPE, PACKAGE_NAME } = require('../../scripts/lib/n8n');
const { startEmulator } = require('../emulator');
const { eventsOf } = require('../emulator/methods/events');

const PACKAGE_DIR = process.env.E2E_PACKAGE_DIR || undefined;
const TRIGGER_TYPE = `${PACKAGE_NAME}.bitrix24ImTrigger`;
const TRIGGER = 'Bitrix24 IM Trigger';
const WF_TRIGGER = 'b24trigger';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what, fn, { timeoutMs = 120_000, everyMs = 500 } = {}) {
	const until = Date.now() + timeoutMs;
	for (;;) {
		const value = await fn();
		if (value) return value;
		if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
		await sleep(everyMs);
	}
}

const LIST_EXECUTIONS_SCRIPT = `
const [dbFile, workflowId] = process.argv.slice(1);
const sqlite3 = require('sqlite3');
const { parse } = require('flatted');
const db = new sqlite3.Database(dbFile, sqlite3.OPEN_READONLY);
db.all('SELECT e.id, e.mode, e.status, d.data FROM execution_entity e LEFT JOIN execution_data d ON d.executionId = e.id ' +
  'WHERE e.workflowId = ? ORDER BY e.id', [workflowId], (err, rows) => {
  if (err) { console.error(err.message); process.exit(2); }
  console.log(JSON.stringify(rows.map((r) => ({ id: String(r.id), mode: r.mode, status: r.status, data: r.data ? parse(r.data) : null }))));
  db.close();
});
`;

/** Every stored execution of a workflow, oldest first (read-only, safe while n8n runs). */
async function listExecutions(n8n, workflowId) {
	const r = await run(n8n.nodeBin, ['-e', LIST_EXECUTIONS_SCRIPT, path.join(n8n.userFolder, '.n8n', 'database.sqlite'), workflowId], {
		cwd: path.join(n8n.cacheDir, 'node_modules', 'n8n'),
		env: n8n.env,
		timeoutMs: 60_000,
	});
	if (r.code !== 0) throw new Error(`reading executions failed: ${r.stderr}`);
	return JSON.parse(r.stdout.trim() || '[]');
}

function triggerItems(execution) {
	const runData = execution.data && execution.data.resultData.runData[TRIGGER];
	return runData ? runData[0].data.main[0].map((item) => item.json) : [];
}

/** `n8n start` in the background; resolves once it runs, `stop()` ends it gracefully (SIGTERM, then SIGKILL). */
function startN8n(n8n) {
	const child = spawn(n8n.nodeBin, [n8n.n8nBin, 'start'], { cwd: n8n.userFolder, env: n8n.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	const exited = new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
	return {
		output: () => output,
		async stop() {
			killTree(child, 'SIGTERM');
			const timer = setTimeout(() => killTree(child, 'SIGKILL'), 30_000);
			const r = await exited;
			clearTimeout(timer);
			return r;
		},
	};
}

function eventGets(emu, userId) {
	return emu.log.filter((e) => e.method === 'im.v2.event.get' && e.userId === userId);
}

/** A workflow of the trigger node alone (new messages, own ones skipped), reading the queue of the credential's user. */
function triggerWorkflow(id, name, credential, parameters = {}) {
	return {
		id,
		name,
		active: false,
		nodes: [
			{
				id: crypto.randomUUID(),
				name: TRIGGER,
				type: TRIGGER_TYPE,
				typeVersion: 1,
				position: [0, 0],
				parameters: { authentication: 'webhook', events: ['messageAdd'], ignoreOwnMessages: true, options: {}, ...parameters },
				credentials: { bitrix24WebhookApi: credential },
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

describe('Bitrix24 IM Trigger in a real n8n', () => {
	let emu;
	let sender;
	let receiver;
	let running;

	beforeAll(async () => {
		emu = await startEmulator({ port: 0 });
		[sender, receiver] = await Promise.all([
			createInstance({ name: 'trigger-sender', packageDir: PACKAGE_DIR }),
			createInstance({ name: 'trigger-receiver', packageDir: PACKAGE_DIR }),
		]);
		// The sender is user 1 (admin webhook); the trigger reads the queue of user 2, a member of chat2.
		await sender.importCredentials([{ id: 'b24send', name: 'B24 sender', type: 'bitrix24WebhookApi', data: { webhookUrl: emu.webhooks.admin.url } }]);
		await receiver.importCredentials([{ id: 'b24recv', name: 'B24 receiver', type: 'bitrix24WebhookApi', data: { webhookUrl: emu.webhooks.user2.url } }]);
		await receiver.importWorkflow(
			triggerWorkflow(WF_TRIGGER, 'e2e trigger', { id: 'b24recv', name: 'B24 receiver' }, { pollTimes: { item: [{ mode: 'everyMinute' }] } }),
		);
		const published = await receiver.n8n(['publish:workflow', `--id=${WF_TRIGGER}`]);
		if (published.code !== 0) throw new Error(`publish:workflow failed:\n${published.output}`);
	}, 10 * 60 * 1000);

	afterEach(async () => {
		if (running) await stop();
	});

	afterAll(async () => {
		if (running) await running.stop();
		if (sender) await sender.cleanup();
		if (receiver) await receiver.cleanup();
		if (emu) await emu.close();
	});

	async function send(text, dialogId = 'chat2') {
		const id = `send${crypto.randomBytes(4).toString('hex')}`;
		await sender.importWorkflow(
			workflow({
				id,
				nodes: [
					{
						name: 'Send',
						type: NODE_TYPE,
						parameters: { authentication: 'webhook', resource: 'message', operation: 'send', dialogId, text },
						credentials: { bitrix24WebhookApi: { id: 'b24send', name: 'B24 sender' } },
					},
				],
			}),
		);
		const res = await sender.execute(id);
		// On a loaded machine `n8n execute` was once seen ending by a signal (exit null) after printing a successful
		// run; the printed run is what counts.
		if ((res.code !== 0 && res.code !== null) || !res.run || errorOf(res.run) || res.run.status !== 'success') {
			throw new Error(`sending failed (exit ${res.code}): ${JSON.stringify(res.run && errorOf(res.run))}\n${res.output.slice(-3000)}`);
		}
		return outputOf(res.run, 'Send')[0].messageId;
	}

	/** Starts n8n and waits for the activation poll (an im.v2.Event.get of user 2 after `since`). */
	async function startAndWaitForPoll() {
		if (running) await stop(); // a failed test may have left it running
		const before = eventGets(emu, 2).length;
		running = startN8n(receiver);
		await waitFor('the activation poll', () => eventGets(emu, 2).length > before, { timeoutMs: 180_000 }).catch((e) => {
			throw new Error(`${e.message}\n${running.output().slice(-4000)}`);
		});
	}

	async function stop() {
		const r = await running.stop();
		running = undefined;
		return r;
	}

	it('a sent message arrives as exactly one item; later polls and restarts emit nothing new, then only the next message', async () => {
		// 1. Activation: subscribes user 2 and polls; nothing queued yet.
		await startAndWaitForPoll();
		expect(emu.log.some((e) => e.method === 'im.v2.event.subscribe' && e.userId === 2 && e.status === 200)).toBe(true);
		expect(await listExecutions(receiver, WF_TRIGGER)).toEqual([]);

		// 2. Message A through the action node (another n8n, user 1) -> the next scheduled poll emits it.
		const textA = `hello trigger ${crypto.randomUUID()}`;
		const messageA = await send(textA);
		const executions = await waitFor(
			'the execution started by the scheduled poll',
			async () => {
				const list = await listExecutions(receiver, WF_TRIGGER);
				return list.length > 0 && list.every((e) => e.status !== 'running' && e.status !== 'new') ? list : null;
			},
			{ timeoutMs: 150_000, everyMs: 2000 },
		);
		expect(executions).toHaveLength(1);
		expect(executions[0].mode).toBe('trigger');
		const items = triggerItems(executions[0]);
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({ event: 'messageAdd', dialogId: 'chat2', chatId: 2, messageId: messageA, authorId: 1, text: textA });
		expect(items[0].raw.type).toBe('ONIMV2MESSAGEADD');
		const markerA = items[0].eventId;

		// 3. Restart: the activation poll reads from the saved cursor (offset = A's event, kept as the marker) and
		//    emits nothing; earlier events are acknowledged, A stays in the queue.
		await stop();
		await startAndWaitForPoll();
		await sleep(3000);
		await stop();
		const gets = eventGets(emu, 2);
		expect(gets[gets.length - 1].params).toMatchObject({ offset: markerA });
		expect(await listExecutions(receiver, WF_TRIGGER)).toHaveLength(1);
		const queue = eventsOf(emu.state, 2);
		expect(queue.map((e) => e.eventId)).toEqual([markerA]);

		// 4. Message B while n8n is down -> the next start emits B only.
		const textB = `second ${crypto.randomUUID()}`;
		const messageB = await send(textB);
		await startAndWaitForPoll();
		const after = await waitFor(
			'the execution for B',
			async () => {
				const list = await listExecutions(receiver, WF_TRIGGER);
				return list.length > 1 && list.every((e) => e.status !== 'running' && e.status !== 'new') ? list : null;
			},
			{ timeoutMs: 60_000, everyMs: 1000 },
		);
		await sleep(2000);
		await stop();
		const final = await listExecutions(receiver, WF_TRIGGER);
		expect(final).toHaveLength(2);
		expect(after[1].id).toBe(final[1].id);
		const itemsB = triggerItems(final[1]);
		expect(itemsB).toHaveLength(1);
		expect(itemsB[0]).toMatchObject({ event: 'messageAdd', messageId: messageB, text: textB });
		// No secret of either webhook in what n8n stored.
		const stored = JSON.stringify(final);
		expect(stored).not.toContain(emu.webhooks.user2.secret);
		expect(stored).not.toContain(emu.webhooks.admin.secret);
	});
	it('manual mode (Fetch Test Event through the editor API) shows waiting events and acknowledges nothing', async () => {
		const WF_MANUAL = 'b24manual';
		const user3 = emu.addWebhook({ userId: 3, scopes: ['im'] });
		await receiver.importCredentials([{ id: 'b24user3', name: 'B24 user 3', type: 'bitrix24WebhookApi', data: { webhookUrl: user3.url } }]);
		await receiver.importWorkflow(triggerWorkflow(WF_MANUAL, 'e2e manual trigger', { id: 'b24user3', name: 'B24 user 3' }));
		await startAndWaitForPoll(); // the published workflow of the first test activates too
		const base = `http://127.0.0.1:${receiver.port}`;
		const browserId = crypto.randomUUID();
		const setup = await fetch(`${base}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'browser-id': browserId },
			body: JSON.stringify({ email: 'owner@example.com', firstName: 'E2E', lastName: 'Owner', password: 'Passw0rd-e2e-123' }),
		});
		expect(setup.status).toBe(200);
		const cookie = (setup.headers.get('set-cookie') || '').split(';')[0];
		expect(cookie).toMatch(/^n8n-auth=/);
		async function fetchTestEvent() {
			const before = (await listExecutions(receiver, WF_MANUAL)).length;
			const res = await fetch(`${base}/rest/workflows/${WF_MANUAL}/run`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', 'browser-id': browserId, cookie },
				body: JSON.stringify({ triggerToStartFrom: { name: TRIGGER } }),
			});
			const text = await res.text();
			if (res.status !== 200) throw new Error(`manual run: HTTP ${res.status} ${text}`);
			const list = await waitFor('the manual execution', async () => {
				const l = await listExecutions(receiver, WF_MANUAL);
				return l.length > before && l.every((e) => e.status !== 'running' && e.status !== 'new') ? l : null;
			}, { timeoutMs: 60_000, everyMs: 1000 });
			const execution = list[list.length - 1];
			expect(execution.mode).toBe('manual');
			return triggerItems(execution);
		}

		expect(await fetchTestEvent()).toEqual([]); // subscribes user 3; nothing recorded before
		// To the private dialog of users 1 and 3: user 2's queue (the published trigger's) must not see it, or the
		// published workflow would emit it at its next activation, in the middle of the next test.
		const textD = `manual ${crypto.randomUUID()}`;
		const messageD = await send(textD, '3');
		const first = await fetchTestEvent();
		expect(first).toHaveLength(1);
		expect(first[0]).toMatchObject({ event: 'messageAdd', messageId: messageD, text: textD, dialogId: '1' });
		const again = await fetchTestEvent();
		expect(again.map((item) => item.eventId)).toEqual([first[0].eventId]); // not acknowledged
		const queue3 = eventsOf(emu.state, 3);
		expect(queue3.map((e) => e.eventId)).toEqual([first[0].eventId]);
		const gets3 = emu.log.filter((e) => e.method === 'im.v2.event.get' && e.userId === 3);
		expect(gets3.length).toBeGreaterThanOrEqual(3);
		expect(gets3.every((e) => e.params.offset === undefined)).toBe(true);
		await stop();
	});
	it('another reader draining the queue is reported by the active trigger, and the next poll carries on', async () => {
		const call = async (url, method, params) => {
			const res = await fetch(`${url}${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(params) });
			const body = await res.json();
			if (body.error) throw new Error(`${method}: ${body.error}`);
			return body.result;
		};
		const count = async () => (await listExecutions(receiver, WF_TRIGGER)).length;
		const settled = (n) => async () => {
			const l = await listExecutions(receiver, WF_TRIGGER);
			return l.length >= n && l.every((e) => e.status !== 'running' && e.status !== 'new') ? l : null;
		};
		await startAndWaitForPoll();
		// E: emitted by a scheduled poll of this process, so its marker is known to be ours.
		const start = await count();
		await call(emu.webhooks.admin.url, 'im.message.add', { DIALOG_ID: 'chat2', MESSAGE: 'E' });
		const withE = await waitFor('the execution for E', settled(start + 1), { timeoutMs: 150_000, everyMs: 1000 });
		expect(triggerItems(withE[withE.length - 1]).map((item) => item.text)).toEqual(['E']);
		// Right after that poll: F and G arrive and another application of user 2 acknowledges everything before G.
		await call(emu.webhooks.admin.url, 'im.message.add', { DIALOG_ID: 'chat2', MESSAGE: 'F' });
		await call(emu.webhooks.admin.url, 'im.message.add', { DIALOG_ID: 'chat2', MESSAGE: 'G' });
		const other = emu.addWebhook({ userId: 2, scopes: ['im'] });
		const page = await call(other.url, 'im.v2.Event.get', {});
		await call(other.url, 'im.v2.Event.get', { offset: page.events[page.events.length - 1].eventId });
		// The next scheduled poll fails with the explanation (n8n records it as a failed trigger execution) ...
		const withError = await waitFor('the reported loss', settled(start + 2), { timeoutMs: 150_000, everyMs: 1000 });
		const failed = withError[withError.length - 1];
		expect(failed.status).toBe('error');
		const error = failed.data.resultData.error;
		expect(error.message).toBe("Another application is reading this Bitrix24 user's event queue");
		expect(error.description).toContain('im.v2.Event.get');
		// ... and the one after emits what is still queued: G.
		const withG = await waitFor('the execution for G', settled(start + 3), { timeoutMs: 150_000, everyMs: 1000 });
		expect(triggerItems(withG[withG.length - 1]).map((item) => item.text)).toEqual(['G']);
		await stop();
	});
});
