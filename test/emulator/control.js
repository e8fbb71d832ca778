'use strict';
/** The out-of-process control API under /_emulator/ (never logged, never rate-limited). */
const { parseRequestParams } = require('./parsing');
const { KINDS } = require('./faults');

function send(res, status, body) {
	const text = JSON.stringify(body);
	res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
	res.end(text);
}

/** Parameters of a control call: JSON body, form body or query. */
function input(req, url, body) {
	const type = String(req.headers['content-type'] || '');
	if (body && body.length && !/json/i.test(type)) return parseRequestParams(url.search, body, type);
	let fromBody = {};
	if (body && body.length) {
		try {
			fromBody = JSON.parse(body.toString('utf8')) || {};
		} catch {
			fromBody = {};
		}
	}
	return Object.assign(Object.fromEntries(url.searchParams), fromBody);
}

function handleControl(emu, req, res, url, body) {
	const route = `${req.method} ${url.pathname.replace(/\/+$/, '')}`;
	const p = input(req, url, body);
	try {
		switch (route) {
			case 'GET /_emulator/state':
				return send(res, 200, emu.state);
			case 'GET /_emulator/info':
				return send(res, 200, emu.info());
			case 'GET /_emulator/log': {
				const since = Number(p.since || 0);
				return send(res, 200, since ? emu.log.filter((e) => e.seq > since) : emu.log);
			}
			case 'POST /_emulator/clear-log':
				emu.clearLog();
				return send(res, 200, { ok: true });
			case 'GET /_emulator/read-state':
				return send(res, 200, emu.readState(Number(p.userId), String(p.dialogId)));
			case 'GET /_emulator/counters':
				return send(res, 200, emu.countersOf(Number(p.userId || 1)));
			case 'GET /_emulator/messages':
				return send(res, 200, emu.messagesOf(String(p.dialogId), Number(p.userId || 1)));
			case 'POST /_emulator/reset':
				emu.reset();
				return send(res, 200, { ok: true });
			case 'POST /_emulator/expire-tokens':
				emu.expireAllTokens();
				return send(res, 200, { ok: true });
			case 'POST /_emulator/fault':
				emu.injectFault(p.kind, { count: p.count === undefined ? 1 : Number(p.count), method: p.method || undefined });
				return send(res, 200, { ok: true, pending: emu.faults.pending() });
			case 'POST /_emulator/refusal':
				emu.refuseCalls(p);
				return send(res, 200, { ok: true });
			case 'POST /_emulator/tokens': {
				const scopes = typeof p.scopes === 'string' ? p.scopes.split(',') : p.scopes;
				return send(res, 200, emu.issueTokens({ userId: Number(p.userId || 1), scopes: scopes || undefined }));
			}
			case 'POST /_emulator/authorization-code':
				return send(res, 200, { code: emu.issueAuthorizationCode({ userId: Number(p.userId || 1) }) });
			case 'POST /_emulator/openline-message':
				return send(res, 200, emu.openlineMessage(p));
			case 'GET /_emulator/bot-events':
				return send(res, 200, emu.botEventsOf(Number(p.botId)));
			case 'POST /_emulator/latency':
				emu.setLatency(Number(p.ms || 0));
				return send(res, 200, { ok: true });
			default:
				return send(res, 404, { error: 'NOT_FOUND', error_description: `Unknown control route ${route}`,
					faultKinds: KINDS });
		}
	} catch (err) {
		return send(res, 400, { error: 'BAD_REQUEST', error_description: err.message });
	}
}

module.exports = { handleControl };
