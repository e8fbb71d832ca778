jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { mock } from 'jest-mock-extended';
import { ExecutionLifecycleHooks, PollContext } from 'n8n-core';
import type { IDataObject, INode, INodeExecutionData, INodeTypes } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { Bitrix24ImTrigger } from '../../nodes/Bitrix24ImTrigger/Bitrix24ImTrigger.node';
import { callAs, oauth2Credentials, useEmulator, webhookCredentials } from '../helpers/emulator';
import { additionalDataFor, executeFrom } from '../helpers/runWorkflow';
import type { TestCredentials } from '../helpers/runWorkflow';

/*
 * The trigger's poll() through n8n-core's own PollContext, against the in-process emulator over HTTP: real polls
 * the way n8n's poller calls them (one Workflow object per activation, so static data lives on between polls), a
 * "restart" (a new Workflow holding a copy of the saved static data) and the editor's manual mode (WorkflowExecute
 * in 'manual' mode with the trigger as start node, which is how n8n runs "Fetch Test Event").
 */

// eslint-disable-next-line @typescript-eslint/no-require-imports
const emulatorEvents = require('../emulator/methods/events');

const TYPE = 'n8n-nodes-bitrix24-im.bitrix24ImTrigger';
const trigger = new Bitrix24ImTrigger();
const nodeTypes: INodeTypes = {
	getByName: () => trigger,
	getByNameAndVersion: (_type, version) => NodeHelpers.getVersionedNodeType(trigger, version),
	getKnownTypes: () => ({}),
};

const emulator = useEmulator({ rateLimit: false });

const queueOf = (userId: number) =>
	(emulatorEvents.eventsOf(emulator().state, userId) as Array<{ eventId: number }>).map((e) => e.eventId);

function triggerNode(parameters: IDataObject = {}): INode {
	return {
		id: 'trigger',
		name: 'Bitrix24 IM Trigger',
		type: TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { authentication: 'webhook', events: ['messageAdd'], ignoreOwnMessages: true, options: {}, ...parameters } as INode['parameters'],
		credentials: { bitrix24WebhookApi: { id: '1', name: 'Webhook' }, bitrix24OAuth2Api: { id: '2', name: 'OAuth2' } },
	};
}

/** A workflow of the trigger alone, holding a copy of `staticData`. */
function triggerWorkflow(node: INode, active: boolean, staticData: IDataObject) {
	return new Workflow({ id: 'wf', nodes: [node], connections: {}, nodeTypes, active, staticData: structuredClone(staticData), settings: { executionOrder: 'v1' } });
}

/** One activation of the trigger: polls share the Workflow (and its static data), like n8n's active workflow. */
class Activation {
	readonly workflow: Workflow;

	readonly node: INode;

	constructor(
		private readonly credentials: TestCredentials,
		parameters: IDataObject = {},
		staticData: IDataObject = {},
	) {
		this.node = triggerNode(parameters);
		this.workflow = triggerWorkflow(this.node, true, staticData);
	}

	async poll(): Promise<IDataObject[] | null> {
		const context = new PollContext(this.workflow, this.node, additionalDataFor(this.credentials, new ExecutionLifecycleHooks('trigger', 'exec-1', mock())), 'trigger', 'activate');
		const result = (await trigger.poll.call(context)) as INodeExecutionData[][] | null;
		return result === null ? null : result[0].map((item) => item.json);
	}

	/** What n8n would have saved (it saves when a poll emits). */
	savedStaticData(): IDataObject {
		return JSON.parse(JSON.stringify(this.workflow.staticData)) as IDataObject;
	}
}

async function manualRun(credentials: TestCredentials, parameters: IDataObject = {}, staticData: IDataObject = {}) {
	const node = triggerNode(parameters);
	const workflow = triggerWorkflow(node, false, staticData);
	const run = await executeFrom(workflow, node, credentials);
	const items = (run.data.resultData.runData[node.name]?.[0]?.data?.main?.[0] ?? []) as INodeExecutionData[];
	return { items: items.map((item) => item.json), error: run.data.resultData.error, staticData: workflow.staticData };
}

