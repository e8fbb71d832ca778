'use strict';
/*
 * npm run bench  (= npm run build && node scripts/bench/index.js)  [-- --full] [-- --n=100,1000] [-- --overhead-runs=3]
 *                                                                   [-- --skip-overhead] [-- --no-write]
 *
 * Issue 4's benchmark: figures, not a test. In a real n8n 2.41.1 (`n8n execute`, one fresh n8n user folder and one
 * fresh emulator per run) against the Bitrix24 emulator with 20 ms latency and the standard limit (burst 50, 2/s),
 * for N Mark Unread items it compares
 *   (a) this node with its defaults (batching on),
 *   (b) this node with batching off,
 *   (c) n8n's HTTP Request node POSTing <webhook>im.dialog.unread.json once per item, with its own batching option
 *       set to 1 item every 500 ms (= the portal's 2 requests/s), which is what makes it succeed;
 *   (c') at N = 100 only, for the record: the HTTP Request node with "Retry On Fail" (5 tries, 5 s apart) instead.
 * At N = 10,000 it also measures memory under each of n8n's expression engines (the default isolated-vm one and
 * N8N_EXPRESSION_ENGINE=legacy), with n8n's Set node evaluating the same expressions as the reference.
 * It prints a table per N, checks the issue's targets, writes bench-results.md and docs/bench-time-vs-n.svg.
 * (b) and (c) are bounded by 2 requests/s (~(N-50)/2 s), so by default they run only for N <= 1,000; --full runs
 * them at 10,000 too (~83 min each).
 * Exit code 0 when the benchmark ran (whatever the targets say), 2 when it could not run.
 *
 * npm run bench -- --chatbot [...]: issue 14's chat bot answer times instead (scripts/bench/chatbot/); each keeps the
 * other's section of bench-results.md.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const { REPO_ROOT, say, provisionN8n } = require('../lib/common');
const { renderChart } = require('../lib/chart');
const { LATENCY_MS, STANDARD_LIMIT, SLOW_VARIANT_MAX_N, VARIANTS, expectedSeconds } = require('./settings');
const { measure, snapshotPackage, removePackageSnapshot } = require('./measure');
const { measureOverhead, measureMemoryByEngine } = require('./studies');
const { fmtInt, fmtSec, fmtMb } = require('./format');
const { rowsFor, textTable } = require('./tables');
const { checkTargets } = require('./targets');
const { methodText, chartSeries, markdownReport } = require('./report');
const { runChatbotBench } = require('./chatbot');
const { sectionOf } = require('./chatbot/report');

function parseArgs(argv) {
	const args = { full: false, ns: [100, 1000, 10000], overheadRuns: 3, skipOverhead: false, write: true };
	for (const a of argv) {
		if (a === '--full') args.full = true;
		else if (a === '--skip-overhead') args.skipOverhead = true;
		else if (a === '--no-write') args.write = false;
		else if (a.startsWith('--n=')) {
			args.ns = a
				.slice(4)
				.split(',')
				.map((s) => Number(s.replace(/[_,]/g, '').trim()))
				.filter((n) => Number.isInteger(n) && n > 0);
			if (!args.ns.length) throw new Error(`--n: expected a list of positive integers, got "${a.slice(4)}"`);
		} else if (a.startsWith('--overhead-runs=')) args.overheadRuns = Math.max(1, Number(a.split('=')[1]) || 1);
		else if (a === '--help' || a === '-h') {
			say('usage: npm run bench [-- --full] [-- --n=100,1000,10000] [-- --overhead-runs=3] [-- --skip-overhead] [-- --no-write]');
			process.exit(0);
		} else throw new Error(`unknown argument ${a} (try --help)`);
	}
	args.ns = [...new Set(args.ns)].sort((x, y) => x - y);
	return args;
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	const benchStarted = Date.now();
	const startedIso = new Date().toISOString();
	say('Bitrix24 IM node benchmark (issue 4): Mark Unread, real n8n against the emulator');
	say(`N = ${args.ns.map(fmtInt).join(', ')}; emulator latency ${LATENCY_MS} ms, limit burst ${STANDARD_LIMIT.burst} / ${STANDARD_LIMIT.drainPerSecond} per s`);
	say(`(b) and (c) run ${args.full ? 'for every N (--full: ~83 min each at 10,000)' : `only for N <= ${fmtInt(SLOW_VARIANT_MAX_N)} (use --full for more)`}.`);
	say(`Expected duration: ${describeDuration(args)}.`);
	say();
	const { nodeBin } = await provisionN8n();
	await snapshotPackage();
	const cpu = (os.cpus()[0] || {}).model || 'unknown CPU';
	const machine = `${cpu.trim()} × ${os.cpus().length} CPUs, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, ${os.type()} ${os.release()}`;

	const all = [];
	try {
		// Idle baseline: `n8n execute` of a workflow holding only the Manual Trigger.
		say('Idle baseline: n8n execute of a Manual-Trigger-only workflow ...');
		const idle = await measure({ n: 0, variant: 'idle', quiet: true });
		const idleMb = idle.peakMb;
		say(`  peak RSS ${fmtMb(idleMb)} (wall ${fmtSec(idle.wallMs)})`);
		say();

		const perN = [];
		for (const n of args.ns) {
			say(`=== N = ${fmtInt(n)} ===`);
			const results = {};
			const skipped = {};
			const codeOnly = await measure({ n, variant: 'codeOnly', quiet: true });
			say(`  Code-node-only baseline (same ${fmtInt(n)} items, no Mark Unread node): execution ${fmtSec(codeOnly.execMs)}, peak RSS ${fmtMb(codeOnly.peakMb)}`);
			const variants = ['a', 'b', 'c'].concat(n === 100 ? ['cRetry'] : []);
			for (const v of variants) {
				if ((v === 'b' || v === 'c') && n > SLOW_VARIANT_MAX_N && !args.full) {
					skipped[v] = `skipped (≈${Math.round((n - 50) / 2 / 60)} min at 2/s; run with --full)`;
					say(`  ${VARIANTS[v].label}: ${skipped[v]}`);
					continue;
				}
				say(`  ${VARIANTS[v].label}: running${expectedSeconds(v, n) > 60 ? ` (~${Math.round(expectedSeconds(v, n) / 60)} min)` : ''} ...`);
				const r = await measure({ n, variant: v });
				results[v] = r;
				all.push(r);
				say(`    ${r.status}; ${fmtInt(r.requests)} requests, ${fmtInt(r.status503)} 503s, ${fmtInt(r.marked)} marked; execution ${fmtSec(r.execMs)}, wall ${fmtSec(r.wallMs)}, peak RSS ${fmtMb(r.peakMb)}`);
			}
			const rows = rowsFor(n, results, idleMb, skipped);
			say();
			say(`N = ${fmtInt(n)}:`);
			say(textTable(rows));
			say();
			perN.push({ n, results, skipped, rows, codeOnly });
		}

		const at10k = perN.find((p) => p.n === 10000);
		const memoryByEngine = at10k && at10k.results.a ? await measureMemoryByEngine(10000, idle, at10k.results.a) : null;

		// (a)'s own processing cost: latency 0, no rate limit on either side, N = 10,000.
		let overhead = null;
		if (!args.skipOverhead) overhead = await measureOverhead(args, memoryByEngine && memoryByEngine.vm.set);

		const targets = checkTargets(perN, overhead, idleMb, memoryByEngine);
		say('Targets:');
		for (const t of targets) say(`  ${t.result.padEnd(4)}  ${t.name}: ${t.measured}`);
		say();
		say(methodText(idleMb).join('\n'));
		say();
		say(`Total benchmark time ${fmtSec(Date.now() - benchStarted)}.`);

		if (args.write) {
			const md = markdownReport({ args, perN, overhead, memoryByEngine, targets, idleMb, startedIso, machine, nodeBin });
			const file = path.join(REPO_ROOT, 'bench-results.md');
			const chatbot = fs.existsSync(file) ? sectionOf(fs.readFileSync(file, 'utf8')) : '';
			fs.writeFileSync(file, chatbot ? `${md.replace(/\s*$/, '')}\n\n${chatbot}\n` : md);
			fs.mkdirSync(path.join(REPO_ROOT, 'docs'), { recursive: true });
			fs.writeFileSync(path.join(REPO_ROOT, 'docs', 'bench-time-vs-n.svg'), renderChart(chartSeries(perN), { latencyMs: LATENCY_MS }));
			say('Wrote bench-results.md and docs/bench-time-vs-n.svg.');
		}
		// Figures, not a test: a missed target is reported above and in bench-results.md, not in the exit code.
	} finally {
		removePackageSnapshot();
	}
}

function describeDuration(args) {
	let s = 60; // idle baseline + setup
	for (const n of args.ns) {
		s += 25; // code-only baseline
		s += expectedSeconds('a', n) + 15;
		if (n <= SLOW_VARIANT_MAX_N || args.full) s += expectedSeconds('b', n) + expectedSeconds('c', n) + 30;
		if (n === 100) s += 45;
		if (n === 10000) s += expectedSeconds('a', n) + 100; // memory by expression engine
	}
	if (!args.skipOverhead) s += (2 * args.overheadRuns + 3) * 30;
	return `about ${Math.round(s / 60)} min`;
}

const run = process.argv.includes('--chatbot') ? () => runChatbotBench(process.argv.slice(2).filter((a) => a !== '--chatbot')) : main;
run().catch((err) => {
	process.stderr.write(`bench failed: ${err && err.stack ? err.stack : err}\n`);
	removePackageSnapshot();
	process.exit(2);
});
