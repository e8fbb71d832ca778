'use strict';
/*
 * The per-N table of the variants, as text for the console and as Markdown for bench-results.md.
 */
const { VARIANTS } = require('./settings');
const { fmtInt, fmtSec, fmtMb, fmtGrowth, fmtRate } = require('./format');

function rowsFor(n, results, idleMb, skipped) {
	const c = results.c;
	return ['a', 'b', 'c', 'cRetry']
		.filter((v) => results[v] || skipped[v])
		.map((v) => {
			const r = results[v];
			if (!r) return { variant: VARIANTS[v].label, skipped: skipped[v] };
			const speedup = v === 'a' && c && c.ok && r.ok && r.execMs ? c.execMs / r.execMs : null;
			return {
				variant: VARIANTS[v].label,
				result: r.ok ? 'success' : 'FAILED*',
				failure: r.ok ? null : r.status,
				requests: fmtInt(r.requests),
				s503: fmtInt(r.status503),
				marked: `${fmtInt(r.marked)} / ${fmtInt(n)}`,
				exec: fmtSec(r.execMs),
				node: fmtSec(r.nodeMs),
				wall: fmtSec(r.wallMs),
				rate: r.ok && r.execMs ? fmtRate(n / (r.execMs / 1000)) : '-',
				peak: fmtMb(r.peakMb),
				growth: fmtGrowth(r.peakMb, idleMb),
				speedup: v === 'a' ? (speedup ? `${speedup >= 100 ? fmtInt(speedup) : speedup.toFixed(1)}×` : c ? '-' : 'n/a ((c) not run)') : '',
			};
		});
}

const COLUMNS = [
	['variant', 'variant'],
	['result', 'result'],
	['requests', 'HTTP requests'],
	['s503', '503s'],
	['marked', 'marked (emulator)'],
	['exec', 'execution time'],
	['node', 'node time'],
	['wall', 'wall time'],
	['rate', 'items/s'],
	['peak', 'peak RSS'],
	['growth', 'RSS growth'],
	['speedup', 'speed-up (a) vs (c)'],
];

function textTable(rows) {
	const cells = rows.map((r) => (r.skipped ? [r.variant, r.skipped, ...COLUMNS.slice(2).map(() => '')] : COLUMNS.map(([k]) => String(r[k] ?? ''))));
	const header = COLUMNS.map(([, h]) => h);
	const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
	const line = (c) => c.map((x, i) => (i === 0 ? x.padEnd(widths[i]) : x.padStart(widths[i]))).join('  ');
	return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line), ...failureNotes(rows)].join('\n');
}

function failureNotes(rows) {
	return rows.filter((r) => r.failure).map((r) => `* ${r.variant.split(' ')[0]} ${r.failure}`);
}

function markdownTable(rows) {
	const header = COLUMNS.map(([, h]) => h);
	const out = [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i < 2 ? ' --- ' : ' ---: ')).join('|')}|`];
	for (const r of rows) {
		if (r.skipped) out.push(`| ${r.variant} | ${r.skipped} |${' |'.repeat(COLUMNS.length - 2)}`);
		else out.push(`| ${COLUMNS.map(([k]) => String(r[k] ?? '').replace(/\|/g, '\\|')).join(' | ')} |`);
	}
	const notes = failureNotes(rows);
	if (notes.length) out.push('', ...notes.map((n) => `\\${n}`));
	return out.join('\n');
}

module.exports = { rowsFor, textTable, markdownTable };
