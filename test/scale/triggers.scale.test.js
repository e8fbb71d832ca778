'use strict';
/*
 * Triggers in n8n's queue mode: the main process polls (a published polling trigger runs there, and only there) and
 * puts each emitted batch of events in the queue as an execution that a worker runs. While Send workflows post
 * messages on the workers, a worker and then the main process are restarted; every event must reach a workflow
 * exactly once, whichever process was down when it happened.
 *
 * TRIGGERS lists the triggers under test, each with its set-up (credentials, workflow) and a reader of the texts it
 * delivered; every text posted must be delivered once by each of them: the IM trigger polling on n8n's schedule (user
 * 2's queue), and the Chatbot trigger, long-running in the main process (a supervisor bot in the chat gets each message).
 */
const { chainedWorkflow, PACKAGE_NAME } = require('../../scripts/lib/n8n');
const { callAs } = require('../e2e/helpers/portal');
const { triggerWorkflow, triggerItems, eventGets } = require('../e2e/helpers/trigger');
const { STANDARD } = require('./helpers/portal');
const { useQueueCluster, publishAll, itemsOnWebhook, sendMessage, uniqueTexts, waitFor, sleep, waitForExecutions } = require('./helpers/cluster');

const EVERY_MINUTE = { pollTimes: { item: [{ mode: 'everyMinute' }] } };
const RECEIVER = { id: 'b24user2', name: 'B24 user 2' };

const BOT = { id: 'b24bot', name: 'Scale bot', token: 'scale-dummy-bot-token-0001' };
const CHATBOT_TRIGGER = 'Bitrix24 Chatbot Trigger';

const TRIGGERS = [
	{
		name: 'Bitrix24 IM Trigger',
		workflowId: 'imtrigger',
		setUp: async (emu) => ({
			credentials: [{ ...RECEIVER, type: 'bitrix24WebhookApi', data: { webhookUrl: emu.webhooks.user2.url } }],
			workflow: triggerWorkflow('imtrigger', 'scale IM trigger (user 2)', RECEIVER, EVERY_MINUTE),
		}),
		/** How often it has read the portal (its first read subscribes user 2: from then on it listens). */
		polls: (emu) => eventGets(emu, 2).length,
		texts: (execution) => triggerItems(execution).map((item) => item.text),
	},
	{
		name: CHATBOT_TRIGGER,
		workflowId: 'bottrigger',
		setUp: async (emu) => {
			const admin = emu.webhooks.admin;
			const fields = { code: 'scale_bot', botToken: BOT.token, type: 'supervisor', properties: { name: BOT.name } };
			const { bot } = await callAs(admin, 'imbot.v2.Bot.register', { fields });
			await callAs(admin, 'im.chat.user.add', { CHAT_ID: 2, USERS: [bot.id] });
			const credential = { id: BOT.id, name: BOT.name };
			const trigger = {
				name: CHATBOT_TRIGGER,
				type: `${PACKAGE_NAME}.bitrix24ChatbotTrigger`,
				parameters: { authentication: 'webhook', botId: { __rl: true, mode: 'id', value: String(bot.id) }, events: ['messageAdd'], ignoreOwnMessages: true, options: {} },
				credentials: { bitrix24ChatbotWebhookApi: credential },
			};
			return {
				credentials: [{ ...credential, type: 'bitrix24ChatbotWebhookApi', data: { webhookUrl: admin.url, botToken: BOT.token } }],
				workflow: chainedWorkflow({ id: 'bottrigger', name: 'scale Chatbot trigger (supervisor bot in chat 2)', trigger }),
			};
		},
		polls: (emu) => emu.log.filter((e) => e.method === 'imbot.v2.event.get').length,
		texts: (execution) => triggerItems(execution, CHATBOT_TRIGGER).map((item) => item.text),
	},
];

const ROUND_ITEMS = 80;
const rounds = [uniqueTexts('scale trigger round 1', ROUND_ITEMS), uniqueTexts('scale trigger round 2', ROUND_ITEMS)];
// One by one (batching off): 80 requests take the portal ~15 s, so the restarts happen while the workers send.
const senders = rounds.map((texts, r) => itemsOnWebhook(`post${r + 1}`, texts.map((text) => ({ dialogId: 'chat2', text })), sendMessage({ batching: false })));

/** Which worker (index) started execution `id`, from their output. */
function workerOf(cluster, id) {
	return cluster.workers.findIndex((_, index) => cluster.output(index).includes(`Worker started execution ${id} `));
}

