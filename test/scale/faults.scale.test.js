'use strict';
/*
 * A worker killed (SIGKILL) while it runs a Mark Unread (safe to repeat) and a Message → Send (not safe to repeat),
 * each in the middle of a batch: the portal runs the batch in flight, its answer is lost with the worker. The worker
 * comes back (same n8n folder, as a service or a container with its volume would).
 *
 * What n8n 2.41 does then (it never runs a job again whose worker died: Bull's maxStalledCount is 0):
 * 1. The restarted worker reads its event log and marks each execution it was running "crashed" ("Workflow did not
 *    finish, possible out-of-memory issue", the Action node "Node crashed"), and n8n starts the Error Workflow.
 * 2. When the job's lock has expired (60 s) a worker's stalled check (every 30 s) fails the job, and the main process
 *    records the execution again, now as "error" ("This execution failed to be processed too many times ...", the run
 *    data gone), and starts the Error Workflow once more.
 * The Mark Unread workflow's Error Workflow runs it again (an HTTP Request to its webhook): harmless however often,
 * since marking again leaves the same state, and afterwards nothing is lost. The Send workflow has none: nothing is
 * posted twice, and the texts after the lost batch are not posted at all.
 */
const { chainedWorkflow } = require('../../scripts/lib/n8n');
const { STANDARD, commandsOf } = require('./helpers/portal');
const { useQueueCluster, publishAll, itemsOnWebhook, markUnread, sendMessage, uniqueTexts, waitFor, sleep, waitForExecutions } = require('./helpers/cluster');

const STALLED = 'This execution failed to be processed too many times and will no longer retry.';
// Each request takes a second on the way, so the kill lands while one of each workflow is in flight.
const SLOW_MS = 1000;
const markItems = Array.from({ length: 1000 }, (_, i) => ({ dialogId: ['chat1', 'chat2', 'sg5'][i % 3], messageId: 700_000 + i }));
const texts = uniqueTexts('scale fault send', 200);

