'use strict';
/*
 * End-to-end harness: runs this package inside a real n8n (npm `n8n@2.41.1`) on Node 24, headless, via the
 * n8n CLI (`import:credentials`, `import:workflow`, `execute --id`). Used by the end-to-end tests (test/e2e) and by
 * the demo and the benchmark (scripts/).
 *
 *   const { ensureN8n, createInstance, workflow, codeNode, outputOf, errorOf } = require('<repo>/scripts/lib/n8n');
 *   const n8n = await createInstance({ name: 'my-test' });   // calls ensureN8n() itself
 *   await n8n.importCredentials([{ id: 'cred1', name: 'B24', type: 'bitrix24WebhookApi', data: { webhookUrl } }]);
 *   await n8n.importWorkflow(workflow({ id: 'wf1', nodes: [codeNode('Items', [{ a: 1 }, { a: 2 }]), myNode] }));
 *   const { code, output, run } = await n8n.execute('wf1');
 *   outputOf(run, 'Bitrix24');  errorOf(run);  n8n.transcript();  await n8n.cleanup();
 *
 * One concern a module:
 * - provision.js: ensureN8n(), Node 24 + n8n installed once into a cache (with a lock).
 * - instance.js:  createInstance(), an n8n user folder with this package and its CLI commands.
 * - packageTarball.js: the package packed by `npm pack` and installed from the tarball as Community Nodes does.
 * - database.js:  executions read from an instance's SQLite database.
 * - results.js:   the run `n8n execute` printed, and what its nodes output.
 * - workflows.js: workflow and node builders.
 * - processes.js: spawning, process groups, timeouts and signals.
 * - queue.js:     createQueueCluster(), n8n in queue mode: a main process and workers sharing Redis and PostgreSQL.
 * - backends.js:  Redis and PostgreSQL from Debian's packages, installed when missing, run on loopback ports.
 *
 * Plain CommonJS on purpose (the TypeScript lint forbids process/setTimeout in .ts sources).
 */

const { N8N_VERSION, NODE_VERSION, PACKAGE_NAME } = require('./constants');
const { run, killTree, startBackground } = require('./processes');
const { ensureN8n, defaultCacheDir } = require('./provision');
const { createInstance, freePort, ENCRYPTION_KEY } = require('./instance');
const { packPackage, packedFiles, unpackTarball } = require('./packageTarball');
const { parseRunOutput, outputOf, errorOf, mustSucceed } = require('./results');
const { workflow, webhookWorkflow, chainedWorkflow, codeNode, markUnreadNode, MANUAL_TRIGGER_NAME, NODE_TYPE } = require('./workflows');
const { createQueueCluster } = require('./queue');
const { ensureBackends } = require('./backends');

module.exports = {
	ensureN8n,
	createInstance,
	createQueueCluster,
	ensureBackends,
	packPackage,
	packedFiles,
	unpackTarball,
	workflow,
	webhookWorkflow,
	chainedWorkflow,
	codeNode,
	markUnreadNode,
	outputOf,
	errorOf,
	mustSucceed,
	parseRunOutput,
	run,
	killTree,
	startBackground,
	freePort,
	defaultCacheDir,
	MANUAL_TRIGGER_NAME,
	N8N_VERSION,
	NODE_VERSION,
	PACKAGE_NAME,
	NODE_TYPE,
	ENCRYPTION_KEY,
};
