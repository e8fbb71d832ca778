'use strict';
/*
 * What the dialog → Mark Unread end-to-end tests share: the suite's emulator and n8n instance, the node under test,
 * and readers of the emulator's request log and of n8n's output pairing.
 */
const { createInstance, NODE_TYPE } = require('../../../scripts/lib/n8n');
const { startEmulator } = require('../../emulator');

// E2E_PACKAGE_DIR: run against another build of the package (e.g. a deliberately broken copy, to see these tests fail).
const PACKAGE_DIR = process.env.E2E_PACKAGE_DIR || undefined;
const B24 = 'Bitrix24';
const ITEMS = 'Items';

/**
 * Registers a suite's hooks: one emulator and one n8n instance (the admin webhook imported as credential `b24hook`,
 * "B24 webhook") for the whole suite, the emulator reset before each test. `use({ emu, n8n })` gets both once they
 * are up.
 */
function useMarkUnreadSetup(name, use) {
	let emu;
	let n8n;

	beforeAll(async () => {
		emu = await startEmulator({ port: 0 });
		n8n = await createInstance({ name, packageDir: PACKAGE_DIR });
		await n8n.importCredentials([
			{ id: 'b24hook', name: 'B24 webhook', type: 'bitrix24WebhookApi', data: { webhookUrl: emu.webhooks.admin.url } },
		]);
		use({ emu, n8n });
	});

	afterAll(async () => {
		if (n8n) await n8n.cleanup();
		if (emu) await emu.close();
	});

	beforeEach(() => emu.reset());
}

function markUnreadNode({ authentication = 'webhook', credentials, options = {}, onError } = {}) {
	const node = {
		name: B24,
		type: NODE_TYPE,
		typeVersion: 1,
		parameters: {
			authentication,
			resource: 'dialog',
			operation: 'markUnread',
			dialogId: '={{ $json.dialogId }}',
			messageId: '={{ $json.messageId }}',
			options,
		},
		credentials,
	};
	if (onError) node.onError = onError;
	return node;
}

/** The emulator's REST log entries after `since` (a seq), without the control API (it is never logged). */
function logSince(emu, since) {
	return emu.log.filter((e) => e.seq > since);
}

/** Every im.dialog.unread the portal ran or rejected, direct or inside a batch, as strings. */
function unreadCalls(entries) {
	const calls = [];
	for (const e of entries) {
		if (e.method === 'im.dialog.unread') {
			calls.push({ dialogId: String(e.params.DIALOG_ID), messageId: String(e.params.MESSAGE_ID), status: e.status, errorCode: e.errorCode, batch: false });
		} else if (e.method === 'batch' && e.batchCommands) {
			for (const c of e.batchCommands) {
				calls.push({ dialogId: String(c.params.DIALOG_ID), messageId: String(c.params.MESSAGE_ID), status: c.errorCode ? 'error' : 200, errorCode: c.errorCode, batch: true, key: c.key, method: c.method });
			}
		}
	}
	return calls;
}

function pairedItemsOf(run, nodeName) {
	const task = run.data.resultData.runData[nodeName][0];
	return task.data.main[0].map((item) => item.pairedItem);
}

async function importAndRun(n8n, wf) {
	await n8n.importWorkflow(wf);
	return await n8n.execute(wf.id);
}

module.exports = { PACKAGE_DIR, B24, ITEMS, useMarkUnreadSetup, markUnreadNode, logSince, unreadCalls, pairedItemsOf, importAndRun };
