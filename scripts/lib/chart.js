'use strict';
/*
 * A hand-rolled SVG line chart of execution time against N, both axes logarithmic (no dependencies).
 * renderChart({ a: { label, points: [{ n, seconds }] }, b: ..., c: ... }, { latencyMs }) -> SVG text.
 */

const COLORS = { a: '#1f77b4', b: '#ff7f0e', c: '#2ca02c' };
const W = 720;
const H = 440;
const M = { left: 78, right: 24, top: 48, bottom: 110 };

function esc(s) {
	return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function fmtSeconds(s) {
	if (s >= 1) return `${s.toLocaleString('en-US', { maximumFractionDigits: 0 })} s`;
	return `${s} s`;
}

function renderChart(series, { latencyMs = 20 } = {}) {
	const points = Object.values(series).flatMap((s) => s.points);
	const ns = points.map((p) => p.n);
	const secs = points.map((p) => p.seconds).filter((s) => s > 0);
	const xMin = Math.floor(Math.log10(Math.min(100, ...ns)));
	const xMax = Math.ceil(Math.log10(Math.max(10000, ...ns)));
	const yMin = Math.floor(Math.log10(Math.min(1, ...secs)));
	const yMax = Math.ceil(Math.log10(Math.max(10, ...secs)));
	const pw = W - M.left - M.right;
	const ph = H - M.top - M.bottom;
	// A little room left and right of the outer decades, so points do not sit on the frame.
	const xLo = xMin - 0.12;
	const xHi = xMax + 0.12;
	const x = (n) => M.left + ((Math.log10(n) - xLo) / (xHi - xLo)) * pw;
	const y = (s) => M.top + ph - ((Math.log10(s) - yMin) / (yMax - yMin || 1)) * ph;

	const out = [];
	out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif" font-size="12">`);
	out.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
	out.push(`<text x="${W / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">Mark Unread: execution time against N (log-log)</text>`);
	out.push(`<text x="${W / 2}" y="38" text-anchor="middle" fill="#555">real n8n, Bitrix24 emulator with ${latencyMs} ms latency and the standard limit (burst 50, 2 requests/s)</text>`);

	// Grid and axes.
	for (let e = yMin; e <= yMax; e++) {
		const yy = y(10 ** e).toFixed(1);
		out.push(`<line x1="${M.left}" y1="${yy}" x2="${W - M.right}" y2="${yy}" stroke="#ddd"/>`);
		out.push(`<text x="${M.left - 8}" y="${yy}" text-anchor="end" dominant-baseline="middle">${esc(fmtSeconds(10 ** e))}</text>`);
		if (e < yMax) {
			for (let k = 2; k <= 9; k++) {
				const ym = y(k * 10 ** e).toFixed(1);
				out.push(`<line x1="${M.left}" y1="${ym}" x2="${W - M.right}" y2="${ym}" stroke="#f2f2f2"/>`);
			}
		}
	}
	for (let e = xMin; e <= xMax; e++) {
		const xx = x(10 ** e).toFixed(1);
		out.push(`<line x1="${xx}" y1="${M.top}" x2="${xx}" y2="${M.top + ph}" stroke="#ddd"/>`);
		out.push(`<text x="${xx}" y="${M.top + ph + 18}" text-anchor="middle">${(10 ** e).toLocaleString('en-US')}</text>`);
	}
	out.push(`<rect x="${M.left}" y="${M.top}" width="${pw}" height="${ph}" fill="none" stroke="#333"/>`);
	out.push(`<text x="${M.left + pw / 2}" y="${M.top + ph + 38}" text-anchor="middle">N (items, log scale)</text>`);
	out.push(`<text transform="translate(18 ${M.top + ph / 2}) rotate(-90)" text-anchor="middle">execution time (log scale)</text>`);

	// Series.
	let legendY = H - 46;
	for (const [key, s] of Object.entries(series)) {
		const color = COLORS[key] || '#000';
		const pts = s.points.filter((p) => p.seconds > 0).sort((p, q) => p.n - q.n);
		if (pts.length > 1) {
			out.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${pts.map((p) => `${x(p.n).toFixed(1)},${y(p.seconds).toFixed(1)}`).join(' ')}"/>`);
		}
		for (const p of pts) {
			const px = x(p.n).toFixed(1);
			const py = y(p.seconds).toFixed(1);
			out.push(`<circle cx="${px}" cy="${py}" r="4" fill="${color}"><title>${esc(`${s.label}: N = ${p.n}, ${p.seconds.toFixed(2)} s`)}</title></circle>`);
			const right = Number(px) > M.left + pw * 0.85; // label on the left of points near the right edge
			out.push(`<text x="${(Number(px) + (right ? -7 : 7)).toFixed(1)}" y="${(Number(py) + (key === 'b' ? 15 : -7)).toFixed(1)}" text-anchor="${right ? 'end' : 'start'}" fill="${color}" font-size="11">${esc(p.seconds < 10 ? p.seconds.toFixed(1) : p.seconds.toFixed(0))} s</text>`);
		}
		out.push(`<line x1="${M.left}" y1="${legendY}" x2="${M.left + 24}" y2="${legendY}" stroke="${color}" stroke-width="2"/>`);
		out.push(`<circle cx="${M.left + 12}" cy="${legendY}" r="4" fill="${color}"/>`);
		const missing = pts.length === 0 ? ' (not run)' : '';
		out.push(`<text x="${M.left + 32}" y="${legendY}" dominant-baseline="middle">${esc(s.label + missing)}</text>`);
		legendY += 16;
	}
	out.push('</svg>');
	return `${out.join('\n')}\n`;
}

module.exports = { renderChart };
