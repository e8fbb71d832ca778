'use strict';
/**
 * The REST pipeline of one request: path and parameters, faults, the leaky bucket, authentication,
 * method lookup, scope, operating-time limit, the handler, the envelope and the log entry.
 * `callMethod` is the part shared with batch sub-calls.
 */
const { RestError, NavResult, RawBody, isoDate } = require('./errors');
const { parseRequestParams, upperKeys } = require('./parsing');
const { authenticate, checkScope } = require('./auth');
const { applyFault, resetConnection } = require('./faults');
const { isSignedLink, serveSignedLink } = require('./methods/botFiles');

/** '/rest/1/secret/im.dialog.unread.json' -> { kind, userId, secret, method, format } or null. */
function parseRestPath(pathname) {
	const parts = pathname.replace(/^\/rest\//, '').split('/').map((p) => decodeURIComponent(p));
	let target;
	if (parts.length === 3) target = { kind: 'webhook', userId: parts[0], secret: parts[1], name: parts[2] };
	else if (parts.length === 1) target = { kind: 'oauth', name: parts[0] };
	else return null;
	let name = target.name.toLowerCase();
	let format = 'json';
	const m = /\.(json|xml)$/.exec(name);
	if (m) {
		format = m[1];
		name = name.slice(0, -m[0].length);
	}
	return Object.assign(target, { method: name, format });
}

function timeBlock(startMs, finishMs, processingSec, op) {
	return {
		start: startMs / 1000, finish: finishMs / 1000, duration: (finishMs - startMs) / 1000, processing: processingSec,
		date_start: isoDate(startMs), date_finish: isoDate(finishMs), operating_reset_at: op.resetAt, operating: op.operating,
	};
}

/**
 * Runs one method for an authenticated caller. Returns { ok: true, result, next, total, time } or
 * { ok: false, error: RestError }. Never throws.
 */
function callMethod(emu, auth, method, rawParams, extra = {}) {
	const startMs = Date.now();
	const params = Object.assign({}, rawParams);
	try {
		const def = emu.methods.get(method);
		if (!def) throw new RestError('ERROR_METHOD_NOT_FOUND', 'Method not found!', 404);
		checkScope(auth, def.scope);
		const refusal = emu.refusals.match(method, params);
		if (refusal) throw new RestError(refusal.code, refusal.description, refusal.status);
		const opKey = `${auth.credentialKey}|${method}`;
		const blocked = def.noOperating ? null : emu.operating.check(opKey, startMs);
		if (blocked) {
			throw new RestError('OPERATION_TIME_LIMIT', 'Method is blocked due to operation time limit.', 429,
				{ time: { operating_reset_at: blocked.resetAt, operating: blocked.operating } });
		}
		let start = 0;
		if (params.start !== undefined) {
			start = Math.max(0, parseInt(params.start, 10) || 0);
			delete params.start;
		}
		const ctx = Object.assign({ params: def.upper ? upperKeys(params) : params, userId: auth.userId, auth, state: emu.state,
			emu, start, method }, extra);
		let out;
		try {
			out = def.fn(ctx);
		} finally {
			if (!def.noOperating) emu.operating.add(opKey, emu.operating.cost(method), Date.now());
		}
		const finishMs = Date.now();
		const cost = def.noOperating ? (finishMs - startMs) / 1000 : emu.operating.cost(method);
		const op = emu.operating.info(opKey, finishMs);
		const time = timeBlock(startMs, finishMs, cost, op);
		if (out instanceof NavResult) return { ok: true, result: out.result, next: out.next, total: out.total, time };
		return { ok: true, result: out === undefined ? null : out, time };
	} catch (err) {
		if (err instanceof RestError) return { ok: false, error: err };
		emu.onHandlerError(err);
		return { ok: false, error: new RestError('INTERNAL_SERVER_ERROR', 'Internal server error', 500) };
	}
}

function sendJson(res, status, body) {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': Buffer.byteLength(text),
		'Access-Control-Allow-Origin': '*',
	});
	res.end(text);
}

/** Handles one /rest/... request. `body` is the raw request body (Buffer). */
function handleRest(emu, req, res, url, body) {
	const target = parseRestPath(url.pathname);
	const params = parseRequestParams(url.search, body, req.headers['content-type']);
	const entry = { seq: 0, at: Date.now(), httpMethod: req.method, path: url.pathname, method: target ? target.method : null,
		params, auth: target ? (target.kind === 'webhook' ? 'webhook' : 'oauth') : 'none', userId: null, status: 0, errorCode: null };
	const fault = emu.faults.take(entry.method);
	// The call ran; its answer is lost on the way back.
	const loseAnswer = () => {
		entry.fault = fault;
		entry.answerLost = true;
		emu.record(entry);
		resetConnection(req);
	};
	const sendRaw = (logEntry, raw) => {
		logEntry.status = 200;
		if (fault === 'resetAfterApply') return loseAnswer();
		emu.record(logEntry);
		// A plain ASCII name for old clients, and the exact name in RFC 5987 form.
		const plain = raw.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
		res.writeHead(200, { 'Content-Type': raw.contentType, 'Content-Length': raw.buffer.length,
			'Content-Disposition': `attachment; filename="${plain}"; filename*=UTF-8''${encodeURIComponent(raw.name)}` });
		res.end(raw.buffer);
	};
	const finish = (status, responseBody) => {
		entry.status = status;
		entry.errorCode = responseBody && responseBody.error ? responseBody.error : null;
		if (fault === 'resetAfterApply') return loseAnswer();
		emu.record(entry);
		sendJson(res, status, responseBody);
	};

	if (fault && fault !== 'resetAfterApply') {
		entry.fault = fault;
		const r = applyFault(fault, req, res, (hung) => emu.trackHanging(hung));
		entry.status = r.status;
		entry.errorCode = r.errorCode;
		emu.record(entry);
		return;
	}
	if (!emu.bucket.take()) return finish(503, { error: 'QUERY_LIMIT_EXCEEDED', error_description: 'Too many requests' });
	if (!target || !target.method) return finish(404, { error: 'ERROR_METHOD_NOT_FOUND', error_description: 'Method not found!' });
	if (target.format === 'xml') return finish(400, { error: 'ERROR_TRANSPORT', error_description: 'Wrong transport!' });
	if (target.method === 'download' && isSignedLink(params)) {
		// An imbot.v2 File.download link carries its own one-time token, not a credential.
		entry.auth = 'none';
		const served = serveSignedLink(emu.state, params);
		return served instanceof RestError ? finish(served.status, served.body()) : sendRaw(entry, served);
	}

	let auth;
	try {
		auth = authenticate(emu.credentials, target, req.headers, params);
	} catch (err) {
		if (err.code === 'NO_AUTH_FOUND') entry.auth = 'none';
		return finish(err.status, err.body());
	}
	entry.userId = auth.userId;
	const extra = target.method === 'batch' ? { batchLog: (entry.batchCommands = []) } : {};
	const out = callMethod(emu, auth, target.method, params, extra);
	if (!out.ok) return finish(out.error.status, out.error.body());
	if (out.result instanceof RawBody) return sendRaw(entry, out.result);
	const envelope = { result: out.result };
	if (out.next !== undefined) envelope.next = out.next;
	if (out.total !== undefined) envelope.total = out.total;
	envelope.time = out.time;
	return finish(200, envelope);
}

module.exports = { handleRest, callMethod, NavResult, parseRestPath, timeBlock, sendJson };
