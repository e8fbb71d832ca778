'use strict';
/*
 * One measured run of the benchmark: a fresh emulator and a fresh n8n user folder, `n8n execute`, and the figures
 * (requests the emulator saw, time n8n recorded, time the emulator was busy, peak RSS of the n8n process).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { performance } = require('perf_hooks');

const { createInstance, packPackage } = require('../lib/n8n');
const { startEmulator } = require('../../test/emulator');
const { REPO_ROOT, CREDENTIAL_TYPE, say } = require('../lib/common');
const { LATENCY_MS, STANDARD_LIMIT, MEMORY_POLL_MS, expectedSeconds } = require('./settings');
const { benchWorkflow } = require('./workflows');

/** Time the emulator spends on requests: the union of [request received, response finished] intervals. */
function trackEmulatorBusy(server) {
	let intervals = [];
	server.prependListener('request', (req, res) => {
		if (req.url.startsWith('/_emulator/')) return;
		const start = performance.now();
		res.on('close', () => intervals.push([start, performance.now()]));
	});
	return {
		reset() {
			intervals = [];
		},
		busyMs() {
			const sorted = intervals.slice().sort((x, y) => x[0] - y[0]);
			let total = 0;
			let curStart = null;
			let curEnd = null;
			for (const [s, e] of sorted) {
				if (curEnd === null || s > curEnd) {
					if (curEnd !== null) total += curEnd - curStart;
					curStart = s;
					curEnd = e;
				} else if (e > curEnd) curEnd = e;
			}
			if (curEnd !== null) total += curEnd - curStart;
			return total;
		},
	};
}

/**
 * Peak RSS of the `n8n execute` process: finds it in /proc (cmdline `execute --id=<id>`, cwd = the user folder)
 * and samples VmHWM (the kernel's own high-water mark of its RSS) every 50 ms until it exits. Only the main n8n
 * process: the JS task runner that runs the Code node is a separate process and not included.
 */
function watchMemory(userFolder, workflowId) {
	let pid = null;
	let hwmKb = null;
	let stopped = false;
	const findPid = () => {
		for (const d of fs.readdirSync('/proc')) {
			if (!/^\d+$/.test(d)) continue;
			try {
				const cmd = fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0');
				if (!cmd.includes('execute') || !cmd.includes(`--id=${workflowId}`)) continue;
				if (fs.readlinkSync(`/proc/${d}/cwd`) !== userFolder) continue;
				return Number(d);
			} catch {
				/* process gone or not ours */
			}
		}
		return null;
	};
	const sample = () => {
		if (stopped) return;
		if (pid === null) pid = findPid();
		if (pid !== null) {
			try {
				const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
				const m = /VmHWM:\s+(\d+) kB/.exec(status);
				if (m) hwmKb = Math.max(hwmKb || 0, Number(m[1]));
			} catch {
				/* exited */
			}
		}
	};
	const timer = setInterval(sample, MEMORY_POLL_MS);
	return {
		stop() {
			sample();
			stopped = true;
			clearInterval(timer);
			return { pid, peakMb: hwmKb === null ? null : hwmKb / 1024 };
		},
	};
}

/** Successful im.dialog.unread executions the emulator saw: batch sub-commands without error, and direct 200s. */
function countMarked(log) {
	let ok = 0;
	const keys = new Set();
	for (const e of log) {
		if (e.method === 'batch' && e.status === 200) {
			for (const c of e.batchCommands || []) {
				if (c.method === 'im.dialog.unread' && !c.errorCode) {
					ok += 1;
					keys.add(c.key);
				}
			}
		} else if (e.method === 'im.dialog.unread' && e.status === 200) ok += 1;
	}
	return { ok, distinctBatchKeys: keys.size };
}

let packed; // the package packed once, so a concurrent `npm run build` cannot pull dist/ from under us

