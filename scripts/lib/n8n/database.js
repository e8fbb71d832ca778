'use strict';
/*
 * SQLite access to an instance's n8n database (<userFolder>/.n8n/database.sqlite), read-only, through n8n's own
 * sqlite3 and flatted under the cached Node 24.
 *
 * When a run fails before any node starts (e.g. WorkflowHasIssuesError: a required parameter is missing),
 * `n8n execute` prints only "No active execution found"; the instance's execute() then reads the stored execution
 * from here (`runFromDb: true`), so errorOf(run) still gives the real error.
 */

const path = require('path');
const { run } = require('./processes');

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
 * The newest stored execution (of a workflow, or by id) as { id, workflowId, data, status, ... } - the same shape as
 * the IRun printed by `n8n execute` - or null. `instance`: { nodeBin, cacheDir, userFolder, env } of an instance.
 */
async function readExecution({ nodeBin, cacheDir, userFolder, env }, { workflowId = '', executionId = '' } = {}) {
	const dbFile = path.join(userFolder, '.n8n', 'database.sqlite');
	const r = await run(nodeBin, ['-e', READ_EXECUTION_SCRIPT, dbFile, String(workflowId), String(executionId)], {
		cwd: path.join(cacheDir, 'node_modules', 'n8n'),
		env,
		timeoutMs: 60 * 1000,
	});
	if (r.code !== 0) throw new Error(`reading the execution from n8n's database failed:\n${r.stderr}`);
	return JSON.parse(r.stdout.trim() || 'null');
}

module.exports = { readExecution };
