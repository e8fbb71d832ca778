'use strict';
/*
 * n8n instances for the end-to-end harness. createInstance(): a fresh n8n user folder (own sqlite DB, own ports)
 * with the packed package installed into <userFolder>/.n8n/nodes/node_modules/<package> as Community Nodes installs
 * it (packageTarball.js), where n8n loads community packages from. The package is packed once per process (or once
 * per test suite run: the e2e globalSetup packs it and names the tarball in E2E_PACKAGE_TARBALL). Each CLI command is a new n8n process (~3.5 s startup; the first command of an instance also runs
 * the DB migrations, ~6 s). Commands of one instance run one at a time; several instances can run in parallel.
 *
 * Gotchas handled here:
 * - NODE_ENV=test (jest sets it) silences n8n's logger, and with it the result JSON of `n8n execute`: it is
 *   removed from the environment of n8n commands, as are other N8N_*, DB_* and NODE_OPTIONS variables.
 * - When a run fails before any node starts, execute() reads the stored execution instead (database.js).
 * - Harmless noise in every command's output: "Failed to start Python task runner ... virtual environment is
 *   missing", "[license SDK] Skipping renewal ...".
 */

const fs = require('fs');
const fsp = require('fs/promises');
const os = require('os');
const path = require('path');
const net = require('net');
const { run, tail } = require('./processes');
const { ensureN8n, pathWithNode } = require('./provision');
const { readExecution } = require('./database');
const { parseRunOutput, outputOf, errorOf } = require('./results');
const { packPackage, installTarball, REPO_ROOT } = require('./packageTarball');

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

const tarballs = new Map(); // package directory -> Promise of its packed tarball, one pack per process

/** The tarball of packageDir: the suite's (E2E_PACKAGE_TARBALL) for this repository, else packed once here. */
function tarballOf(packageDir) {
	if (path.resolve(packageDir) === REPO_ROOT && process.env.E2E_PACKAGE_TARBALL) return Promise.resolve(process.env.E2E_PACKAGE_TARBALL);
	if (!tarballs.has(packageDir)) {
		if (!fs.existsSync(path.join(packageDir, 'dist'))) throw new Error(`${path.join(packageDir, 'dist')} does not exist: run \`npm run build\` first`);
		const destDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-pack-'));
		process.once('exit', () => fs.rmSync(destDir, { recursive: true, force: true }));
		tarballs.set(packageDir, packPackage(packageDir, destDir).then((packed) => packed.tarball));
	}
	return tarballs.get(packageDir);
}

/**
 * Create a fresh n8n user folder with the packed package installed as a community package.
 *
 * @param {object} opts
 * @param {string} [opts.tarball]     the packed package to install (default: packageDir, packed)
 * @param {string} [opts.packageDir]  repository root holding package.json + dist/ (default: this repo)
 * @param {string} [opts.name]        label used in the temp folder name
 * @param {object} [opts.env]         extra environment variables for every n8n command
 * @param {string} [opts.baseDir]     where to create the user folder (default os.tmpdir())
 * @param {boolean} [opts.installPackage=true] set false to get a bare n8n
 * @param {(s: string) => void} [opts.log]
 */
async function createInstance({ tarball, packageDir = REPO_ROOT, name = 'e2e', env: extraEnv = {}, baseDir = os.tmpdir(), installPackage = true, log = () => {} } = {}) {
	const { nodeBin, n8nBin, cacheDir } = await ensureN8n({ log });
	fs.mkdirSync(baseDir, { recursive: true });
	const userFolder = await fsp.mkdtemp(path.join(baseDir, `n8n-e2e-${String(name).replace(/[^\w.-]+/g, '_')}-`));
	const n8nDir = path.join(userFolder, '.n8n');
	const scratchDir = path.join(userFolder, 'scratch');
	fs.mkdirSync(scratchDir, { recursive: true });

	if (installPackage) await installTarball(tarball || (await tarballOf(packageDir)), n8nDir);

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
			return readExecution({ nodeBin, cacheDir, userFolder, env }, { workflowId, executionId });
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

module.exports = { createInstance, freePort, ENCRYPTION_KEY };
