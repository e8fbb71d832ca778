'use strict';
/*
 * Issue 4's targets checked against the measurements: requests per item, speed-up over the HTTP Request node,
 * (a)'s own processing cost, and memory at N = 10,000.
 */
const { MEMORY_TARGET_MB, OVERHEAD_TARGET_MS_PER_ITEM, SPEEDUP_TARGET, REQUEST_SLACK } = require('./settings');
const { fmtInt, fmtSec, fmtMb, growthMb, fmtGrowth, fmtPerItem } = require('./format');

function checkTargets(perN, overhead, idleMb, memoryByEngine) {
	const out = [];
	for (const { n, results } of perN) {
		const a = results.a;
		if (!a) continue;
		const ideal = Math.ceil(n / 50);
		const limit = Math.floor(ideal * (1 + REQUEST_SLACK));
		out.push({
			name: `(a) HTTP requests at N = ${fmtInt(n)} <= ceil(N/50) + 2% = ${fmtInt(limit)}`,
			measured: `${fmtInt(a.requests)} requests (${a.ok ? 'run succeeded' : a.status}), ${fmtInt(a.marked)} of ${fmtInt(n)} marked`,
			result: a.ok && a.requests <= limit && a.marked === n ? 'PASS' : 'FAIL',
		});
	}
	const at1000 = perN.find((p) => p.n === 1000);
	if (at1000 && at1000.results.a && at1000.results.c) {
		const { a, c } = at1000.results;
		const speedup = a.ok && c.ok ? c.execMs / a.execMs : null;
		out.push({
			name: `(a) at least ${SPEEDUP_TARGET}× faster than (c) at N = 1,000`,
			measured: speedup === null ? `not comparable ((a) ${a.status}, (c) ${c.status})` : `${speedup.toFixed(0)}× (${fmtSec(a.execMs)} vs ${fmtSec(c.execMs)})`,
			result: speedup !== null && speedup >= SPEEDUP_TARGET ? 'PASS' : 'FAIL',
		});
	} else {
		out.push({ name: `(a) at least ${SPEEDUP_TARGET}× faster than (c) at N = 1,000`, measured: 'not measured (N = 1,000 not in --n)', result: 'n/a' });
	}
	if (overhead) {
		const m = overhead.own.median;
		const e = overhead.withExpressions.median;
		const set = overhead.setExpr;
		out.push({
			name: `(a)'s own processing < ${OVERHEAD_TARGET_MS_PER_ITEM} ms per item (N = 10,000, latency 0, no rate limit; fixed parameter values, so n8n's evaluation of the workflow's expressions is not counted)`,
			measured: m
				? `${fmtPerItem(m, ' ms/item')} (median of ${overhead.own.runs.length}: node time ${m.nodeMs} ms - emulator busy ${m.emulatorBusyMs.toFixed(0)} ms)` +
					`${overhead.profile ? `; of which this package's own code ${(overhead.profile.oursMs / overhead.n).toFixed(4)} ms/item (CPU profile)` : ''}` +
					`. With the benchmark's two expressions per item: ${fmtPerItem(e, ' ms/item')}, n8n's Set node evaluating the same expressions alone: ${fmtPerItem(set, ' ms/item')}`
				: 'no successful run',
			result: m && m.perItem < OVERHEAD_TARGET_MS_PER_ITEM ? 'PASS' : 'FAIL',
		});
	} else {
		out.push({ name: `(a)'s own processing < ${OVERHEAD_TARGET_MS_PER_ITEM} ms per item`, measured: 'not measured (--skip-overhead)', result: 'n/a' });
	}
	const at10k = perN.find((p) => p.n === 10000);
	if (at10k && at10k.results.a) {
		const a = at10k.results.a;
		const growth = growthMb(a.peakMb, idleMb);
		const set = memoryByEngine && memoryByEngine.vm.set;
		out.push({
			name: `(a) memory at N = 10,000: n8n process RSS growth over its idle baseline < ${MEMORY_TARGET_MB} MB (n8n's defaults)`,
			measured:
				growth === null
					? 'not measured'
					: `${growth.toFixed(0)} MB (peak ${fmtMb(a.peakMb)}, idle baseline ${fmtMb(idleMb)}; Code-node-only baseline with the same items: ${fmtMb(at10k.codeOnly.peakMb)})` +
						(set ? `. n8n's Set node evaluating the same two expressions and nothing else grows the same process by ${fmtGrowth(set.peakMb, idleMb)}` : ''),
			result: growth !== null && a.ok && growth < MEMORY_TARGET_MB ? 'PASS' : 'FAIL',
		});
		const legacy = memoryByEngine && memoryByEngine.legacy;
		if (legacy) {
			const g = growthMb(legacy.a.peakMb, legacy.idle.peakMb);
			out.push({
				name: `(a) memory at N = 10,000 with n8n's legacy expression engine (N8N_EXPRESSION_ENGINE=legacy, not n8n's default) < ${MEMORY_TARGET_MB} MB`,
				measured: g === null ? 'not measured' : `${g.toFixed(0)} MB (peak ${fmtMb(legacy.a.peakMb)}, idle baseline with that engine ${fmtMb(legacy.idle.peakMb)}; ${legacy.a.status}). n8n's Set node with the same expressions: ${fmtGrowth(legacy.set.peakMb, legacy.idle.peakMb)}`,
				result: g !== null && legacy.a.ok && g < MEMORY_TARGET_MB ? 'PASS' : 'FAIL',
			});
		}
	} else {
		out.push({ name: `(a) memory at N = 10,000 < ${MEMORY_TARGET_MB} MB`, measured: 'not measured (N = 10,000 not in --n)', result: 'n/a' });
	}
	return out;
}

module.exports = { checkTargets };
