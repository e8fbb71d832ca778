'use strict';
/*
 * n8n in queue mode for the end-to-end harness, as teams deploy it to scale out: one main process (`n8n start`: the
 * editor, the webhooks and the triggers, which put executions in the queue) and several workers (`n8n worker`: they
 * take executions from the queue and run them), with Redis as the queue and one PostgreSQL database (backends.js).
 *
 * Every process is an instance of its own (createInstance: its own user folder with this package in its nodes folder,
 * its own ports) with the same queue, database and encryption key. CLI commands (import, publish) go through the
 * main's instance and write to the shared database; start them before start().
 *
 *   const cluster = await createQueueCluster({ name: 'scale', workers: 2, concurrency: 5 });
 *   await cluster.main.importCredentials([...]); await cluster.main.importWorkflow(wf); await cluster.publish(wf.id);
 *   await cluster.start();                                  // main, then the workers, each ready
 *   await cluster.webhook('mark', { items });               // POST /webhook/mark to the main process
 *   await cluster.executions({ workflowId });               // from PostgreSQL, with their run data
 *   await cluster.stopWorker(0, { signal: 'SIGKILL' }); await cluster.startWorker(0);
 *   await cluster.cleanup();
 */

const fs = require('fs');
const os = require('os');
const path = require('path');
const { startBackground, tail } = require('./processes');
const { createInstance } = require('./instance');
const { ensureBackends, startRedis, startPostgres } = require('./backends');

const MAIN = 'main';

function queueEnv(redis, postgres) {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: '',
	};
}

/**
 * Redis, PostgreSQL and the n8n instances of one main process and `workers` workers (none started yet).
 * `concurrency`: executions each worker runs at once. `env`: more settings for every process.
 */
async function createQueueCluster({ name = 'queue', workers = 2, concurrency = 5, env = {}, packageDir, log = () => {} } = {}) {
	await ensureBackends({ log });
	const baseDir = fs.mkdtempSync(path.join(os.tmpdir(), `n8n-queue-${name}-`));
	fs.chmodSync(baseDir, 0o755); // PostgreSQL runs as its own user below it
	const [redis, postgres] = await Promise.all([startRedis({ baseDir }), startPostgres({ baseDir })]);
	const shared = { ...queueEnv(redis, postgres), ...env };
	const [main, ...workerInstances] = await Promise.all(
		[MAIN, ...Array.from({ length: workers }, (_, i) => `worker${i + 1}`)].map((role) =>
			createInstance({ name: `${name}-${role}`, env: shared, packageDir, baseDir }),
		),
	);
	const running = new Map(); // MAIN or a worker's index -> its process

	async function startProcess(key, instance, args, ready) {
		if (running.has(key)) throw new Error(`${key === MAIN ? 'the main process' : `worker ${key + 1}`} is already running`);
		const proc = startBackground(instance.nodeBin, [instance.n8nBin, ...args], { cwd: instance.userFolder, env: instance.env });
		running.set(key, proc);
		proc.exited.then(() => running.get(key) === proc && running.delete(key));
		await proc.waitForOutput(ready, { what: `n8n ${args[0]} to be ready` });
		return proc;
	}

	async function stopProcess(key, { signal = 'SIGTERM', graceMs = 60_000 } = {}) {
		const proc = running.get(key);
		if (!proc) return null;
		const result = await proc.stop({ signal, graceMs });
		running.delete(key);
		return { ...result, output: proc.output() };
	}

	let pg;
	async function query(sql, params = []) {
		pg = pg || require(path.join(main.cacheDir, 'node_modules', 'pg'));
		const client = new pg.Client({ host: postgres.host, port: postgres.port, user: postgres.user, database: postgres.database });
		await client.connect();
		try {
			return (await client.query(sql, params)).rows;
		} finally {
			await client.end();
		}
	}

	const cluster = {
		main,
		workers: workerInstances,
		redis,
		postgres,
		baseDir,
		query,
		/** Publishes a workflow (the CLI's publish:workflow): the main process activates it when it starts. */
		async publish(workflowId) {
			const r = await main.n8n(['publish:workflow', `--id=${workflowId}`]);
			if (r.code !== 0) throw new Error(`publish:workflow ${workflowId} failed (exit ${r.code}):\n${tail(r.output)}`);
		},
		/** `n8n start` in queue mode; resolves once it has activated the published workflows. */
		startMain: () => startProcess(MAIN, main, ['start'], /Editor is now accessible via/),
		stopMain: (options) => stopProcess(MAIN, options),
		/** `n8n worker` number `index` (from 0); resolves once it takes executions from the queue. */
		startWorker: (index) => startProcess(index, workerInstances[index], ['worker', `--concurrency=${concurrency}`], /n8n worker is now ready/),
		stopWorker: (index, options) => stopProcess(index, options),
		async start() {
			await cluster.startMain();
			await Promise.all(workerInstances.map((_, index) => cluster.startWorker(index)));
		},
		/** What a running process printed so far: `main` or a worker's index. */
		output: (key) => (running.get(key) ? running.get(key).output() : ''),
		/** POST a JSON body to a production webhook of the main process; resolves the response. */
		webhook: (webhookPath, body = {}) =>
			fetch(`http://127.0.0.1:${main.port}/webhook/${webhookPath}`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(body),
			}),
		/** Executions oldest first ({ id, workflowId, mode, status, startedAt, stoppedAt, retryOf, data }), from PostgreSQL. */
		async executions({ workflowId, withData = true } = {}) {
			const { parse } = require(path.join(main.cacheDir, 'node_modules', 'flatted'));
			const rows = await query(
				`SELECT e.id, e."workflowId", e.mode, e.status, e."startedAt", e."stoppedAt", e."retryOf"${withData ? ', d.data' : ''}
				 FROM execution_entity e ${withData ? 'LEFT JOIN execution_data d ON d."executionId" = e.id' : ''}
				 ${workflowId ? 'WHERE e."workflowId" = $1' : ''} ORDER BY e.id`,
				workflowId ? [workflowId] : [],
			);
			return rows.map((row) => ({ ...row, id: String(row.id), data: row.data ? parse(row.data) : null }));
		},
		async cleanup() {
			await Promise.allSettled([...running.keys()].map((key) => stopProcess(key, { graceMs: 20_000 })));
			await Promise.allSettled([main, ...workerInstances].map((instance) => instance.cleanup()));
			await Promise.allSettled([redis.stop(), postgres.stop()]);
			fs.rmSync(baseDir, { recursive: true, force: true });
		},
	};
	return cluster;
}

module.exports = { createQueueCluster };
