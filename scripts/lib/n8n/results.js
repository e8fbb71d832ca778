'use strict';
/*
 * Reading what `n8n execute` produced: parseRunOutput() finds the IRun JSON in the command's output; outputOf(),
 * errorOf() and mustSucceed() read a run (printed, or stored: see database.js, same shape).
 */

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

module.exports = { parseRunOutput, outputOf, errorOf, mustSucceed };
