'use strict';
/*
 * Bitrix24 IM Trigger inside a real n8n (2.41.1) against the Bitrix24 emulator: the published (active) trigger
 * workflow, polled by `n8n start` (how: helpers/trigger.js). Manual mode is in triggerManual.e2e.test.js.
 *
 * Scenario: start (activation poll subscribes, nothing to emit) -> send message A -> the next scheduled poll emits
 * exactly one item for A -> restart n8n (the activation poll reads from the saved cursor) -> nothing new is emitted
 * -> stop, send B, start -> exactly one more item, for B (a restart neither loses nor repeats events).
 *
 * Another reader: after a scheduled poll emitted E, another application of the same user acknowledges the queue up to
 * G; the next scheduled poll is recorded as a failed trigger execution with the explanation, the one after emits G.
 */
const crypto = require('crypto');
const { eventsOf } = require('../emulator/methods/events');
const { WF_TRIGGER, sleep, waitFor, listExecutions, triggerItems, eventGets, useTriggerSetup } = require('./helpers/trigger');

describe('Bitrix24 IM Trigger in a real n8n', () => {
	let emu;
	let receiver;
	const { send, startAndWaitForPoll, stop } = useTriggerSetup('trigger', (ready) => ({ emu, receiver } = ready));

	it('a sent message arrives as exactly one item; later polls and restarts emit nothing new, then only the next message', async () => {
		// 1. Activation: subscribes user 2 and polls; nothing queued yet.
		await startAndWaitForPoll();
		expect(emu.log.some((e) => e.method === 'im.v2.event.subscribe' && e.userId === 2 && e.status === 200)).toBe(true);
		expect(await listExecutions(receiver, WF_TRIGGER)).toEqual([]);

		// 2. Message A through the action node (another n8n, user 1) -> the next scheduled poll emits it.
		const textA = `hello trigger ${crypto.randomUUID()}`;
		const messageA = await send(textA);
		const executions = await waitFor(
			'the execution started by the scheduled poll',
			async () => {
				const list = await listExecutions(receiver, WF_TRIGGER);
				return list.length > 0 && list.every((e) => e.status !== 'running' && e.status !== 'new') ? list : null;
			},
			{ timeoutMs: 150_000, everyMs: 2000 },
		);
		expect(executions).toHaveLength(1);
		expect(executions[0].mode).toBe('trigger');
		const items = triggerItems(executions[0]);
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({ event: 'messageAdd', dialogId: 'chat2', chatId: 2, messageId: messageA, authorId: 1, text: textA });
		expect(items[0].raw.type).toBe('ONIMV2MESSAGEADD');
		const markerA = items[0].eventId;

		// 3. Restart: the activation poll reads from the saved cursor (offset = A's event, kept as the marker) and
		//    emits nothing; earlier events are acknowledged, A stays in the queue.
		await stop();
		await startAndWaitForPoll();
		await sleep(3000);
		await stop();
		const gets = eventGets(emu, 2);
		expect(gets[gets.length - 1].params).toMatchObject({ offset: markerA });
		expect(await listExecutions(receiver, WF_TRIGGER)).toHaveLength(1);
		const queue = eventsOf(emu.state, 2);
		expect(queue.map((e) => e.eventId)).toEqual([markerA]);

		// 4. Message B while n8n is down -> the next start emits B only.
		const textB = `second ${crypto.randomUUID()}`;
		const messageB = await send(textB);
		await startAndWaitForPoll();
		const after = await waitFor(
			'the execution for B',
			async () => {
				const list = await listExecutions(receiver, WF_TRIGGER);
				return list.length > 1 && list.every((e) => e.status !== 'running' && e.status !== 'new') ? list : null;
			},
			{ timeoutMs: 60_000, everyMs: 1000 },
		);
		await sleep(2000);
		await stop();
		const final = await listExecutions(receiver, WF_TRIGGER);
		expect(final).toHaveLength(2);
		expect(after[1].id).toBe(final[1].id);
		const itemsB = triggerItems(final[1]);
		expect(itemsB).toHaveLength(1);
		expect(itemsB[0]).toMatchObject({ event: 'messageAdd', messageId: messageB, text: textB });
		// No secret of either webhook in what n8n stored.
		const stored = JSON.stringify(final);
		expect(stored).not.toContain(emu.webhooks.user2.secret);
		expect(stored).not.toContain(emu.webhooks.admin.secret);
	});
	it('another reader draining the queue is reported by the active trigger, and the next poll carries on', async () => {
		const call = async (url, method, params) => {
			const res = await fetch(`${url}${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(params) });
			const body = await res.json();
			if (body.error) throw new Error(`${method}: ${body.error}`);
			return body.result;
		};
		const count = async () => (await listExecutions(receiver, WF_TRIGGER)).length;
		const settled = (n) => async () => {
			const l = await listExecutions(receiver, WF_TRIGGER);
			return l.length >= n && l.every((e) => e.status !== 'running' && e.status !== 'new') ? l : null;
		};
		await startAndWaitForPoll();
		// E: emitted by a scheduled poll of this process, so its marker is known to be ours.
		const start = await count();
		await call(emu.webhooks.admin.url, 'im.message.add', { DIALOG_ID: 'chat2', MESSAGE: 'E' });
		const withE = await waitFor('the execution for E', settled(start + 1), { timeoutMs: 150_000, everyMs: 1000 });
		expect(triggerItems(withE[withE.length - 1]).map((item) => item.text)).toEqual(['E']);
		// Right after that poll: F and G arrive and another application of user 2 acknowledges everything before G.
		await call(emu.webhooks.admin.url, 'im.message.add', { DIALOG_ID: 'chat2', MESSAGE: 'F' });
		await call(emu.webhooks.admin.url, 'im.message.add', { DIALOG_ID: 'chat2', MESSAGE: 'G' });
		const other = emu.addWebhook({ userId: 2, scopes: ['im'] });
		const page = await call(other.url, 'im.v2.Event.get', {});
		await call(other.url, 'im.v2.Event.get', { offset: page.events[page.events.length - 1].eventId });
		// The next scheduled poll fails with the explanation (n8n records it as a failed trigger execution) ...
		const withError = await waitFor('the reported loss', settled(start + 2), { timeoutMs: 150_000, everyMs: 1000 });
		const failed = withError[withError.length - 1];
		expect(failed.status).toBe('error');
		const error = failed.data.resultData.error;
		expect(error.message).toBe("Another application is reading this Bitrix24 user's event queue");
		expect(error.description).toContain('im.v2.Event.get');
		// ... and the one after emits what is still queued: G.
		const withG = await waitFor('the execution for G', settled(start + 3), { timeoutMs: 150_000, everyMs: 1000 });
		expect(triggerItems(withG[withG.length - 1]).map((item) => item.text)).toEqual(['G']);
		await stop();
	});
});