/** Packs the built package that every later run installs into n8n. */
async function snapshotPackage() {
	if (!fs.existsSync(path.join(REPO_ROOT, 'dist'))) throw new Error('dist/ is missing: run `npm run build` first (npm run bench does)');
	packed = await packPackage(REPO_ROOT, fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pkg-')));
	return packed.tarball;
}

/** Removes the packed package, if one was made. */
function removePackageSnapshot() {
	if (packed) fs.rmSync(path.dirname(packed.tarball), { recursive: true, force: true });
}

let runSeq = 0;

/**
 * One measured run: a fresh emulator (fresh bucket, seed state) and a fresh n8n user folder, then
 * `n8n execute`. Returns the figures; never throws for a failed workflow (status says so).
 */
async function measure({ n, variant, latencyMs = LATENCY_MS, rateLimit = STANDARD_LIMIT, nodeOptions, quiet = false, cpuProfileDir, expressionEngine }) {
	const id = `bench${variant}${n}r${++runSeq}`.slice(0, 21);
	const emu = await startEmulator({ port: 0, rateLimit, latencyMs });
	const busy = trackEmulatorBusy(emu.server);
	let instance;
	try {
		// cpuProfileDir: run n8n under V8's CPU profiler (--cpu-prof), which writes a .cpuprofile per process at exit.
		const env = cpuProfileDir ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${cpuProfileDir}` } : {};
		// expressionEngine: n8n's N8N_EXPRESSION_ENGINE; unset = n8n's default ('vm' in 2.41.1, isolated-vm).
		if (expressionEngine) env.N8N_EXPRESSION_ENGINE = expressionEngine;
		instance = await createInstance({ name: `bench-${variant}-${n}`, tarball: packed && packed.tarball, env });
		await instance.importCredentials([{ id: 'benchCred', name: 'Bitrix24 webhook', type: CREDENTIAL_TYPE, data: { webhookUrl: emu.webhooks.admin.url } }]);
		await instance.importWorkflow(benchWorkflow(id, n, variant, emu.webhooks.admin.url, nodeOptions));
		emu.clearLog();
		busy.reset();

		const expected = expectedSeconds(variant, n);
		const started = Date.now();
		const heartbeat = quiet
			? null
			: setInterval(() => {
				const secs = Math.round((Date.now() - started) / 1000);
				say(`      ... ${secs} s, ${emu.log.length} requests so far${expected > 60 ? ` (expect ~${Math.round(expected)} s + n8n startup)` : ''}`);
			}, 60000);
		const mem = watchMemory(instance.userFolder, id);
		let res;
		try {
			// Not instance.execute(): with 10,000 items n8n prints ~10 MB of result JSON and sometimes exits before
			// the pipe has it all; parsing a truncated result is slow. The execution stored in n8n's database is
			// complete, so read that instead.
			res = await instance.n8n(['execute', `--id=${id}`], { timeoutMs: Math.max(10 * 60 * 1000, expected * 3000 + 5 * 60 * 1000) });
		} finally {
			if (heartbeat) clearInterval(heartbeat);
		}
		const memory = mem.stop();
		const wallMs = Date.now() - started;

		const run = res.timedOut ? null : await instance.readExecution({ workflowId: id });
		const runData = run && run.data && run.data.resultData && run.data.resultData.runData;
		const nodeTask = runData && runData['Mark Unread'] && runData['Mark Unread'][0];
		const itemsTask = runData && runData.Items && runData.Items[0];
		const execMs = run && run.startedAt && run.stoppedAt ? Date.parse(run.stoppedAt) - Date.parse(run.startedAt) : null;
		const error = run && run.data && run.data.resultData && run.data.resultData.error;
		const outputCount = nodeTask && nodeTask.data && nodeTask.data.main && nodeTask.data.main[0] ? nodeTask.data.main[0].length : null;
		const restLog = emu.log.filter((e) => e.path && e.path.startsWith('/rest/'));
		const marked = countMarked(restLog);
		const ok = res.code === 0 && !error && (variant === 'idle' || variant === 'codeOnly' || outputCount === n);
		return {
			n,
			variant,
			ok,
			status: ok ? 'success' : `FAILED${error && error.message ? `: ${String(error.message).slice(0, 160)}` : ` (exit ${res.code}${res.timedOut ? ', timed out' : ''})`}`,
			requests: restLog.length,
			status503: restLog.filter((e) => e.status === 503).length,
			marked: marked.ok,
			distinctBatchKeys: marked.distinctBatchKeys,
			execMs,
			nodeMs: nodeTask ? nodeTask.executionTime : null,
			itemsNodeMs: itemsTask ? itemsTask.executionTime : null,
			emulatorBusyMs: busy.busyMs(),
			wallMs,
			peakMb: memory.peakMb,
			outputCount,
		};
	} finally {
		if (instance) await instance.cleanup().catch(() => {});
		await emu.close().catch(() => {});
	}
}

module.exports = { measure, snapshotPackage, removePackageSnapshot };
