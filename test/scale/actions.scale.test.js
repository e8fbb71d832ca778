'use strict';
/*
 * The action node in n8n's queue mode: seven workflows started at once through the main process's webhooks run on two
 * workers (five executions each at most, so both take some) against one standard-plan portal (50 at once, then 2 a
 * second). Each worker has its own rate limiter; they share nothing but the portal's answers.
 *
 * Every item must be done exactly once (from the portal's log), no execution may fail, and the portal's 503s must stay
 * a small share of the requests. The throughput against the portal's bound is reported, not asserted (it is a speed).
 */
const { useQueueCluster, publishAll, itemsOnWebhook, markUnread, sendMessage, uniqueTexts, waitForExecutions, executionsPerWorker } = require('./helpers/cluster');
const { STANDARD, commandsOf, notExactlyOnce, throughput } = require('./helpers/portal');

const MARK_WORKFLOWS = 5;
const MARK_ITEMS = 1000;
const SEND_WORKFLOWS = 2;
const SEND_ITEMS = 200;
const DIALOGS = ['chat1', 'chat2', 'sg5', '2', '3'];

const markItems = Array.from({ length: MARK_WORKFLOWS }, (_, w) =>
	Array.from({ length: MARK_ITEMS }, (_, i) => ({ dialogId: DIALOGS[i % DIALOGS.length], messageId: 100_000 * (w + 1) + i })),
);
const texts = Array.from({ length: SEND_WORKFLOWS }, (_, w) => uniqueTexts(`scale send ${w + 1}`, SEND_ITEMS));
const workflows = [
	...markItems.map((items, w) => itemsOnWebhook(`mark${w + 1}`, items, markUnread())),
	...texts.map((list, w) => itemsOnWebhook(`send${w + 1}`, list.map((text) => ({ dialogId: 'chat2', text })), sendMessage())),
];

describe('Mark Unread and Send in queue mode: a main process, two workers, one portal', () => {
	let emu;
	let cluster;
	useQueueCluster(
		'actions',
		{ workers: 2, concurrency: 5, emulator: { rateLimit: STANDARD, latencyMs: 20 }, prepare: async ({ cluster: c }) => await publishAll(c, workflows) },
		(ready) => ({ emu, cluster } = ready),
	);

	test('5 × 1,000 Mark Unread and 2 × 200 Send started at once: every item done exactly once, no execution failed', async () => {
		emu.reset(); // the portal's bucket empty, its log from here
		const answers = await Promise.all(workflows.map((wf) => cluster.webhook(wf.id)));
		expect(answers.map((a) => a.status)).toEqual(workflows.map(() => 200));

		const executions = await waitForExecutions(cluster, workflows.length);
		expect(executions.map((e) => [e.workflowId, e.mode, e.status]).sort()).toEqual(workflows.map((wf) => [wf.id, 'webhook', 'success']).sort());
		const perWorker = executionsPerWorker(cluster);
		expect(perWorker.every((n) => n > 0)).toBe(true);

		const unread = commandsOf(emu.log, 'im.dialog.unread');
		const wantedMarks = markItems.flat().map(({ dialogId, messageId }) => `${dialogId}|${messageId}`);
		expect(notExactlyOnce(unread, wantedMarks, (p) => `${p.DIALOG_ID}|${p.MESSAGE_ID}`)).toEqual([]);
		expect(unread.filter((c) => !c.ok)).toEqual([]);

		const posted = emu.messagesOf('chat2').map((m) => m.text);
		const wantedTexts = texts.flat();
		expect(notExactlyOnce(posted.map((text) => ({ ok: true, params: { text } })), wantedTexts, (p) => p.text)).toEqual([]);

		const stats = throughput(emu.log, STANDARD);
		process.stderr.write(
			`[scale actions] ${stats.commands} commands in ${stats.accepted} requests, ${stats.refused} refused with 503 ` +
				`(${(stats.refusedShare * 100).toFixed(1)}% of ${stats.requests}); ${stats.spanSeconds.toFixed(1)} s from the first request ` +
				`to the last accepted one, the portal's bound ${stats.boundSeconds.toFixed(1)} s: ${(stats.ratio * 100).toFixed(1)}% of the bound, ` +
				`${stats.commandsPerSecond.toFixed(0)} commands/s; executions per worker ${perWorker.join(' + ')}\n`,
		);
		expect(stats.accepted).toBe((MARK_WORKFLOWS * MARK_ITEMS + SEND_WORKFLOWS * SEND_ITEMS) / 50); // full batches only
		expect(stats.refusedShare).toBeLessThan(0.15);
	});
});