describe('a worker killed in the middle of a batch', () => {
	let emu;
	let cluster;
	useQueueCluster(
		'faults',
		{
			workers: 2,
			emulator: { rateLimit: STANDARD },
			start: false,
			prepare: async ({ cluster: c }) => {
				// Error Trigger → POST to the failed workflow's own webhook (its path is its id): it runs again from the start.
				const recovery = chainedWorkflow({
					id: 'runAgain',
					name: 'scale run a failed workflow again',
					trigger: { name: 'Error Trigger', type: 'n8n-nodes-base.errorTrigger', typeVersion: 1, parameters: {} },
					nodes: [
						{
							name: 'Run Again',
							type: 'n8n-nodes-base.httpRequest',
							typeVersion: 4.2,
							parameters: { method: 'POST', url: `=http://127.0.0.1:${c.main.port}/webhook/{{ $json.workflow.id }}`, options: {} },
						},
					],
				});
				await publishAll(c, [
					recovery,
					itemsOnWebhook('markFault', markItems, markUnread(), { errorWorkflow: 'runAgain' }),
					itemsOnWebhook('sendFault', texts.map((text) => ({ dialogId: 'chat2', text })), sendMessage()),
				]);
			},
		},
		(ready) => ({ emu, cluster } = ready),
	);

	test('n8n reports both executions lost; Mark Unread loses nothing once its Error Workflow ran it again; Send posts nothing twice', async () => {
		await cluster.startMain();
		await cluster.startWorker(0); // alone, so it takes both executions
		emu.setLatency(SLOW_MS);
		for (const id of ['markFault', 'sendFault']) expect((await cluster.webhook(id)).status).toBe(200);
		const batchesOf = (method) => emu.log.filter((e) => e.method === 'batch' && e.batchCommands.some((c) => c.method === method));
		await waitFor('both workflows in the middle of their batches', async () => batchesOf('im.dialog.unread').length >= 1 && batchesOf('im.message.add').length >= 1, {
			timeoutMs: 120_000,
			everyMs: 100,
		});
		await sleep(SLOW_MS / 2);
		const killedAt = Date.now();
		await cluster.stopWorker(0, { signal: 'SIGKILL' });
		await sleep(SLOW_MS + 500);
		// Both workflows had a batch on the way: the portal ran it after the worker was gone.
		const ranAfterTheKill = (method) => batchesOf(method).filter((e) => e.at > killedAt);
		for (const method of ['im.dialog.unread', 'im.message.add']) expect(ranAfterTheKill(method)).toHaveLength(1);
		emu.setLatency(0);
		// A deployment brings the worker back; the other one was not running.
		await Promise.all([cluster.startWorker(0), cluster.startWorker(1)]);

		// n8n reports each execution as crashed, then as failed; the Error Workflow runs Mark Unread again each time.
		const seen = new Map(); // "<workflow> <status>" -> seconds after the kill, when first seen
		const failed = await waitFor(
			'both executions recorded as failed',
			async () => {
				const list = (await cluster.executions()).filter((e) => e.workflowId !== 'runAgain');
				for (const e of list) if (!seen.has(`${e.workflowId} ${e.status}`)) seen.set(`${e.workflowId} ${e.status}`, (Date.now() - killedAt) / 1000);
				const lost = list.filter((e) => e.id === list.find((first) => first.workflowId === e.workflowId).id);
				return lost.length === 2 && lost.every((e) => e.status === 'error') ? lost : null;
			},
			{ timeoutMs: 5 * 60_000, everyMs: 1000 },
		);
		for (const lost of failed) {
			expect(lost.data.resultData.error.message).toContain(STALLED);
			expect(lost.data.resultData.runData).toEqual({});
		}
		expect(seen.has('markFault crashed') && seen.has('sendFault crashed')).toBe(true);
		// Once for "crashed", once for "error": the Error Workflow ran twice, and Mark Unread twice more.
		const recoveries = await waitForExecutions(cluster, 2, { workflowId: 'runAgain' });
		const runs = await waitForExecutions(cluster, 3, { workflowId: 'markFault' });
		await sleep(5000); // nothing more comes
		const unread = commandsOf(emu.log, 'im.dialog.unread').filter((c) => c.ok);
		const times = new Map(markItems.map(({ dialogId, messageId }) => [`${dialogId}|${messageId}`, 0]));
		for (const { params } of unread) {
			const key = `${params.DIALOG_ID}|${params.MESSAGE_ID}`;
			times.set(key, times.get(key) + 1);
		}
		expect([...times].filter(([, n]) => n === 0)).toEqual([]); // nothing lost

		const posted = emu.messagesOf('chat2').map((m) => m.text).filter((text) => texts.includes(text));
		expect(new Set(posted).size).toBe(posted.length); // nothing posted twice
		expect(posted).toEqual(texts.slice(0, posted.length)); // in order, up to the lost batch (it ran)
		expect(posted.length % 50).toBe(0);
		expect(posted.length).toBeLessThan(texts.length); // the rest never went out

		expect((await cluster.executions({ workflowId: 'runAgain', withData: false })).map((e) => [e.mode, e.status])).toEqual(recoveries.map(() => ['error', 'success']));
		expect((await cluster.executions({ workflowId: 'markFault', withData: false })).map((e) => [e.mode, e.status])).toEqual([
			['webhook', 'error'],
			['webhook', 'success'],
			['webhook', 'success'],
		]);
		expect((await cluster.executions({ workflowId: 'sendFault', withData: false })).map((e) => e.status)).toEqual(['error']);
		expect(recoveries).toHaveLength(2);
		expect(runs).toHaveLength(3);

		const most = Math.max(...times.values());
		process.stderr.write(
			`[scale faults] worker killed with a batch of each in flight; seconds after the kill: ${[...seen].map(([k, t]) => `${k} ${t.toFixed(0)}`).join(', ')}; ` +
				`Error Workflow runs ${recoveries.length}; Mark Unread: ${markItems.length} of ${markItems.length} marked, each at most ${most} times; ` +
				`Send: ${posted.length} of ${texts.length} posted, none twice\n`,
		);
	});
});
