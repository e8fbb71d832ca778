'use strict';
/*
 * What the scale-out tests share: one emulator portal and one n8n queue-mode cluster (scripts/lib/n8n/queue.js) per
 * test file, the workflows they run, and waiting for n8n's executions.
 */
const crypto = require('crypto');
const { createQueueCluster, webhookWorkflow, codeNode, markUnreadNode, NODE_TYPE } = require('../../../scripts/lib/n8n');
const { startEmulator } = require('../../emulator');
const { sleep, waitFor } = require('../../e2e/helpers/trigger');

// E2E_PACKAGE_DIR: run against another build of the package (e.g. a deliberately broken copy, to see the tests fail).
const PACKAGE_DIR = process.env.E2E_PACKAGE_DIR || undefined;
const CREDENTIAL = { id: 'b24admin', name: 'B24 admin' };
const ACTION = 'Action';
const FINISHED = ['success', 'error', 'crashed', 'canceled'];

/**
 * Registers a test file's hooks: an emulator (`emulator` options) and a cluster of one main process and `workers`
 * workers with the admin webhook imported as credential CREDENTIAL. `prepare({ emu, cluster })` imports and publishes
 * workflows before the processes start; `use({ emu, cluster })` gets both once everything runs.
 */
function useQueueCluster(name, { workers = 2, concurrency = 5, env, emulator = {}, prepare = async () => {}, start = true }, use) {
	let emu;
	let cluster;

	beforeAll(async () => {
		emu = await startEmulator({ port: 0, ...emulator });
		cluster = await createQueueCluster({ name, workers, concurrency, env, packageDir: PACKAGE_DIR });
		await cluster.main.importCredentials([{ ...CREDENTIAL, type: 'bitrix24WebhookApi', data: { webhookUrl: emu.webhooks.admin.url } }]);
		await prepare({ emu, cluster });
		if (start) await cluster.start();
		use({ emu, cluster });
	}, 10 * 60 * 1000);

	afterAll(async () => {
		if (cluster) await cluster.cleanup();
		if (emu) await emu.close();
	}, 5 * 60 * 1000);
}

/** Imports and publishes workflows through the main's CLI (before the main process starts, which activates them). */
async function publishAll(cluster, workflows) {
	await cluster.main.importWorkflow(workflows);
	for (const wf of workflows) await cluster.publish(wf.id);
}

/** POST /webhook/<path> → Code node with `items` → `action` (named ACTION), for one published workflow. */
function itemsOnWebhook(id, items, action, settings) {
	return webhookWorkflow({ id, name: `scale ${id}`, path: id, nodes: [codeNode('Items', items), { ...action, name: ACTION }], settings });
}

/** Mark Unread of each item's dialogId and messageId through the admin credential. */
const markUnread = () => markUnreadNode({ name: ACTION, credential: CREDENTIAL });

/** Message → Send of each item's text into its dialogId through the admin credential, with the node's `options`. */
function sendMessage(options = {}) {
	return {
		name: ACTION,
		type: NODE_TYPE,
		parameters: { authentication: 'webhook', resource: 'message', operation: 'send', dialogId: '={{ $json.dialogId }}', text: '={{ $json.text }}', options },
		credentials: { bitrix24WebhookApi: CREDENTIAL },
	};
}

/** `count` texts no other test sends: `<label> <i> <random>`. */
function uniqueTexts(label, count) {
	const run = crypto.randomBytes(3).toString('hex');
	return Array.from({ length: count }, (_, i) => `${label} ${i + 1} ${run}`);
}

/** Waits until `count` executions (of `workflowId`, or all) exist and none is still running; resolves them. */
async function waitForExecutions(cluster, count, { workflowId, timeoutMs = 10 * 60 * 1000 } = {}) {
	return await waitFor(
		`${count} finished executions`,
		async () => {
			const list = await cluster.executions({ workflowId, withData: false });
			return list.length >= count && list.every((e) => FINISHED.includes(e.status)) ? list : null;
		},
		{ timeoutMs, everyMs: 2000 },
	);
}

/** How many executions each worker started, from their output ("Worker started execution <id>"). */
function executionsPerWorker(cluster) {
	return cluster.workers.map((_, index) => (cluster.output(index).match(/Worker started execution \d+/g) || []).length);
}

module.exports = {
	CREDENTIAL,
	ACTION,
	sleep,
	waitFor,
	useQueueCluster,
	publishAll,
	itemsOnWebhook,
	markUnread,
	sendMessage,
	uniqueTexts,
	waitForExecutions,
	executionsPerWorker,
};
