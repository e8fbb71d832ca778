'use strict';
/*
 * What the Bitrix24 IM Trigger end-to-end tests share.
 *
 * Real (acknowledging) polls need an active workflow: `n8n execute` only starts workflows from a Manual Trigger and
 * never runs a poller. So the trigger workflow is published (`n8n publish:workflow`) and `n8n start` runs it: n8n
 * polls once when it activates the workflow at startup, then on the workflow's schedule (every minute). A second
 * n8n instance (own user folder and database) sends messages with the action node through `n8n execute`, as another
 * Bitrix24 user. What the trigger emitted is read from the trigger instance's execution table.
 */
const crypto = require('crypto');
const path = require('path');
const { spawn } = require('child_process');
const { createInstance, workflow, outputOf, errorOf, run, killTree, NODE_TYPE, PACKAGE_NAME } = require('../../../scripts/lib/n8n');
const { startEmulator } = require('../../emulator');

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

/** The items a trigger node (this helper's IM trigger unless named) emitted in an execution; none when it did not run. */
function triggerItems(execution, triggerName = TRIGGER) {
	return outputOf(execution, triggerName) || [];
}

/**
 * A session of the running n8n at `base` for the editor's REST API: sets the owner up (the first user of a fresh n8n)
 * and answers the headers its requests need, { cookie, 'browser-id' }.
 */
async function ownerSession(base) {
	const browserId = crypto.randomUUID();
	const setup = await fetch(`${base}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', 'browser-id': browserId },
		body: JSON.stringify({ email: 'owner@example.com', firstName: 'E2E', lastName: 'Owner', password: 'Passw0rd-e2e-123' }),
	});
	if (setup.status !== 200) throw new Error(`owner setup: HTTP ${setup.status} ${await setup.text()}`);
	const cookie = (setup.headers.get('set-cookie') || '').split(';')[0];
	if (!/^n8n-auth=/.test(cookie)) throw new Error(`owner setup set no session cookie: ${cookie}`);
	return { cookie, 'browser-id': browserId };
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

/**
 * Registers a suite's hooks: one emulator; a sender instance (user 1, admin webhook, credential `b24send`) and a
 * receiver instance (user 2, credential `b24recv`) holding the published trigger workflow WF_TRIGGER, which polls
 * every minute. `use({ emu, sender, receiver })` gets them once they are up. Returns send(), startAndWaitForPoll()
 * and stop(), which work on the receiver's `n8n start`.
 */
function useTriggerSetup(name, use) {
	let emu;
	let sender;
	let receiver;
	let running;

	beforeAll(async () => {
		emu = await startEmulator({ port: 0 });
		[sender, receiver] = await Promise.all([
			createInstance({ name: `${name}-sender`, packageDir: PACKAGE_DIR }),
			createInstance({ name: `${name}-receiver`, packageDir: PACKAGE_DIR }),
		]);
		// The sender is user 1 (admin webhook); the trigger reads the queue of user 2, a member of chat2.
		await sender.importCredentials([{ id: 'b24send', name: 'B24 sender', type: 'bitrix24WebhookApi', data: { webhookUrl: emu.webhooks.admin.url } }]);
		await receiver.importCredentials([{ id: 'b24recv', name: 'B24 receiver', type: 'bitrix24WebhookApi', data: { webhookUrl: emu.webhooks.user2.url } }]);
		await receiver.importWorkflow(
			triggerWorkflow(WF_TRIGGER, 'e2e trigger', { id: 'b24recv', name: 'B24 receiver' }, { pollTimes: { item: [{ mode: 'everyMinute' }] } }),
		);
		const published = await receiver.n8n(['publish:workflow', `--id=${WF_TRIGGER}`]);
		if (published.code !== 0) throw new Error(`publish:workflow failed:\n${published.output}`);
		use({ emu, sender, receiver });
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

	return { send, startAndWaitForPoll, stop };
}

module.exports = { TRIGGER, WF_TRIGGER, sleep, waitFor, listExecutions, triggerItems, eventGets, ownerSession, startN8n, triggerWorkflow, useTriggerSetup };
