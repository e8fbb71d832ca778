'use strict';
/*
 * The runs beyond the per-N tables: (a)'s own processing cost (latency 0, no rate limit), and memory at N = 10,000
 * under each of n8n's expression engines.
 */
const { say } = require('../lib/common');
const { OVERHEAD_TARGET_MS_PER_ITEM, UNLIMITED } = require('./settings');
const { measure } = require('./measure');
const { profiledRun, describeProfile } = require('./profile');
const { fmtInt, fmtSec, fmtMb, fmtGrowth, fmtPerItem } = require('./format');

/**
 * N = 10,000 at latency 0 with no rate limit anywhere, so the node's step is all processing:
 * - own: the node with fixed Dialog ID / Message ID values, `runs` times; (node time - emulator busy) / N, median.
 *   This is the target figure: it still charges the node with n8n's per-item parameter lookup, n8n's HTTP helper
 *   and its credential load per request, but not with the evaluation of the workflow's `{{ }}` expressions.
 * - withExpressions: the benchmark's own workflow (two expressions per item), same formula: what a user sees.
 * - setExpr: n8n's Set node evaluating the same two expressions and nothing else: n8n's share of `withExpressions`.
 * - profile: one more `own` run under V8's CPU profiler, split into this package's code and everything else.
 */
async function measureOverhead(args, setExprRun) {
	const n = 10000;
	say(`=== (a)'s own processing cost: N = ${fmtInt(n)}, latency 0, rate limit off in the emulator and in the node (custom limit 1e9 / 1e6 per s), ${args.overheadRuns} run(s) each ===`);
	const series = async (variant, label) => {
		const runs = [];
		for (let i = 0; i < args.overheadRuns; i++) {
			const r = await measure({ n, variant, latencyMs: 0, rateLimit: false, nodeOptions: UNLIMITED, quiet: true });
			const run = { ...r, perItem: r.ok ? (r.nodeMs - r.emulatorBusyMs) / n : null };
			runs.push(run);
			say(`  ${label}, run ${i + 1}: ${r.status}; ${fmtInt(r.requests)} requests; node time ${r.nodeMs} ms, emulator busy ${r.emulatorBusyMs.toFixed(0)} ms -> ${fmtPerItem(run)} ms/item; execution ${fmtSec(r.execMs)}, peak RSS ${fmtMb(r.peakMb)}`);
		}
		const good = runs.filter((r) => r.perItem !== null).sort((x, y) => x.perItem - y.perItem);
		return { runs, median: good.length ? good[Math.floor((good.length - 1) / 2)] : null };
	};
	const own = await series('aLiteral', 'fixed parameters');
	const withExpressions = await series('a', 'two expressions per item');
	const codeOnly = await measure({ n, variant: 'codeOnly', latencyMs: 0, rateLimit: false, quiet: true });
	// The same run as the memory-by-engine one for the default engine, when that ran.
	const setExpr = setExprRun || (await measure({ n, variant: 'setExpr', latencyMs: 0, rateLimit: false, quiet: true }));
	setExpr.perItem = setExpr.ok ? setExpr.nodeMs / n : null;
	const profile = await profiledRun(n);
	const crossCheck = withExpressions.median && codeOnly.ok ? (withExpressions.median.execMs - codeOnly.execMs) / n : null;
	say(`  own processing (fixed parameters), median: ${fmtPerItem(own.median)} ms/item (target < ${OVERHEAD_TARGET_MS_PER_ITEM})`);
	say(`  with the benchmark's two expressions per item, median: ${fmtPerItem(withExpressions.median)} ms/item`);
	say(`  n8n's Set node evaluating the same two expressions: ${setExpr.status}; node time ${setExpr.nodeMs} ms -> ${fmtPerItem(setExpr)} ms/item, peak RSS ${fmtMb(setExpr.peakMb)}`);
	if (profile) say(`  CPU profile of one fixed-parameter run: ${describeProfile(profile, n)}`);
	say(`  cross-check: (execution with expressions ${fmtSec(withExpressions.median && withExpressions.median.execMs)} - Code-node-only execution ${fmtSec(codeOnly.execMs)}) / N = ${crossCheck === null ? '-' : crossCheck.toFixed(4)} ms/item (the emulator's time included)`);
	say();
	return { n, own, withExpressions, codeOnly, setExpr, profile, crossCheck };
}

/**
 * At N = 10,000 the benchmark workflow has n8n evaluate 20,000 `{{ }}` expressions, and what that costs in memory
 * depends on n8n's expression engine: 2.41.1 evaluates them in an isolated-vm isolate by default ('vm'), and still
 * offers its older in-process evaluator ('legacy', N8N_EXPRESSION_ENGINE=legacy). For each engine: the idle
 * baseline, (a) as in the benchmark (skipped for the default engine, whose run is the N = 10,000 row), and n8n's Set
 * node evaluating the same two expressions and nothing else (latency 0: it sends no request). Answers the runs by
 * engine: { vm: { engine, isDefault, idle, a, set }, legacy: { ... } }.
 */
async function measureMemoryByEngine(n, defaultIdle, defaultA) {
	say(`=== Memory at N = ${fmtInt(n)} by n8n expression engine ===`);
	const engines = {};
	for (const engine of ['vm', 'legacy']) {
		const isDefault = engine === 'vm';
		const expressionEngine = isDefault ? undefined : engine;
		const idle = isDefault ? defaultIdle : await measure({ n: 0, variant: 'idle', quiet: true, expressionEngine });
		const a = isDefault ? defaultA : await measure({ n, variant: 'a', quiet: true, expressionEngine });
		const set = await measure({ n, variant: 'setExpr', latencyMs: 0, rateLimit: false, quiet: true, expressionEngine });
		engines[engine] = { engine, isDefault, idle, a, set };
		say(`  ${engine}${isDefault ? " (n8n's default)" : ''}: idle ${fmtMb(idle.peakMb)}; (a) ${a.status}, peak ${fmtMb(a.peakMb)}, growth ${fmtGrowth(a.peakMb, idle.peakMb)}, node time ${fmtSec(a.nodeMs)}; Set node ${set.status}, peak ${fmtMb(set.peakMb)}, growth ${fmtGrowth(set.peakMb, idle.peakMb)}, node time ${fmtSec(set.nodeMs)}`);
	}
	say();
	return engines;
}

module.exports = { measureOverhead, measureMemoryByEngine };
