'use strict';
/** Faults injected on demand; each applies to the next `count` REST requests (optionally of one method). */

const KINDS = ['html500', 'emptyBody', 'reset', 'hang', 'overload', 'queryLimit', 'operationTimeLimit'];

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
			if (typeof req.socket.resetAndDestroy === 'function') req.socket.resetAndDestroy();
			else req.socket.destroy();
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

module.exports = { FaultQueue, applyFault, KINDS };
