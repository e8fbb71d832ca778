'use strict';
/*
 * (a)'s run under V8's CPU profiler: the time of the node's step split into this package's code, garbage
 * collection, idle, and everything else.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const { say } = require('../lib/common');
const { UNLIMITED } = require('./settings');
const { measure } = require('./measure');
const { fmtInt } = require('./format');

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

module.exports = { profiledRun, describeProfile };
