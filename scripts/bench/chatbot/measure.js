'use strict';
/*
 * One variant of the chat bot benchmark in a real n8n (`n8n start`, the workflow published): a fresh emulator (20 ms
 * latency, standard limit) and n8n user folder, a bot registered with the credential's token, one warm-up message
 * (not counted: n8n starts its task runner for the first Code node), then the conversation, then (Chatbot Trigger
 * only) messages after a minute of silence each, then the idle window.
 */
const fs = require('fs');
const path = require('path');

const { createInstance } = require('../../lib/n8n');
const { say } = require('../../lib/common');
const { startEmulator } = require('../../../test/emulator');
const { callAs } = require('../../../test/e2e/helpers/portal');
const { startN8n } = require('../../../test/e2e/helpers/trigger');
const { LATENCY_MS, STANDARD_LIMIT } = require('../settings');
const { chatbotBenchWorkflow } = require('./workflows');
const { intervals, timings, waitUntil, sleep } = require('./conversation');

const BOT_TOKEN = 'bench-dummy-bot-token-0001';
const POLLER_DIR = path.join(__dirname, 'poller');
/** The users who write to the bot, in turn (the seed's users 2 to 5). */
const USERS = [2, 3, 4, 5];

/** The benchmark's own poller package, beside this package in n8n's community nodes folder. */
function installPoller(userFolder) {
	const target = path.join(userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-bench-poller');
	fs.cpSync(POLLER_DIR, target, { recursive: true });
}

const pollsOf = (emu) => emu.log.filter((e) => ['imbot.v2.event.get', 'imbot.v2.bot.get'].includes(e.method));

/**
 * Runs one variant; answers { kind, rows (per message), warmUp, idle: { minutes, requests, perHour } }.
 * `settings`: { messages, minGapMs, maxGapMs, seed, afterSilence, silenceMs, idleMinutes, idleSettleMs, replyTimeoutMs, tarball }.
 */
async function measureVariant(kind, settings) {
	const emu = await startEmulator({ port: 0, latencyMs: LATENCY_MS, rateLimit: STANDARD_LIMIT });
	let n8n;
	let running;
	try {
		const admin = emu.webhooks.admin.url;
		const { bot } = await callAs(emu.webhooks.admin, 'imbot.v2.Bot.register', { fields: { code: `bench_${kind}`, botToken: BOT_TOKEN, properties: { name: 'Bench Bot' } } });
		const users = USERS.map((userId) => emu.addWebhook({ userId, scopes: ['im'] }));
		n8n = await createInstance({ name: `bench-chatbot-${kind}`, tarball: settings.tarball });
		if (kind === 'polling') installPoller(n8n.userFolder);
		await n8n.importCredentials([
			{ id: 'benchBot', name: 'Bench bot', type: 'bitrix24ChatbotWebhookApi', data: { webhookUrl: admin, botToken: BOT_TOKEN, rateLimit: 'standard' } },
		]);
		const id = `benchBot${kind}`;
		await n8n.importWorkflow(chatbotBenchWorkflow(kind, id, { botId: bot.id, webhookUrl: admin, botToken: BOT_TOKEN }));
		const published = await n8n.n8n(['publish:workflow', `--id=${id}`]);
		if (published.code !== 0) throw new Error(`publish:workflow failed:\n${published.output}`);
		running = startN8n(n8n);
		if (!(await waitUntil(() => pollsOf(emu).some((e) => e.method === 'imbot.v2.event.get'), 180_000))) {
			throw new Error(`n8n did not start polling:\n${running.output().slice(-3000)}`);
		}
		const say2 = (line) => say(`    ${line}`);
		const send = async (i, text) => await callAs(users[i % users.length], 'im.message.add', { DIALOG_ID: String(bot.id), MESSAGE: text });
		const replied = (texts) => () => timings(emu.log, texts).every((t) => t.replyAt !== null);

		say2('warm-up message (not counted) ...');
		await send(0, 'warm-up');
		const warmed = await waitUntil(replied(['warm-up']), settings.replyTimeoutMs);
		const [warmUp] = timings(emu.log, ['warm-up']);
		say2(warmed ? `  answered after ${((warmUp.replyAt - warmUp.sentAt) / 1000).toFixed(2)} s` : '  no answer');

		const gaps = intervals(settings.messages, { minMs: settings.minGapMs, maxMs: settings.maxGapMs, seed: settings.seed });
		const texts = gaps.map((_, i) => `message ${i + 1} of ${settings.messages}`);
		say2(`${settings.messages} messages, ${settings.minGapMs / 1000}-${settings.maxGapMs / 1000} s apart (seed ${settings.seed}) ...`);
		for (let i = 0; i < texts.length; i++) {
			await sleep(gaps[i]);
			await send(i, texts[i]);
			if ((i + 1) % 10 === 0) say2(`  ${i + 1} sent, ${timings(emu.log, texts).filter((t) => t.replyAt !== null).length} answered`);
		}
		await waitUntil(replied(texts), settings.replyTimeoutMs);
		const rows = timings(emu.log, texts);

		// The Chatbot Trigger is slower for a message after a minute of silence (it polls every 6 s then): measured apart.
		const quiet = Array.from({ length: kind === 'trigger' ? settings.afterSilence : 0 }, (_, i) => `after silence ${i + 1}`);
		if (quiet.length) say2(`${quiet.length} messages, each after ${settings.silenceMs / 1000} s of silence ...`);
		for (let i = 0; i < quiet.length; i++) {
			await sleep(settings.silenceMs);
			await send(i, quiet[i]);
			await waitUntil(replied([quiet[i]]), settings.replyTimeoutMs);
		}
		const afterSilence = timings(emu.log, quiet);

		say2(`idle: ${settings.idleSettleMs / 1000} s for the trigger to settle, then ${settings.idleMinutes} min counted ...`);
		await sleep(settings.idleSettleMs);
		const from = Date.now();
		await sleep(settings.idleMinutes * 60_000);
		const requests = pollsOf(emu).filter((e) => e.at >= from && e.at < from + settings.idleMinutes * 60_000).length;
		const idle = { minutes: settings.idleMinutes, requests, perHour: (requests * 60) / settings.idleMinutes };
		return { kind, rows, afterSilence, warmUp, idle };
	} finally {
		if (running) await running.stop().catch(() => {});
		if (n8n) await n8n.cleanup().catch(() => {});
		await emu.close().catch(() => {});
	}
}

module.exports = { measureVariant };