describe('triggers in queue mode: polled by the main process, run by the workers, through restarts', () => {
	let emu;
	let cluster;
	useQueueCluster(
		'triggers',
		{
			workers: 2,
			// A worker stopped while it sends finishes first; with both triggers polling the portal beside the senders,
			// that can take longer than n8n's default 30 s, after which n8n kills the execution as crashed.
			env: { N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '120' },
			emulator: { rateLimit: STANDARD, latencyMs: 20 },
			prepare: async ({ emu: e, cluster: c }) => {
				const setUps = [];
				for (const trigger of TRIGGERS) setUps.push(await trigger.setUp(e));
				await c.main.importCredentials(setUps.flatMap((setUp) => setUp.credentials));
				await publishAll(c, [...setUps.map((setUp) => setUp.workflow), ...senders]);
			},
		},
		(ready) => ({ emu, cluster } = ready),
	);

	/** Starts a sender and resolves the worker that runs its execution. */
	async function post(sender) {
		const before = (await cluster.executions({ workflowId: sender.id, withData: false })).length;
		expect((await cluster.webhook(sender.id)).status).toBe(200);
		const [execution] = (await waitFor('the sender to start on a worker', async () => {
			const list = await cluster.executions({ workflowId: sender.id, withData: false });
			return list.length > before && workerOf(cluster, list[before].id) >= 0 ? list.slice(before) : null;
		}, { timeoutMs: 60_000 }));
		return workerOf(cluster, execution.id);
	}

	/** Every text each trigger delivered so far, over all its executions (which must all have succeeded). */
	async function delivered(trigger) {
		const executions = await cluster.executions({ workflowId: trigger.workflowId });
		expect(executions.filter((e) => e.status !== 'success' && e.status !== 'running' && e.status !== 'new').map((e) => e.status)).toEqual([]);
		return executions.filter((e) => e.status === 'success').flatMap((e) => trigger.texts(e));
	}

	test('every message posted while a worker and then the main process restart is delivered exactly once', async () => {
		for (const trigger of TRIGGERS) await waitFor(`${trigger.name} to listen`, async () => trigger.polls(emu) > 0, { timeoutMs: 120_000 });

		// Round 1: a worker restarts (gracefully: it finishes what it runs) while it sends.
		const busy = await post(senders[0]);
		await cluster.stopWorker(busy);
		await cluster.startWorker(busy);
		await waitForExecutions(cluster, 1, { workflowId: senders[0].id });

		// Round 2: the main process restarts while a worker sends (it waits for the execution it queued, up to the
		// shutdown timeout); the events of its downtime come with its first poll.
		await post(senders[1]);
		await cluster.stopMain();
		await sleep(5000);
		await cluster.startMain();
		await waitForExecutions(cluster, 1, { workflowId: senders[1].id });
		for (const sender of senders) {
			const runs = await cluster.executions({ workflowId: sender.id });
			expect(runs.map((e) => [e.status, e.data && e.data.resultData.error && e.data.resultData.error.message])).toEqual([['success', undefined]]);
		}
		const posted = rounds.flat();
		expect(emu.messagesOf('chat2').filter((m) => posted.includes(m.text))).toHaveLength(posted.length);

		for (const trigger of TRIGGERS) {
			await waitFor(`${trigger.name} to deliver all ${posted.length} messages`, async () => (await delivered(trigger)).length >= posted.length, {
				timeoutMs: 5 * 60_000,
				everyMs: 5000,
			});
		}
		// One more scheduled poll of every trigger after that: it must bring nothing again.
		const polls = TRIGGERS.map((trigger) => trigger.polls(emu));
		await waitFor('one more poll of every trigger', async () => TRIGGERS.every((trigger, t) => trigger.polls(emu) > polls[t]), { timeoutMs: 90_000, everyMs: 2000 });
		await sleep(10_000);
		for (const trigger of TRIGGERS) {
			const texts = await delivered(trigger);
			const counts = new Map(posted.map((text) => [text, 0]));
			for (const text of texts) counts.set(text, (counts.get(text) || 0) + 1);
			expect([...counts].filter(([, n]) => n !== 1)).toEqual([]);
			expect(texts).toHaveLength(posted.length);
			const runs = (await cluster.executions({ workflowId: trigger.workflowId, withData: false })).filter((e) => e.mode === 'trigger');
			const perWorker = new Map();
			for (const e of runs) perWorker.set(workerOf(cluster, e.id) + 1, (perWorker.get(workerOf(cluster, e.id) + 1) || 0) + 1);
			const ranBy = [...perWorker].sort(([a], [b]) => a - b).map(([worker, n]) => `${n} by worker ${worker}`);
			process.stderr.write(
				`[scale triggers] ${trigger.name}: ${posted.length} messages delivered once each in ${runs.length} executions ` +
					`(${ranBy.join(', ')}; worker 0 = a worker since restarted), ${trigger.polls(emu)} polls\n`,
			);
		}
	});
});
