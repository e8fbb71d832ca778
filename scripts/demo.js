'use strict';
/*
 * npm run demo  (= npm run build && node scripts/demo.js)
 *
 * Runs examples/mark-dialog-unread.json in a real n8n 2.41.1 with this package installed, and prints what a user
 * would see: the output items, and (against the built-in emulator) each dialog's read marker before and after.
 *
 *   npm run demo                        against the Bitrix24 emulator in this repo (test/emulator), no account needed
 *   BITRIX24_WEBHOOK_URL=https://<portal>/rest/<user>/<secret>/ \
 *   BITRIX24_DIALOG_ID=chat12 BITRIX24_MESSAGE_ID=84869 npm run demo
 *                                       the same workflow against your portal (the webhook needs the `im` scope)
 *
 * The first run installs n8n and Node 24 into ~/.cache (about 5 minutes; see scripts/lib/n8n/provision.js).
 * Exit code: 0 when the workflow succeeded, 1 when it failed, 2 for a usage error.
 */
const fs = require('fs');

const { createInstance, outputOf, errorOf, N8N_VERSION } = require('./lib/n8n');
const { CREDENTIAL_TYPE, NODE_TYPE, say, seconds, provisionN8n, makeMasker, maskedWebhookUrl, loadExampleWorkflow } = require('./lib/common');

const WORKFLOW_ID = 'demoMarkUnread';
const CREDENTIAL_NAME = 'Bitrix24 webhook'; // the name the example workflow refers to
const EMULATOR_USER_ID = 1; // the emulator's admin webhook belongs to user 1

function usageError(message) {
	process.stderr.write(`${message}\n\n`);
	process.stderr.write('To run the demo against your own Bitrix24 portal, set all three:\n');
	process.stderr.write('  BITRIX24_WEBHOOK_URL  an incoming webhook with the im scope, e.g. https://<portal>.bitrix24.com/rest/<user>/<secret>/\n');
	process.stderr.write('  BITRIX24_DIALOG_ID    the dialog to mark unread: chatNNN, sgNNN, or a user id for a private dialog\n');
	process.stderr.write('  BITRIX24_MESSAGE_ID   the first message to become unread (a whole number)\n');
	process.stderr.write('Unset BITRIX24_WEBHOOK_URL to run against the built-in emulator instead.\n');
	process.exit(2);
}

function realPortalSettings() {
	const webhookUrl = (process.env.BITRIX24_WEBHOOK_URL || '').trim();
	if (!webhookUrl) return null;
	const mask = makeMasker(webhookUrl);
	let url;
	try {
		url = new URL(webhookUrl);
	} catch {
		usageError('BITRIX24_WEBHOOK_URL is not a URL.');
	}
	if (!/^https?:$/.test(url.protocol) || !/\/rest\/\d+\/[^/]+/.test(url.pathname)) {
		usageError(`BITRIX24_WEBHOOK_URL (${mask(webhookUrl)}) does not look like an incoming webhook URL (https://<portal>/rest/<user>/<secret>/).`);
	}
	const dialogId = (process.env.BITRIX24_DIALOG_ID || '').trim();
	const messageId = (process.env.BITRIX24_MESSAGE_ID || '').trim();
	const missing = [!dialogId && 'BITRIX24_DIALOG_ID', !messageId && 'BITRIX24_MESSAGE_ID'].filter(Boolean);
	if (missing.length) usageError(`BITRIX24_WEBHOOK_URL is set, but ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing.`);
	return { webhookUrl: webhookUrl.endsWith('/') ? webhookUrl : `${webhookUrl}/`, dialogId, messageId, mask };
}

/**
 * The example workflow, adapted to this run: a workflow id for `n8n execute --id`, and (real portal only) the
 * Code node's list of dialogs replaced by the one from the environment. Everything else is the file as shipped;
 * its credential reference (by name, id null) is resolved by n8n on import, as in a user's own n8n.
 */
function adaptWorkflow(example, real) {
	const wf = JSON.parse(JSON.stringify(example));
	wf.id = WORKFLOW_ID;
	const ours = wf.nodes.filter((n) => n.type === NODE_TYPE);
	if (ours.length !== 1) throw new Error(`expected one ${NODE_TYPE} node in the example workflow, found ${ours.length}`);
	const refName = ours[0].credentials && ours[0].credentials[CREDENTIAL_TYPE] && ours[0].credentials[CREDENTIAL_TYPE].name;
	if (refName !== CREDENTIAL_NAME) throw new Error(`the example's node refers to credential "${refName}", expected "${CREDENTIAL_NAME}"`);
	if (real) {
		const code = wf.nodes.find((n) => n.type === 'n8n-nodes-base.code');
		const pattern = /const dialogs = \[[\s\S]*?\];/;
		if (!code || !pattern.test(code.parameters.jsCode)) throw new Error('could not find the `const dialogs = [...]` list in the example\'s Code node');
		const list = JSON.stringify([{ dialogId: real.dialogId, messageId: real.messageId }]);
		code.parameters.jsCode = code.parameters.jsCode.replace(pattern, () => `const dialogs = ${list};`);
	}
	return { wf, markNodeName: ours[0].name, codeNodeName: (wf.nodes.find((n) => n.type === 'n8n-nodes-base.code') || {}).name };
}

/** Emulator read markers of `dialogIds` for the webhook's user, from the live state or a snapshot of it. */
function markers(emu, dialogIds, stateSnapshot) {
	const live = emu.state;
	if (stateSnapshot) emu.state = stateSnapshot;
	try {
		return new Map(dialogIds.map((d) => [d, emu.readState(EMULATOR_USER_ID, d)]));
	} finally {
		emu.state = live;
	}
}

