'use strict';
/*
 * npm run bench -- --chatbot  [--messages=50] [--min-gap=1] [--max-gap=12] [--seed=14] [--after-silence=5]
 *                             [--idle-minutes=5] [--only=trigger|polling] [--no-write]
 *
 * Issue 14's figures, not a test: how fast a chat bot answers in a real n8n 2.41.1 against the emulator (20 ms
 * latency, standard plan), with this package's Bitrix24 Chatbot Trigger and with a trigger on n8n's poll schedule at
 * its shortest (every minute), and what an idle bot costs in requests. Writes its section of bench-results.md (see
 * report.js) and never touches the Mark Unread figures. Exit code 0 when it ran, 2 when it could not run.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const { REPO_ROOT, say, provisionN8n } = require('../../lib/common');
const { NODE_VERSION } = require('../../lib/n8n');
const { LATENCY_MS } = require('../settings');
const { snapshotPackage, removePackageSnapshot } = require('../measure');
const { measureVariant } = require('./measure');
const { summarize, checkTargets, markdownSection, withSection } = require('./report');

function parseArgs(argv) {
	const args = { messages: 50, minGapMs: 1000, maxGapMs: 12_000, seed: 14, afterSilence: 5, idleMinutes: 5, only: null, write: true };
	const number = (a) => Number(a.split('=')[1]);
	for (const a of argv) {
		if (a === '--no-write') args.write = false;
		else if (a.startsWith('--messages=')) args.messages = number(a);
		else if (a.startsWith('--min-gap=')) args.minGapMs = number(a) * 1000;
		else if (a.startsWith('--max-gap=')) args.maxGapMs = number(a) * 1000;
		else if (a.startsWith('--seed=')) args.seed = number(a);
		else if (a.startsWith('--after-silence=')) args.afterSilence = number(a);
		else if (a.startsWith('--idle-minutes=')) args.idleMinutes = number(a);
		else if (a.startsWith('--only=')) args.only = a.split('=')[1];
		else if (a === '--help' || a === '-h') {
			say('usage: npm run bench -- --chatbot [--messages=50] [--min-gap=1] [--max-gap=12] [--seed=14] [--after-silence=5] [--idle-minutes=5] [--only=trigger|polling] [--no-write]');
			process.exit(0);
		} else throw new Error(`unknown argument ${a} (try --chatbot --help)`);
	}
	const bad = ['messages', 'minGapMs', 'maxGapMs', 'seed', 'afterSilence', 'idleMinutes'].filter((k) => !(Number.isFinite(args[k]) && args[k] >= 0));
	if (bad.length || args.messages < 1 || args.idleMinutes <= 0 || args.maxGapMs < args.minGapMs) throw new Error(`bad values: ${bad.join(', ') || 'messages, gaps or idle minutes'}`);
	if (args.only && !['trigger', 'polling'].includes(args.only)) throw new Error('--only takes trigger or polling');
	return args;
}

async function runChatbotBench(argv) {
	const args = parseArgs(argv);
	const startedIso = new Date().toISOString();
	say('Bitrix24 chat bot benchmark (issue 14): answer times in a real n8n against the emulator');
	await provisionN8n();
	const tarball = await snapshotPackage();
	const settings = { ...args, latencyMs: LATENCY_MS, silenceMs: 75_000, idleSettleMs: 90_000, replyTimeoutMs: 150_000, tarball };
	const machine = `${((os.cpus()[0] || {}).model || 'unknown CPU').trim()} × ${os.cpus().length} CPUs, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, ${os.type()} ${os.release()}`;
	try {
		const summaries = [];
		for (const kind of ['trigger', 'polling'].filter((k) => !args.only || k === args.only)) {
			say(`=== ${kind} ===`);
			const summary = summarize(await measureVariant(kind, settings));
			summaries.push(summary);
			say(`  ${summary.label}: ${summary.answered}/${summary.messages} answered (${summary.repeated} twice); median ${(summary.medianMs / 1000).toFixed(2)} s, p95 ${(summary.p95Ms / 1000).toFixed(2)} s, max ${(summary.maxMs / 1000).toFixed(2)} s; idle ${Math.round(summary.idle.perHour)} requests/hour`);
		}
		const trigger = summaries.find((s) => s.kind === 'trigger');
		const targets = trigger ? checkTargets(trigger) : [];
		say();
		for (const t of targets) say(`  ${t.result.padEnd(4)}  ${t.name}: ${t.measured}`);
		if (args.write && trigger && summaries.length === 2) {
			const file = path.join(REPO_ROOT, 'bench-results.md');
			const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
			fs.writeFileSync(file, withSection(text, markdownSection({ summaries, targets, settings, startedIso, machine, nodeVersion: NODE_VERSION })));
			say('Wrote the chat bot section of bench-results.md.');
		}
	} finally {
		removePackageSnapshot();
	}
}

module.exports = { runChatbotBench };
