'use strict';
/*
 * Bitrix24 IM Trigger inside a real n8n (2.41.1) against the Bitrix24 emulator, in manual mode ("Fetch Test Event" in
 * the editor): the editor's own REST call, POST /rest/workflows/:id/run with triggerToStartFrom, made with an owner
 * session (owner set up through /rest/owner/setup) against the running n8n (`n8n start`, see helpers/trigger.js),
 * for a second, unpublished workflow reading user 3's queue: it shows the waiting events and acknowledges nothing.
 * The published trigger's polls are in trigger.e2e.test.js.
 */
const crypto = require('crypto');
const { eventsOf } = require('../emulator/methods/events');
const { TRIGGER, waitFor, listExecutions, ownerSession, triggerItems, triggerWorkflow, useTriggerSetup } = require('./helpers/trigger');

const WF_MANUAL = 'b24manual';

describe('Bitrix24 IM Trigger in a real n8n', () => {
	let emu;
	let receiver;
	const { send, startAndWaitForPoll, stop } = useTriggerSetup('triggerManual', (ready) => ({ emu, receiver } = ready));

	it('manual mode (Fetch Test Event through the editor API) shows waiting events and acknowledges nothing', async () => {
		const user3 = emu.addWebhook({ userId: 3, scopes: ['im'] });
		await receiver.importCredentials([{ id: 'b24user3', name: 'B24 user 3', type: 'bitrix24WebhookApi', data: { webhookUrl: user3.url } }]);
		await receiver.importWorkflow(triggerWorkflow(WF_MANUAL, 'e2e manual trigger', { id: 'b24user3', name: 'B24 user 3' }));
		await startAndWaitForPoll(); // the published trigger workflow (WF_TRIGGER) activates too
		const base = `http://127.0.0.1:${receiver.port}`;
		const session = await ownerSession(base);
		async function fetchTestEvent() {
			const before = (await listExecutions(receiver, WF_MANUAL)).length;
			const res = await fetch(`${base}/rest/workflows/${WF_MANUAL}/run`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', ...session },
				body: JSON.stringify({ triggerToStartFrom: { name: TRIGGER } }),
			});
			const text = await res.text();
			if (res.status !== 200) throw new Error(`manual run: HTTP ${res.status} ${text}`);
			const list = await waitFor('the manual execution', async () => {
				const l = await listExecutions(receiver, WF_MANUAL);
				return l.length > before && l.every((e) => e.status !== 'running' && e.status !== 'new') ? l : null;
			}, { timeoutMs: 60_000, everyMs: 1000 });
			const execution = list[list.length - 1];
			expect(execution.mode).toBe('manual');
			return triggerItems(execution);
		}

		expect(await fetchTestEvent()).toEqual([]); // subscribes user 3; nothing recorded before
		// To the private dialog of users 1 and 3: user 2's queue (the published trigger's) must not see it, or the
		// published workflow would emit it at its next activation.
		const textD = `manual ${crypto.randomUUID()}`;
		const messageD = await send(textD, '3');
		const first = await fetchTestEvent();
		expect(first).toHaveLength(1);
		expect(first[0]).toMatchObject({ event: 'messageAdd', messageId: messageD, text: textD, dialogId: '1' });
		const again = await fetchTestEvent();
		expect(again.map((item) => item.eventId)).toEqual([first[0].eventId]); // not acknowledged
		const queue3 = eventsOf(emu.state, 3);
		expect(queue3.map((e) => e.eventId)).toEqual([first[0].eventId]);
		const gets3 = emu.log.filter((e) => e.method === 'im.v2.event.get' && e.userId === 3);
		expect(gets3.length).toBeGreaterThanOrEqual(3);
		expect(gets3.every((e) => e.params.offset === undefined)).toBe(true);
		await stop();
	});
});
