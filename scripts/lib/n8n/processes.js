'use strict';
/*
 * Process control for the end-to-end harness: run() spawns a command in its own process group and captures its
 * output; killTree() ends such a group. Live children are killed when this process gets SIGINT/SIGTERM/SIGHUP or
 * exits, so no n8n (or its task runner) outlives the tests or scripts that started it.
 */

const { spawn } = require('child_process');

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
 * everything it started (n8n spawns a task-runner child). `uid`/`gid` run it as another user (root only).
 * Resolves { code, signal, stdout, stderr, timedOut, durationMs }; never rejects for a non-zero exit.
 */
function run(cmd, args, { cwd, env, uid, gid, timeoutMs = 10 * 60 * 1000, onData, input } = {}) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		let child;
		try {
			child = spawn(cmd, args, {
				cwd,
				env,
				uid,
				gid,
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

/** The end of a command's output, for error messages. */
function tail(s, n = 4000) {
	return s.length > n ? `...${s.slice(-n)}` : s;
}

/**
 * A long-running command (a server, `n8n start`, `n8n worker`) in its own process group, killed with this process.
 * `uid`/`gid` run it as another user (root only). Returns { pid, output(), exited, running(), waitForOutput(re),
 * stop({ signal, graceMs }) }: stop() sends `signal` (SIGTERM) to the group and SIGKILL after `graceMs`; `exited`
 * resolves with { code, signal } once the command has ended.
 */
function startBackground(cmd, args, { cwd, env, uid, gid } = {}) {
	const child = spawn(cmd, args, { cwd, env, uid, gid, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	const waiters = new Set();
	const onData = (d) => {
		output += d;
		for (const waiter of waiters) waiter();
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	const onExit = () => killTree(child, 'SIGKILL');
	process.once('exit', onExit);
	track(child);
	let ended = false;
	const exited = new Promise((resolve) =>
		child.on('close', (code, signal) => {
			ended = true;
			process.removeListener('exit', onExit);
			untrack(child);
			try {
				process.kill(-child.pid, 'SIGKILL'); // grandchildren (n8n's task runner) of a parent that died abruptly
			} catch {
				/* group already empty */
			}
			for (const waiter of waiters) waiter();
			resolve({ code, signal });
		}),
	);
	return {
		pid: child.pid,
		exited,
		output: () => output,
		running: () => !ended,
		/** Resolves once the output matches `pattern`; rejects if the command ends or `timeoutMs` passes first. */
		waitForOutput(pattern, { timeoutMs = 180_000, what = String(pattern) } = {}) {
			return new Promise((resolve, reject) => {
				const timer = setTimeout(() => done(new Error(`timed out waiting for ${what}:\n${tail(output)}`)), timeoutMs);
				const check = () => {
					const match = pattern.exec(output);
					if (match) done(null, match);
					else if (ended) done(new Error(`the command ended before ${what}:\n${tail(output)}`));
				};
				const done = (error, match) => {
					clearTimeout(timer);
					waiters.delete(check);
					if (error) reject(error);
					else resolve(match);
				};
				waiters.add(check);
				check();
			});
		},
		async stop({ signal = 'SIGTERM', graceMs = 30_000 } = {}) {
			if (!ended) killTree(child, signal);
			const timer = setTimeout(() => killTree(child, 'SIGKILL'), graceMs);
			const result = await exited;
			clearTimeout(timer);
			return result;
		},
	};
}

module.exports = { sleep, pidAlive, killTree, run, startBackground, tail };