function describeMarkerChange(dialogId, before, after) {
	if (!before || !after) return `  ${dialogId}: not a dialog of user ${EMULATOR_USER_ID} in the emulator`;
	const fmt = (v) => (v === null || v === undefined ? 'null' : String(v));
	const parts = [
		`firstUnreadMessageId ${fmt(before.firstUnreadMessageId)} -> ${fmt(after.firstUnreadMessageId)}`,
		`lastReadMessageId ${fmt(before.lastReadMessageId)} -> ${fmt(after.lastReadMessageId)}`,
		`unread messages ${before.unreadCount} -> ${after.unreadCount}`,
	];
	return `  ${dialogId}: ${parts.join(', ')}`;
}

async function main() {
	const real = realPortalSettings();
	const mask = real ? real.mask : (s) => String(s);
	const out = (line = '') => say(mask(line));
	const started = Date.now();

	out(`Bitrix24 IM node demo: examples/mark-dialog-unread.json in a real n8n ${N8N_VERSION}`);
	out(real ? `Target: your portal, webhook ${maskedWebhookUrl(real.webhookUrl)}` : 'Target: the built-in Bitrix24 emulator (set BITRIX24_WEBHOOK_URL to use your portal)');
	out();

	await provisionN8n({ log: out });

	const { file, workflow: example } = loadExampleWorkflow();
	const { wf, markNodeName, codeNodeName } = adaptWorkflow(example, real);

	let emu = null;
	let instance = null;
	let cleanedUp = false;
	const cleanup = async () => {
		if (cleanedUp) return;
		cleanedUp = true;
		if (instance) await instance.cleanup().catch(() => {});
		if (emu) await emu.close().catch(() => {});
	};
	// Ctrl-C: the e2e harness kills the n8n process; remove the instance folder too.
	const onSignal = (signal) => {
		if (instance) fs.rmSync(instance.userFolder, { recursive: true, force: true });
		process.exit(signal === 'SIGINT' ? 130 : 143);
	};
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);

	try {
		let webhookUrl;
		if (real) {
			webhookUrl = real.webhookUrl;
		} else {
			const { startEmulator } = require('../test/emulator');
			emu = await startEmulator({ port: 0, rateLimit: { burst: 50, drainPerSecond: 2 } });
			webhookUrl = emu.webhooks.admin.url;
			out(`Emulator listening on ${emu.baseUrl} (Bitrix24 standard limit: burst 50, 2 requests/s); webhook of user ${EMULATOR_USER_ID}.`);
		}

		out('Creating a fresh n8n user folder with this package installed as a community package ...');
		instance = await createInstance({ name: 'demo', log: out });
		out(`  ${instance.userFolder}`);

		out(`Importing the credential "${CREDENTIAL_NAME}" (${CREDENTIAL_TYPE}) ...`);
		await instance.importCredentials([{ id: 'demoWebhookCred', name: CREDENTIAL_NAME, type: CREDENTIAL_TYPE, data: { webhookUrl } }]);
		out(`Importing the workflow "${wf.name}" from ${file.replace(`${process.cwd()}/`, '')} ...`);
		await instance.importWorkflow(wf);

		const snapshot = emu ? structuredClone(emu.state) : null;
		if (emu) emu.clearLog();

		out(`Running it: n8n execute --id=${WORKFLOW_ID} (n8n starts up first: ~5-10 s) ...`);
		const res = await instance.execute(WORKFLOW_ID);
		const run = res.run;
		const error = errorOf(run);
		const inputItems = outputOf(run, codeNodeName) || [];
		const items = outputOf(run, markNodeName);

		out();
		if (items && (items.length > 0 || !error)) {
			out(`Output of "${markNodeName}" (${items.length} item${items.length === 1 ? '' : 's'}):`);
			out(JSON.stringify(items, null, 2));
		} else {
			out(`"${markNodeName}" produced no output.`);
		}

		if (emu) {
			const dialogIds = [...new Set(inputItems.map((i) => String(i.dialogId)))];
			const before = markers(emu, dialogIds, snapshot);
			const after = markers(emu, dialogIds);
			out();
			out(`Emulator read markers of user ${EMULATOR_USER_ID}, before -> after:`);
			for (const d of dialogIds) out(describeMarkerChange(d, before.get(d), after.get(d)));
			const requests = emu.log.filter((e) => e.path && e.path.startsWith('/rest/'));
			const summary = requests.map((e) => (e.method === 'batch' ? `batch of ${(e.batchCommands || []).length} command(s)` : e.method) + ` -> HTTP ${e.status}`);
			out(`HTTP requests the portal received: ${requests.length}${summary.length ? ` (${summary.join('; ')})` : ''}`);
		}

		out();
		if (res.code !== 0 || error || !items) {
			out(`The workflow FAILED (n8n exit code ${res.code}${res.timedOut ? ', timed out' : ''}).`);
			if (error) {
				out(`Error: ${error.message || error}`);
				if (error.description) out(`  ${error.description}`);
			} else {
				out('n8n printed:');
				out(res.output.split('\n').slice(-40).join('\n'));
			}
			process.exitCode = 1;
		} else {
			out(`The workflow succeeded: ${items.length} dialog(s) marked unread, in ${seconds(Date.now() - started)} overall.`);
			if (real) out('Open the dialog in Bitrix24: its messages from the given one on are now unread.');
		}
	} finally {
		await cleanup();
		process.removeListener('SIGINT', onSignal);
		process.removeListener('SIGTERM', onSignal);
	}
}

main().catch((err) => {
	const webhookUrl = process.env.BITRIX24_WEBHOOK_URL;
	const mask = makeMasker(webhookUrl && webhookUrl.trim());
	process.stderr.write(`${mask(`demo failed: ${err && err.stack ? err.stack : err}`)}\n`);
	process.exit(1);
});