const asUser2 = () => webhookCredentials(emulator(), emulator().webhooks.user2.url);
const send = async (text: string, url = emulator().webhooks.admin.url, dialogId = 'chat2') =>
	(await callAs(url, 'im.message.add', { DIALOG_ID: dialogId, MESSAGE: text })) as number;

describe('Bitrix24 IM Trigger poll (n8n-core PollContext, emulator)', () => {
	it('subscribes, emits each new message once, and a second poll emits nothing', async () => {
		const activation = new Activation(asUser2());
		expect(await activation.poll()).toBeNull(); // subscribes; nothing recorded before that
		const id = await send('hello user 2');
		const first = await activation.poll();
		expect(first).toHaveLength(1);
		expect(first?.[0]).toMatchObject({ event: 'messageAdd', dialogId: 'chat2', chatId: 2, messageId: id, authorId: 1, text: 'hello user 2' });
		expect(await activation.poll()).toBeNull();
		// the emitted event is the marker: still queued, everything before it acknowledged
		expect(queueOf(2)).toEqual([first?.[0].eventId]);
		expect(activation.savedStaticData()['node:Bitrix24 IM Trigger']).toMatchObject({ marker: first?.[0].eventId });
	});

	it('a restart from the saved static data neither loses nor repeats events', async () => {
		const activation = new Activation(asUser2());
		await activation.poll();
		await send('one');
		expect(await activation.poll()).toHaveLength(1);
		const saved = activation.savedStaticData();
		await send('two');
		await send('three');
		const restarted = new Activation(asUser2(), {}, saved);
		const items = await restarted.poll();
		expect(items?.map((item) => item.text)).toEqual(['two', 'three']);
		expect(await restarted.poll()).toBeNull();
	});

	it('own messages are skipped (and still acknowledged); filters by event and dialog', async () => {
		const activation = new Activation(asUser2(), { events: ['messageAdd', 'messageUpdate'], options: { dialogIds: 'chat1' } });
		await activation.poll();
		await send('mine', emulator().webhooks.user2.url, 'chat1');
		await send('other chat', emulator().webhooks.admin.url, 'chat2');
		const wanted = await send('wanted', emulator().webhooks.admin.url, 'chat1');
		await callAs(emulator().webhooks.admin.url, 'im.message.update', { MESSAGE_ID: wanted, MESSAGE: 'wanted, edited' });
		await callAs(emulator().webhooks.admin.url, 'im.message.like', { MESSAGE_ID: wanted });
		const items = await activation.poll();
		expect(items?.map((item) => [item.event, item.text])).toEqual([
			['messageAdd', 'wanted'],
			['messageUpdate', 'wanted, edited'],
		]);
		expect(await activation.poll()).toBeNull();
		expect(queueOf(2)).toHaveLength(1); // only the marker is left
	});

	it('polls that emit nothing because of filters still move on (no full page is re-read forever)', async () => {
		const activation = new Activation(asUser2(), { options: { maxEvents: 2 } });
		await activation.poll();
		for (const text of ['a', 'b', 'c', 'd']) await send(text, emulator().webhooks.user2.url);
		await send('from Alice');
		expect(await activation.poll()).toBeNull();
		expect(await activation.poll()).toBeNull();
		expect((await activation.poll())?.map((item) => item.text)).toEqual(['from Alice']);
	});

	it('another reader of the same queue is detected and explained; the next poll continues', async () => {
		const activation = new Activation(asUser2());
		await activation.poll();
		await send('seen');
		expect(await activation.poll()).toHaveLength(1);
		await send('stolen');
		await send('left over');
		// another application of user 2 reads the queue and acknowledges up to (not including) "left over"
		const other = emulator().addWebhook({ userId: 2, scopes: ['im'] });
		const page = (await callAs(other.url, 'im.v2.Event.get', {})) as { events: Array<{ eventId: number }> };
		await callAs(other.url, 'im.v2.Event.get', { offset: page.events[page.events.length - 1].eventId });
		await expect(activation.poll()).rejects.toMatchObject({
			message: "Another application is reading this Bitrix24 user's event queue",
			description: expect.stringContaining('between event') as unknown as string,
		});
		expect((await activation.poll())?.map((item) => item.text)).toEqual(['left over']);
		expect(await activation.poll()).toBeNull();
	});

	it('after a restart, a marker acknowledged by an unsaved poll of ours is not reported', async () => {
		const activation = new Activation(asUser2(), { options: { dialogIds: 'chat1' } });
		await activation.poll();
		await send('emitted', emulator().webhooks.admin.url, 'chat1');
		expect(await activation.poll()).toHaveLength(1);
		const saved = activation.savedStaticData(); // n8n saves here (the poll emitted)
		await send('filtered out', emulator().webhooks.admin.url, 'chat2');
		expect(await activation.poll()).toBeNull(); // moves the marker, not saved by n8n
		expect(await activation.poll()).toBeNull(); // acknowledges the saved marker
		await send('after restart', emulator().webhooks.admin.url, 'chat1');
		const restarted = new Activation(asUser2(), { options: { dialogIds: 'chat1' } }, saved);
		expect((await restarted.poll())?.map((item) => item.text)).toEqual(['after restart']);
	});

	it('manual mode (Fetch Test Event) returns queued events without acknowledging them or moving the cursor', async () => {
		const activation = new Activation(asUser2());
		await activation.poll(); // subscribed
		await send('test event 1');
		await send('test event 2');
		const before = queueOf(2);
		const first = await manualRun(asUser2());
		expect(first.error).toBeUndefined();
		expect(first.items.map((item) => item.text)).toEqual(['test event 1', 'test event 2']);
		const second = await manualRun(asUser2());
		expect(second.items.map((item) => item.text)).toEqual(['test event 1', 'test event 2']);
		expect(queueOf(2)).toEqual(before);
		expect(second.staticData).toEqual({});
		// the active trigger still gets them
		expect((await activation.poll())?.map((item) => item.text)).toEqual(['test event 1', 'test event 2']);
	});

	it('manual mode before activation subscribes, so the next test fetch sees new messages', async () => {
		expect((await manualRun(asUser2())).items).toEqual([]);
		await send('first test message');
		expect((await manualRun(asUser2())).items.map((item) => item.text)).toEqual(['first test message']);
	});

	it('works with the OAuth2 credential (token as Bearer, user from the token)', async () => {
		const { oauth } = emulator();
		const { credentials } = oauth2Credentials(
			emulator(),
			{ userId: 2 },
			{ clientId: oauth.clientId, clientSecret: oauth.clientSecret, scope: 'im' },
		);
		const activation = new Activation(credentials, { authentication: 'oAuth2' });
		expect(await activation.poll()).toBeNull();
		await send('via oauth');
		await send('own, skipped', emulator().webhooks.user2.url);
		expect((await activation.poll())?.map((item) => item.text)).toEqual(['via oauth']);
	});

	it('Bitrix24 errors are node errors without the webhook secret; bad options fail before any request', async () => {
		const wrong = emulator().webhooks.user2.url.replace(emulator().webhooks.user2.secret, 'wrongsecret123');
		const activation = new Activation(webhookCredentials(emulator(), wrong));
		const error = (await activation.poll().catch((e: Error) => e)) as Error & { description?: string };
		expect(error.message).toContain('[INVALID_CREDENTIALS]');
		expect(`${error.message} ${error.description}`).not.toContain('wrongsecret123');
		const bad = new Activation(asUser2(), { options: { dialogIds: 'chat1, general' } });
		await expect(bad.poll()).rejects.toThrow('Dialog ID "general" is not valid');
		const none = new Activation(asUser2(), { events: [] });
		await expect(none.poll()).rejects.toThrow('No event selected');
	});
});
