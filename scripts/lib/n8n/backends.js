'use strict';
/*
 * The two services n8n's queue mode needs, from Debian's packages: Redis (the queue) and PostgreSQL (the database the
 * main process and the workers share).
 *
 * - ensureBackends(): installs `redis-server` and `postgresql` with apt-get when their programs are missing (root only;
 *   `apt-get update` first if the install fails). Nothing is installed when both are there.
 * - startRedis() / startPostgres(): a throwaway server on a free loopback port, its data in a temporary directory,
 *   nothing persisted; stop() ends it and removes the directory. PostgreSQL refuses to run as root, so as root it runs
 *   as the `postgres` user its package creates.
 */

const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { run, startBackground, tail } = require('./processes');
const { freePort } = require('./instance');

const POSTGRES_LIB = '/usr/lib/postgresql';
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function onPath(name) {
	for (const dir of (process.env.PATH || '').split(path.delimiter)) {
		const file = path.join(dir || '.', name);
		if (fs.existsSync(file)) return file;
	}
	return null;
}

/** Where Debian puts PostgreSQL's server programs: /usr/lib/postgresql/<newest version>/bin. */
function postgresBinDir() {
	const versions = fs.existsSync(POSTGRES_LIB) ? fs.readdirSync(POSTGRES_LIB).filter((v) => /^\d+$/.test(v)) : [];
	const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
	const dir = newest && path.join(POSTGRES_LIB, newest, 'bin');
	if (dir && fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'postgres'))) return dir;
	const initdb = onPath('initdb');
	return initdb && fs.existsSync(path.join(path.dirname(fs.realpathSync(initdb)), 'postgres')) ? path.dirname(fs.realpathSync(initdb)) : null;
}

const missingPackages = () => [onPath('redis-server') ? null : 'redis-server', postgresBinDir() ? null : 'postgresql'].filter(Boolean);

/** Installs what is missing of Redis and PostgreSQL; resolves { installed: [packages], seconds }. */
async function ensureBackends({ log = () => {} } = {}) {
	const missing = missingPackages();
	if (missing.length === 0) return { installed: [], seconds: 0 };
	if (!isRoot()) throw new Error(`n8n's queue mode needs ${missing.join(' and ')}: install them (apt-get install ${missing.join(' ')}) or run as root`);
	const started = Date.now();
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const install = () => run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env, timeoutMs: 15 * 60 * 1000 });
	log(`[queue] installing ${missing.join(', ')} from Debian's packages`);
	let r = await install();
	if (r.code !== 0) {
		await run('apt-get', ['update'], { env, timeoutMs: 10 * 60 * 1000 });
		r = await install();
	}
	if (r.code !== 0 || missingPackages().length > 0) throw new Error(`apt-get install ${missing.join(' ')} failed (exit ${r.code}):\n${tail(r.stdout + r.stderr)}`);
	const seconds = (Date.now() - started) / 1000;
	log(`[queue] installed ${missing.join(', ')} in ${seconds.toFixed(1)} s`);
	return { installed: missing, seconds };
}

/** A temporary directory for one server; as root, owned by `owner` ({ uid, gid }). */
function serverDir(baseDir, name, owner) {
	const dir = fs.mkdtempSync(path.join(baseDir, `${name}-`));
	if (owner) fs.chownSync(dir, owner.uid, owner.gid);
	return dir;
}

function stopper(server, dir, signal) {
	return async () => {
		await server.stop({ signal, graceMs: 15_000 });
		fs.rmSync(dir, { recursive: true, force: true });
	};
}

/** Redis on 127.0.0.1:<free port>, without persistence. Resolves { host, port, output(), stop() }. */
async function startRedis({ baseDir = os.tmpdir() } = {}) {
	const dir = serverDir(baseDir, 'redis');
	const port = await freePort();
	const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no'];
	const server = startBackground(onPath('redis-server') || 'redis-server', args, { cwd: dir });
	const stop = stopper(server, dir, 'SIGTERM');
	await server.waitForOutput(/Ready to accept connections/, { timeoutMs: 60_000, what: 'Redis to start' }).catch(async (e) => {
		await stop();
		throw e;
	});
	return { host: '127.0.0.1', port, output: server.output, stop };
}

function postgresUser() {
	const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
	const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
	return { uid, gid };
}

/**
 * PostgreSQL on 127.0.0.1:<free port>, a fresh cluster (user `postgres`, trusted on loopback, durability off: it is
 * thrown away). Resolves { host, port, user, database, output(), stop() }.
 */
async function startPostgres({ baseDir = os.tmpdir() } = {}) {
	const bin = postgresBinDir();
	if (!bin) throw new Error('PostgreSQL is not installed: call ensureBackends() first');
	const owner = isRoot() ? postgresUser() : undefined;
	const dir = serverDir(baseDir, 'postgres', owner);
	const data = path.join(dir, 'data');
	const init = await run(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'], {
		cwd: dir,
		...owner,
		timeoutMs: 120_000,
	});
	if (init.code !== 0) throw new Error(`initdb failed (exit ${init.code}):\n${tail(init.stdout + init.stderr)}`);
	const port = await freePort();
	const settings = ['listen_addresses=127.0.0.1', 'unix_socket_directories=', 'fsync=off', 'synchronous_commit=off', 'full_page_writes=off'];
	const args = ['-D', data, '-p', String(port), ...settings.flatMap((s) => ['-c', s])];
	const server = startBackground(path.join(bin, 'postgres'), args, { cwd: dir, ...owner });
	// SIGINT is PostgreSQL's fast shutdown: it ends the sessions and stops at once.
	const stop = stopper(server, dir, 'SIGINT');
	await server.waitForOutput(/ready to accept connections/, { timeoutMs: 60_000, what: 'PostgreSQL to start' }).catch(async (e) => {
		await stop();
		throw e;
	});
	return { host: '127.0.0.1', port, user: 'postgres', database: 'postgres', output: server.output, stop };
}

module.exports = { ensureBackends, startRedis, startPostgres };
