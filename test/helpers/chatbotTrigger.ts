import { mock } from 'jest-mock-extended';
import { ExecutionLifecycleHooks, TriggerContext } from 'n8n-core';
import type { IDataObject, INode, INodeExecutionData, INodeTypes, ITriggerResponse } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { Bitrix24ChatbotTrigger } from '../../nodes/Bitrix24ChatbotTrigger/Bitrix24ChatbotTrigger.node';
import { BotListener } from '../../nodes/Bitrix24ChatbotTrigger/listener';
import { registerBotAs, TOKEN } from './chatbotWorkflow';
import type { ChatbotEmulator } from './chatbotWorkflow';
import { callAs, useEmulator } from './emulator';
import type { PauseControl } from './pausableSleep';
import { additionalDataFor, executeFrom, TestCredentials } from './runWorkflow';

/*
 * The Chatbot Trigger as n8n runs it, in process: its trigger() through n8n-core's own TriggerContext (active mode),
 * with emit / emitError / saveFailedExecution recorded the way n8n 2.41 handles them, and the editor's manual mode
 * through WorkflowExecute. n8n saves a trigger's static data when it emits (and at nothing else), so
 * `savedStaticData` is the static data as it was at the last emit: what a restart starts from.
 */

const TYPE = 'n8n-nodes-bitrix24-im.bitrix24ChatbotTrigger';
const trigger = new Bitrix24ChatbotTrigger();
const nodeTypes: INodeTypes = {
	getByName: () => trigger,
	getByNameAndVersion: (_type, version) => NodeHelpers.getVersionedNodeType(trigger, version),
	getKnownTypes: () => ({}),
};

export const TRIGGER_NAME = 'Bitrix24 Chatbot Trigger';

/** n8n's sleep even where a test file mocks it (to make the trigger's pauses short). */
export const realSleep = jest.requireActual<typeof import('n8n-workflow')>('n8n-workflow').sleep;

export function triggerNode(parameters: IDataObject): INode {
	return {
		id: 'trigger',
		name: TRIGGER_NAME,
		type: TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { authentication: 'webhook', events: ['messageAdd', 'command'], ignoreOwnMessages: true, options: { timeout: 5 }, ...parameters } as INode['parameters'],
		credentials: { bitrix24ChatbotWebhookApi: { id: '3', name: 'Chatbot webhook' }, bitrix24OAuth2Api: { id: '2', name: 'OAuth2' } },
	};
}

function workflowOf(node: INode, active: boolean, staticData: IDataObject) {
	return new Workflow({ id: 'wf', nodes: [node], connections: {}, nodeTypes, active, staticData: structuredClone(staticData), settings: { executionOrder: 'v1' } });
}

/** One activation of the trigger in a workflow holding a copy of `staticData` (a restart: what was saved before). */
export class TriggerActivation {
	/** Every emitted execution's items, in order (one execution per event). */
	readonly runs: IDataObject[][] = [];

	/** Errors given to emitError (the trigger stopped), and to saveFailedExecution (recorded, still running). */
	readonly stopErrors: Error[] = [];

	readonly failedExecutions: Error[] = [];

	/** The static data as n8n saved it with the last emit. */
	savedStaticData: IDataObject;

	readonly workflow: Workflow;

	private response?: ITriggerResponse;

	constructor(
		private readonly credentials: TestCredentials,
		parameters: IDataObject,
		staticData: IDataObject = {},
	) {
		this.workflow = workflowOf(triggerNode(parameters), true, staticData);
		this.savedStaticData = structuredClone(staticData);
	}

	/** Every emitted item, in order. */
	get items(): IDataObject[] {
		return this.runs.flat();
	}

	/** Calls trigger() as n8n's activation does; rejects as the activation would fail. */
	async start(): Promise<void> {
		const node = this.workflow.getNode(TRIGGER_NAME) as INode;
		const hooks = new ExecutionLifecycleHooks('trigger', 'exec-1', mock());
		const emit = (data: INodeExecutionData[][]) => {
			this.savedStaticData = JSON.parse(JSON.stringify(this.workflow.staticData)) as IDataObject;
			this.runs.push(data[0].map((item) => item.json));
		};
		const context = new TriggerContext(
			this.workflow,
			node,
			additionalDataFor(this.credentials, hooks),
			'trigger',
			'activate',
			emit,
			(error: Error) => this.stopErrors.push(error),
			(error: Error) => this.failedExecutions.push(error),
		);
		this.response = await trigger.trigger.call(context);
	}

	/** Deactivation: n8n calls the closeFunction. */
	async stop(): Promise<void> {
		await this.response?.closeFunction?.();
	}
}

