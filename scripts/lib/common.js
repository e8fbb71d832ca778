'use strict';
/*
 * Helpers shared by scripts/demo.js and the benchmark (scripts/bench/): n8n provisioning with progress output,
 * secret masking, and small formatting utilities. Plain CommonJS, Node built-ins only.
 */
const fs = require('fs');
const path = require('path');

const { ensureN8n, defaultCacheDir, N8N_VERSION, NODE_VERSION, NODE_TYPE } = require('./n8n');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const CREDENTIAL_TYPE = 'bitrix24WebhookApi';

function say(line = '') {
	process.stdout.write(`${line}\n`);
}

function seconds(ms) {
	return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * ensureN8n() with progress for humans: says up front whether this is the cold (~5 minute) install or a warm cache,
 * and prints a heartbeat while npm works.
 */
async function provisionN8n({ log = say } = {}) {
	const cacheDir = defaultCacheDir();
	const warm = fs.existsSync(path.join(cacheDir, '.e2e-complete.json'));
	if (warm) {
		log(`n8n ${N8N_VERSION} (Node ${NODE_VERSION}) is already installed in ${cacheDir}.`);
	} else {
		log(`First run: installing n8n ${N8N_VERSION} and Node ${NODE_VERSION} from npm into ${cacheDir}.`);
		log('This takes about 5 minutes and ~3 GB of disk, once; later runs start in seconds.');
	}
	const started = Date.now();
	const heartbeat = warm
		? null
		: setInterval(() => log(`  ... still installing n8n (${Math.round((Date.now() - started) / 1000)} s so far)`), 30000);
	try {
		const result = await ensureN8n({ log: (line) => log(`  ${line}`) });
		if (!warm) log(`n8n installed in ${seconds(Date.now() - started)}.`);
		return result;
	} finally {
		if (heartbeat) clearInterval(heartbeat);
	}
}

/**
 * A function that hides a Bitrix24 webhook URL and its secret in any text: the URL becomes
 * https://host/rest/<user>/****\/ and the secret alone becomes ****, raw and URL-encoded.
 */
function makeMasker(webhookUrl) {
	if (!webhookUrl) return (text) => text;
	const secrets = new Set();
	try {
		const u = new URL(webhookUrl);
		const parts = u.pathname.split('/').filter(Boolean); // rest, <userId>, <secret>
		const restAt = parts.indexOf('rest');
		const secret = restAt >= 0 ? parts[restAt + 2] : parts[parts.length - 1];
		if (secret && secret.length >= 4) secrets.add(secret);
		if (u.password) secrets.add(u.password);
	} catch {
		/* not a URL: mask the whole value below */
	}
	const needles = [webhookUrl, webhookUrl.replace(/\/+$/, ''), ...secrets]
		.filter((s) => s && s.length >= 4)
		.flatMap((s) => [s, encodeURIComponent(s)])
		.sort((a, b) => b.length - a.length);
	const masked = maskedWebhookUrl(webhookUrl);
	return (text) => {
		let out = String(text);
		for (const needle of needles) {
			const replacement = needle.startsWith('http') ? masked : '****';
			out = out.split(needle).join(replacement);
		}
		return out;
	};
}

/** https://portal.bitrix24.com/rest/1/****\/ - what may be shown of a webhook URL. */
function maskedWebhookUrl(webhookUrl) {
	try {
		const u = new URL(webhookUrl);
		const parts = u.pathname.split('/').filter(Boolean);
		const restAt = parts.indexOf('rest');
		if (restAt < 0 || !parts[restAt + 1]) return `${u.protocol}//${u.host}/****`;
		return `${u.protocol}//${u.host}/rest/${parts[restAt + 1]}/****/`;
	} catch {
		return '****';
	}
}

function loadExampleWorkflow(file = path.join(REPO_ROOT, 'examples', 'mark-dialog-unread.json')) {
	return { file, workflow: JSON.parse(fs.readFileSync(file, 'utf8')) };
}

module.exports = {
	REPO_ROOT,
	NODE_TYPE,
	CREDENTIAL_TYPE,
	say,
	seconds,
	provisionN8n,
	makeMasker,
	maskedWebhookUrl,
	loadExampleWorkflow,
};
