'use strict';
/*
 * How the benchmark writes its figures: whole numbers, seconds, MB, per-item times and rates.
 */

const fmtInt = (x) => (x === null || x === undefined ? '-' : Math.round(x).toLocaleString('en-US'));
function fmtSec(ms) {
	if (ms === null || ms === undefined) return '-';
	const s = ms / 1000;
	if (s < 10) return `${s.toFixed(2)} s`;
	if (s < 120) return `${s.toFixed(1)} s`;
	return `${s.toFixed(0)} s (${Math.floor(s / 60)} min ${Math.round(s % 60)} s)`;
}
const fmtMb = (mb) => (mb === null || mb === undefined ? '-' : `${mb.toFixed(0)} MB`);
/** Peak RSS over a baseline, in MB; null when either was not measured. */
const growthMb = (peakMb, baseMb) => (peakMb !== null && baseMb !== null ? peakMb - baseMb : null);
const fmtGrowth = (peakMb, baseMb) => fmtMb(growthMb(peakMb, baseMb));
const fmtPerItem = (run, unit = '') => (run && run.perItem !== null && run.perItem !== undefined ? `${run.perItem.toFixed(4)}${unit}` : '-');
const fmtRate = (r) => (r === null || r === undefined ? '-' : r >= 100 ? fmtInt(r) : r.toFixed(r >= 10 ? 1 : 2));

module.exports = { fmtInt, fmtSec, fmtMb, growthMb, fmtGrowth, fmtPerItem, fmtRate };