/** Waits (real time) until `condition` holds; fails the test after `timeoutMs`. */
export async function until(what: string, condition: () => boolean, timeoutMs = 10_000): Promise<void> {
	const end = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
		await realSleep(5);
	}
}

/**
 * "Fetch Test Event" in the editor: WorkflowExecute in manual mode with the trigger as start node; resolves with the
 * items of the run once the trigger emitted, and the workflow's static data afterwards.
 */
export async function manualRun(credentials: TestCredentials, parameters: IDataObject, staticData: IDataObject = {}) {
	const node = triggerNode(parameters);
	const workflow = workflowOf(node, false, staticData);
	const run = await executeFrom(workflow, node, credentials);
	const items = (run.data.resultData.runData[node.name]?.[0]?.data?.main?.[0] ?? []) as INodeExecutionData[];
	return { items: items.map((item) => item.json), error: run.data.resultData.error, staticData: workflow.staticData };
}

/**
 * What the active trigger's test files share: one emulator (no rate limit), the tests' credential (no rate limit on our
 * side either, so the only pauses recorded are the trigger's), activations stopped after each test, and control over
 * the trigger's pauses through `pause` (see pausableSleep.ts).
 */
export function useTriggerKit(pause: PauseControl) {
	const getEmulator = useEmulator({ rateLimit: false });
	const emulator = () => getEmulator() as unknown as ChatbotEmulator;
	const credentials = () =>
		new TestCredentials({
			bitrix24ChatbotWebhookApi: { webhookUrl: emulator().webhooks.admin.url, botToken: TOKEN, rateLimit: 'custom', rateLimitBurst: 1e9, rateLimitPerSecond: 1e6 },
		});
	const activations: TriggerActivation[] = [];
	/** The poll loops started in a test (a listener's private `running`), awaited once they are stopped. */
	const loops: Array<Promise<void>> = [];
	let beginSpy: jest.SpyInstance | undefined;
	beforeEach(() => {
		pause.delays.length = 0;
		pause.held = false;
		const begin = BotListener.prototype.begin;
		beginSpy = jest.spyOn(BotListener.prototype, 'begin').mockImplementation(async function (this: BotListener) {
			await begin.call(this);
			loops.push((this as unknown as { running: Promise<void> }).running);
		});
	});
	afterEach(async () => {
		pause.held = false;
		await Promise.all(activations.splice(0).map(async (activation) => await activation.stop()));
		// Stopping waits for a poll in flight only for a grace period timed by n8n's sleep, 1 ms here: wait for the
		// loops themselves, or a last poll lands in the next test's emulator log.
		await Promise.all(loops.splice(0));
		beginSpy?.mockRestore();
	});

	const activate = async (botId: number, parameters: IDataObject = {}, staticData: IDataObject = {}, creds = credentials()) => {
		const activation = new TriggerActivation(creds, { botId: { __rl: true, mode: 'id', value: String(botId) }, ...parameters }, staticData);
		activations.push(activation);
		await activation.start();
		return activation;
	};
	/** The activation's error when trigger() fails, as n8n's activation would report it. */
	const activationError = async (parameters: IDataObject, creds = credentials()) =>
		(await new TriggerActivation(creds, parameters).start().then(
			() => undefined,
			(error: unknown) => error,
		)) as (Error & { description?: string }) | undefined;
	const write = async (text: string, botId: number, url = emulator().webhooks.user2.url) =>
		(await callAs(url, 'im.message.add', { DIALOG_ID: String(botId), MESSAGE: text })) as number;
	const eventGets = () => emulator().log.filter((entry) => entry.method === 'imbot.v2.event.get');
	const queued = (botId: number) => emulator().botEventsOf(botId).map((event) => event.eventId);
	const texts = (activation: TriggerActivation) => activation.items.map((item) => item.text);

	/** Holds the trigger in its next pause, after the poll in flight. */
	const holdTrigger = async () => {
		pause.held = true;
		await until('the trigger to pause', () => pause.waiting > 0);
	};
	/** Lets a held trigger poll once more, and holds it again after that poll. */
	const letOnePoll = async () => {
		const before = eventGets().length;
		pause.held = false;
		await until('one more poll', () => eventGets().length > before);
		await holdTrigger();
	};
	/** A bot, its active trigger, and a message "one" it emitted; the trigger held in its pause after that. */
	const oneMessageIn = async () => {
		const botId = await registerBotAs(emulator(), 'support', TOKEN);
		const activation = await activate(botId);
		await write('one', botId);
		await until('one', () => activation.runs.length === 1);
		await holdTrigger();
		return { botId, activation };
	};
	return { getEmulator, emulator, credentials, activate, activationError, write, eventGets, queued, texts, holdTrigger, letOnePoll, oneMessageIn };
}
