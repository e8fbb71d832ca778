'use strict';
/** The HTTP server: body reading, latency, routing to control, OAuth and REST, and clean shutdown. */
const http = require('node:http');
const { handleControl } = require('./control');
const { handleRest, sendJson } = require('./rest');
const { tokenEndpoint, authorizeEndpoint } = require('./oauth');
const { applyFault } = require('./faults');

// Room for im.v2.File.upload's largest file (100 MB, 140 MB as base64 in JSON).
const MAX_BODY = 160 * 1024 * 1024;

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		let size = 0;
		req.on('data', (c) => {
			size += c.length;
			if (size > MAX_BODY) {
				reject(new Error('Request body too large'));
				req.destroy();
				return;
			}
			chunks.push(c);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

function handleToken(emu, req, res, url, body) {
	const entry = { seq: 0, at: Date.now(), httpMethod: req.method, path: url.pathname, method: 'oauth.token', params: {},
		auth: 'none', userId: null, status: 0, errorCode: null };
	const fault = emu.faults.take('oauth.token', true);
	if (fault) {
		const r = applyFault(fault, req, res, (hung) => emu.trackHanging(hung));
		emu.record(Object.assign(entry, r, { fault }));
		return;
	}
	const out = tokenEndpoint(emu, req, url, body);
	Object.assign(entry, { params: out.params, status: out.status, errorCode: out.body.error || null,
		userId: out.body.user_id || null });
	emu.record(entry);
	sendJson(res, out.status, out.body);
}

async function onRequest(emu, req, res) {
	const url = new URL(req.url, 'http://127.0.0.1');
	const body = await readBody(req);
	if (url.pathname.startsWith('/_emulator/')) return handleControl(emu, req, res, url, body);
	if (req.method === 'OPTIONS') {
		res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*',
			'Access-Control-Allow-Methods': 'GET, POST, OPTIONS' });
		return res.end();
	}
	await emu.sleep(emu.latencyMs);
	if (emu.closed) return undefined;
	const path = url.pathname;
	if (/^\/oauth\/token\/?$/.test(path)) return handleToken(emu, req, res, url, body);
	if (/^\/oauth\/authorize\/?$/.test(path)) return authorizeEndpoint(emu, req, res, url);
	if (path.startsWith('/rest/')) return handleRest(emu, req, res, url, body);
	if (path === '/' || path === '') return sendJson(res, 200, emu.info());
	res.writeHead(404, { 'Content-Type': 'text/html; charset=UTF-8' });
	return res.end('<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>');
}

function createServer(emu) {
	const server = http.createServer((req, res) => {
		onRequest(emu, req, res).catch((err) => {
			if (!res.headersSent && !res.destroyed) {
				sendJson(res, 500, { error: 'INTERNAL_SERVER_ERROR', error_description: String(err.message || err) });
			}
		});
	});
	server.keepAliveTimeout = 5000;
	return server;
}

module.exports = { createServer };
