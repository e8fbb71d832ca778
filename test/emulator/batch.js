'use strict';
/**
 * `batch` like CRestProvider::methodsBatch: `cmd` (list or map) of "method?query" strings, `halt` with a PHP
 * bool cast, at most 50 executed commands, no nested batch, each sub-call re-checked with the outer
 * credential and counted for its own method's operating time. References like $result[key][0][ID]
 * (also $next, $total, $time, $error) are resolved against earlier commands.
 */
const { RestError, phpBool, phpMap } = require('./errors');
const { parseStr } = require('./parsing');

const BATCH_MAX_LENGTH = 50;
const REF_RE = /\$(result|next|total|time|error)((?:\[[^\]]*\])+)/g;

function lookupRef(results, kind, path) {
	const keys = path.slice(1, -1).split('][');
	let value = results[kind][keys[0]];
	for (const k of keys.slice(1)) {
		if (value === null || value === undefined || typeof value !== 'object') return undefined;
		value = value[k];
	}
	return value;
}

/** processBatchElement: an exact reference is replaced by its value, references inside text by scalars. */
function resolveRefs(value, results) {
	if (typeof value === 'string') {
		REF_RE.lastIndex = 0;
		const exact = /^\$(result|next|total|time|error)((?:\[[^\]]*\])+)$/.exec(value);
		if (exact) {
			const v = lookupRef(results, exact[1], exact[2]);
			return v === undefined ? value : v;
		}
		return value.replace(REF_RE, (all, kind, path) => {
			const v = lookupRef(results, kind, path);
			return typeof v === 'string' || typeof v === 'number' ? String(v) : all;
		});
	}
	if (Array.isArray(value)) return value.map((v) => resolveRefs(v, results));
	if (value && typeof value === 'object') {
		const out = {};
		for (const [k, v] of Object.entries(value)) out[k] = resolveRefs(v, results);
		return out;
	}
	return value;
}

function batchHandler(ctx) {
	const { emu, auth } = ctx;
	const upper = {};
	for (const [k, v] of Object.entries(ctx.params)) upper[k.toUpperCase()] = v;
	const halt = phpBool(upper.HALT);
	const cmd = upper.CMD && typeof upper.CMD === 'object' ? upper.CMD : {};
	const results = { result: {}, error: {}, total: {}, next: {}, time: {} };
	let count = 0;
	for (const [key, command] of Object.entries(cmd)) {
		const logItem = { key, method: null, params: {}, errorCode: null };
		if (ctx.batchLog) ctx.batchLog.push(logItem);
		if (count++ >= BATCH_MAX_LENGTH) {
			results.error[key] = { error: 'ERROR_BATCH_LENGTH_EXCEEDED', error_description: 'Max batch length exceeded' };
			logItem.errorCode = 'ERROR_BATCH_LENGTH_EXCEEDED';
			continue;
		}
		const text = typeof command === 'string' ? command : '';
		const q = text.indexOf('?');
		const method = (q < 0 ? text : text.slice(0, q)).trim().toLowerCase().replace(/\.json$/, '');
		const params = resolveRefs(parseStr(q < 0 ? '' : text.slice(q + 1)), results);
		delete params.auth;
		delete params.access_token;
		Object.assign(logItem, { method, params });
		let out;
		if (method === 'batch' || method === 'download' || method === 'upload') {
			out = { ok: false, error: new RestError('ERROR_BATCH_METHOD_NOT_ALLOWED', 'Method is not allowed for batch usage', 405) };
		} else {
			out = emu.callMethod(auth, method, params);
		}
		if (out.ok) {
			results.result[key] = out.result;
			if (out.total !== undefined) results.total[key] = out.total;
			if (out.next !== undefined) results.next[key] = out.next;
			results.time[key] = out.time;
		} else {
			results.error[key] = { error: out.error.code, error_description: out.error.description };
			logItem.errorCode = out.error.code;
			if (halt) break;
		}
	}
	return {
		result: phpMap(results.result),
		result_error: phpMap(results.error),
		result_total: phpMap(results.total),
		result_next: phpMap(results.next),
		result_time: phpMap(results.time),
	};
}

module.exports = {
	scope: null,
	upper: false,
	methods: { batch: { fn: batchHandler, noOperating: true } },
	BATCH_MAX_LENGTH,
};
