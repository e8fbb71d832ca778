'use strict';
/*
 * A running n8n (`n8n start`) with an owner account, and the editor's own REST API: what the browser test and the
 * example runs share. The owner is set up through /rest/owner/setup, as on a new n8n; workflows run as the editor
 * runs them (POST /rest/workflows/:id/run from a trigger: "Execute workflow", "Fetch Test Event"), and their
 * executions are read from n8n's database.
 */
const crypto = require('crypto');
const { outputOf } = require('../../../scripts/lib/n8n');
const { startN8n, waitFor, listExecutions } = require('./trigger');

const OWNER = { email: 'owner@example.com', firstName: 'E2E', lastName: 'Owner', password: 'Passw0rd-e2e-123' };

/** Starts n8n for `instance` and sets up its owner; resolves { base, api, runFrom, stop, output, owner }. */
async function startEditor(instance) {
	const server = startN8n(instance);
	const base = `http://127.0.0.1:${instance.port}`;
	const browserId = crypto.randomUUID();
	await waitFor(
		'n8n to answer',
		async () => {
			try {
				return (await fetch(`${base}/healthz/readiness`)).ok;
			} catch {
				return false;
			}
		},
		{ timeoutMs: 180_000, everyMs: 1000 },
	).catch((error) => {
		throw new Error(`${error.message}\n${server.output().slice(-4000)}`);
	});
	const setup = await fetch(`${base}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', 'browser-id': browserId },
		body: JSON.stringify(OWNER),
	});
	if (setup.status !== 200) throw new Error(`owner setup: HTTP ${setup.status} ${await setup.text()}`);
	const cookie = (setup.headers.get('set-cookie') || '').split(';')[0];

	/** The editor's REST API as the owner: resolves the answer's `data`. */
	async function api(method, path, body) {
		const res = await fetch(`${base}/rest${path}`, {
			method,
			headers: { 'Content-Type': 'application/json', 'browser-id': browserId, cookie },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		if (!res.ok) throw new Error(`${method} /rest${path}: HTTP ${res.status} ${text}`);
		return text ? JSON.parse(text).data : undefined;
	}

	/** Runs a saved workflow from one of its triggers as the editor does, and resolves the finished execution. */
	async function runFrom(workflowId, triggerName, { timeoutMs = 120_000 } = {}) {
		const before = (await listExecutions(instance, workflowId)).length;
		await api('POST', `/workflows/${workflowId}/run`, { triggerToStartFrom: { name: triggerName } });
		return await executionAfter(workflowId, before, { timeoutMs });
	}

	/** The first execution of a workflow after the `before`-th, once it has finished. */
	async function executionAfter(workflowId, before, { timeoutMs = 120_000 } = {}) {
		const list = await waitFor(
			`an execution of ${workflowId}`,
			async () => {
				const all = await listExecutions(instance, workflowId);
				return all.length > before && !['running', 'new', 'waiting'].includes(all[before].status) ? all : null;
			},
			{ timeoutMs, everyMs: 1000 },
		);
		return list[before];
	}

	return { base, api, runFrom, executionAfter, stop: () => server.stop(), output: server.output, owner: OWNER, browserId };
}

/** The items a node of an execution output (first run, first output), as JSON. */
function nodeOutput(execution, nodeName) {
	return outputOf(execution, nodeName) || [];
}

module.exports = { startEditor, nodeOutput, OWNER };
