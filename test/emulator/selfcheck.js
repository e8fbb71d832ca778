#!/usr/bin/env node
'use strict';
/**
 * Self-check of the emulator over real HTTP (plain node, global fetch). Prints one line per check and
 * finally "N passed, N failed"; exits 1 when a check failed. Run: npm run test:emulator
 */
const assert = require('node:assert/strict');
const { startEmulator } = require('./index');

const groups = [
	require('./selfcheck/auth'),
	require('./selfcheck/parsing'),
	require('./selfcheck/dialog'),
	require('./selfcheck/methods'),
	require('./selfcheck/messenger'),
	require('./selfcheck/files'),
	require('./selfcheck/filesV2'),
	require('./selfcheck/messageSearch'),
	require('./selfcheck/notifications'),
	require('./selfcheck/departments'),
	require('./selfcheck/paging'),
	require('./selfcheck/batch'),
	require('./selfcheck/limits'),
	require('./selfcheck/oauth'),
	require('./selfcheck/faults'),
	require('./selfcheck/events'),
	require('./selfcheck/bots'),
	require('./selfcheck/botChats'),
	require('./selfcheck/botMessages'),
	require('./selfcheck/botEvents'),
	require('./selfcheck/openlines'),
];

/** One HTTP call. `json` -> JSON body, `form` -> urlencoded string body, `body` + `contentType` -> raw. */
async function http(url, { method = 'POST', json, form, body, contentType, headers = {}, timeoutMs = 5000, redirect } = {}) {
	const h = Object.assign({}, headers);
	let payload;
	if (json !== undefined) {
		payload = JSON.stringify(json);
		h['Content-Type'] = contentType || 'application/json';
	} else if (form !== undefined) {
		payload = form;
		h['Content-Type'] = contentType || 'application/x-www-form-urlencoded';
	} else if (body !== undefined) {
		payload = body;
		if (contentType) h['Content-Type'] = contentType;
	}
	const res = await fetch(url, { method, headers: h, body: method === 'GET' ? undefined : payload, redirect,
		signal: AbortSignal.timeout(timeoutMs) });
	const text = await res.text();
	let data = null;
	try {
		data = text ? JSON.parse(text) : null;
	} catch {
		data = null;
	}
	return { status: res.status, body: data, text, headers: res.headers };
}

function expectError(res, status, code) {
	assert.equal(res.status, status, `status ${res.status} (${res.text.slice(0, 200)})`);
	assert.equal(res.body && res.body.error, code, `error ${res.text.slice(0, 200)}`);
}

function expectOk(res) {
	assert.equal(res.status, 200, `status ${res.status}: ${res.text.slice(0, 300)}`);
	assert.ok(res.body && 'result' in res.body && res.body.time, `envelope: ${res.text.slice(0, 300)}`);
	return res.body.result;
}

/** JSON calls to the REST API: `call(method, json, url)` answers the raw response, `ok(...)` the checked result. */
function restClient(defaultUrl) {
	const call = (method, json = {}, url = defaultUrl) => http(`${url}${method}`, { json });
	const ok = async (method, json, url) => expectOk(await call(method, json, url));
	return { call, ok };
}

async function main() {
	let passed = 0;
	let failed = 0;
	const started = [];
	const t = {
		assert, http, expectError, expectOk, restClient,
		/** A fresh emulator (closed at the end); rate limit off unless given. */
		async emulator(options = {}) {
			const emu = await startEmulator(Object.assign({ port: 0, rateLimit: false }, options));
			started.push(emu);
			return emu;
		},
		async check(name, fn) {
			try {
				await fn();
				passed++;
				process.stdout.write(`  ok    ${name}\n`);
			} catch (err) {
				failed++;
				process.stdout.write(`  FAIL  ${name}\n        ${String(err && err.stack ? err.stack : err).split('\n').slice(0, 4).join('\n        ')}\n`);
			}
		},
	};
	for (const group of groups) {
		process.stdout.write(`${group.title}\n`);
		try {
			await group.run(t);
		} catch (err) {
			failed++;
			process.stdout.write(`  FAIL  (group aborted) ${err && err.stack ? err.stack : err}\n`);
		}
	}
	await Promise.all(started.map((emu) => emu.close()));
	process.stdout.write(`${passed} passed, ${failed} failed\n`);
	process.exitCode = failed ? 1 : 0;
}

main();
