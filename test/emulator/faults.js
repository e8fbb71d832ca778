'use strict';
/** Faults injected on demand; each applies to the next `count` REST requests (optionally of one method). */

/** `reset` drops the connection before the call runs; `resetAfterApply` runs the call, then drops the answer. */
const KINDS = ['html500', 'emptyBody', 'reset', 'resetAfterApply', 'hang', 'overload', 'queryLimit', 'operationTimeLimit'];

class FaultQueue {
	constructor() {
		this.items = [];
	}

	add(kind, { count = 1, method } = {}) {
		if (!KINDS.includes(kind)) throw new Error(`Unknown fault kind "${kind}"; use one of ${KINDS.join(', ')}`);
		const n = Number(count);
		if (!(n > 0)) throw new Error('Fault count must be > 0');
		this.items.push({ kind, remaining: n, method: method ? String(method).toLowerCase().replace(/\.json$/, '') : null });
	}

	/** The kind of fault for a request to `method` (consumed), or null; explicitOnly skips method-less faults. */
	take(method, explicitOnly = false) {
		const i = this.items.findIndex((f) => (f.method === null && !explicitOnly) || f.method === method);
		if (i < 0) return null;
		const f = this.items[i];
		f.remaining -= 1;
		if (f.remaining <= 0) this.items.splice(i, 1);
		return f.kind;
	}

	pending() {
		return this.items.map((f) => ({ kind: f.kind, remaining: f.remaining, method: f.method }));
	}

	clear() {
		this.items = [];
	}
}

function resetConnection(req) {
	if (typeof req.socket.resetAndDestroy === 'function') req.socket.resetAndDestroy();
	else req.socket.destroy();
}

/** Writes the fault's answer; returns { status, errorCode } for the log (status 0 = no answer). */
function applyFault(kind, req, res, track) {
	const now = Math.floor(Date.now() / 1000);
	const json = (status, body) => {
		res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
		res.end(JSON.stringify(body));
		return { status, errorCode: body.error };
	};
	switch (kind) {
		case 'html500':
			res.writeHead(500, { 'Content-Type': 'text/html; charset=UTF-8' });
			res.end('<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head>'
				+ '<body><h1>Internal Server Error</h1><p>The server encountered an internal error.</p></body></html>');
			return { status: 500, errorCode: null };
		case 'emptyBody':
			res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': '0' });
			res.end();
			return { status: 200, errorCode: null };
		case 'reset':
			resetConnection(req);
			return { status: 0, errorCode: null };
		case 'hang':
			track(res);
			return { status: 0, errorCode: null };
		case 'overload':
			return json(503, { error: 'OVERLOAD_LIMIT', error_description: 'REST API is blocked due to overload.' });
		case 'queryLimit':
			return json(503, { error: 'QUERY_LIMIT_EXCEEDED', error_description: 'Too many requests' });
		case 'operationTimeLimit':
			return json(429, { error: 'OPERATION_TIME_LIMIT', error_description: 'Method is blocked due to operation time limit.',
				time: { operating_reset_at: now + 10 } });
		default:
			throw new Error(`Unknown fault ${kind}`);
	}
}

/**
 * Calls the portal refuses on purpose, inside `batch` too: a call of `method` whose parameters hold every entry of
 * `params` (keys case-insensitive, values compared as text) gets the given error instead of running. It stands in
 * for what a real portal refuses for reasons a test cannot easily arrange (a dialog the user lost access to).
 */
class Refusals {
	constructor() {
		this.rules = [];
	}

	add({ method, params = {}, code = 'ACCESS_ERROR', description = 'Refused by the test', status = 403 }) {
		if (!method) throw new Error('A refusal needs a method');
		const wanted = Object.entries(params).map(([key, value]) => [key.toUpperCase(), String(value)]);
		this.rules.push({ method: String(method).toLowerCase(), wanted, code, description, status: Number(status) });
	}

	/** The rule that refuses this call, or undefined. */
	match(method, params) {
		const upper = {};
		for (const [key, value] of Object.entries(params || {})) upper[key.toUpperCase()] = value;
		return this.rules.find((rule) => rule.method === method && rule.wanted.every(([key, value]) => String(upper[key]) === value));
	}

	clear() {
		this.rules = [];
	}
}

module.exports = { FaultQueue, Refusals, applyFault, resetConnection, KINDS };
