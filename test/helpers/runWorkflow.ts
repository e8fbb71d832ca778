import { mock } from 'jest-mock-extended';
import { ExecutionLifecycleHooks, LoadOptionsContext, WorkflowExecute } from 'n8n-core';
import type {
	IBinaryData,
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	INode,
	INodeListSearchResult,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, Workflow } from 'n8n-workflow';

import { Bitrix24OAuth2Api } from '../../credentials/Bitrix24OAuth2Api.credentials';
import { Bitrix24WebhookApi } from '../../credentials/Bitrix24WebhookApi.credentials';
import { Bitrix24Chatbot } from '../../nodes/Bitrix24Chatbot/Bitrix24Chatbot.node';
import { Bitrix24Im } from '../../nodes/Bitrix24Im/Bitrix24Im.node';

/** An input item: its json, plus `$binary` (property → base64 data, file name, MIME type) for binary inputs. */
export type TestItem = { [field: string]: unknown } & {
	$binary?: Record<string, { data: string; fileName: string; mimeType: string }>;
};

/** Emits the given items: stands in for whatever node feeds ours in a real workflow. */
class ItemsSource implements INodeType {
	description = {
		displayName: 'Items',
		name: 'items',
		group: ['input'],
		version: 1,
		description: '',
		defaults: {},
		inputs: [],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	} as unknown as INodeType['description'];

	async execute(this: import('n8n-workflow').IExecuteFunctions) {
		const items = JSON.parse(this.getNodeParameter('items', 0) as string) as TestItem[];
		return [items.map(({ $binary, ...json }) => ({ json: json as import('n8n-workflow').IDataObject, binary: $binary }))];
	}
}

// One instance per type, as n8n keeps them.
const bitrix24Im = new Bitrix24Im();
const bitrix24Chatbot = new Bitrix24Chatbot();
const itemsSource = new ItemsSource();

/** The package's action nodes a test workflow can run: their type and the name the workflow gives them. */
const NODES = {
	im: { type: 'n8n-nodes-bitrix24-im.bitrix24Im', name: 'Bitrix24 IM', node: bitrix24Im },
	chatbot: { type: 'n8n-nodes-bitrix24-im.bitrix24Chatbot', name: 'Bitrix24 Chatbot', node: bitrix24Chatbot },
};
export type NodeUnderTest = keyof typeof NODES;

const typeNamed = (type: string) => Object.values(NODES).find((entry) => entry.type === type)?.node ?? itemsSource;
const nodeTypes: INodeTypes = {
	getByName: typeNamed,
	getByNameAndVersion: (type, version) => NodeHelpers.getVersionedNodeType(typeNamed(type), version),
	getKnownTypes: () => ({}),
};

/** Credentials as n8n would hand them to the node, and a record of what n8n would store after a refresh. */
export class TestCredentials extends ICredentialsHelper {
	readonly stored: Record<string, ICredentialDataDecryptedObject> = {};

	constructor(private readonly data: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	getParentTypes(name: string) {
		return name === 'bitrix24OAuth2Api' ? new Bitrix24OAuth2Api().extends : [];
	}

	isCredentialUsableByNode() {
		return true;
	}

	async authenticate(credentials: ICredentialDataDecryptedObject, type: string, options: IHttpRequestOptions) {
		// Both webhook credentials sign alike (the chatbot one adds its token as call parameters, not here).
		if (type !== 'bitrix24WebhookApi' && type !== 'bitrix24ChatbotWebhookApi') return options;
		const authenticate = new Bitrix24WebhookApi().authenticate as (
			c: ICredentialDataDecryptedObject,
			o: IHttpRequestOptions,
		) => Promise<IHttpRequestOptions>;
		return await authenticate(credentials, options);
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<never> {
		throw new Error('not used');
	}

	async getDecrypted(_additionalData: unknown, _details: unknown, type: string) {
		return structuredClone(this.stored[type] ?? this.data[type]);
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData(_details: unknown, type: string, data: ICredentialDataDecryptedObject) {
		this.stored[type] = structuredClone(data);
	}

	getCredentialsProperties() {
		return [];
	}
}

export interface WorkflowRun {
	run: IRun;
	/** The node's output items (json, pairedItem, and binaries: base64 `data` in n8n-core's memory mode). */
	output: Array<{ json: Record<string, unknown>; pairedItem?: unknown; binary?: Record<string, IBinaryData> }>;
	error?: Error;
}

function bitrix24Node(parameters: Record<string, unknown>, continueOnFail = false, which: NodeUnderTest = 'im'): INode {
	return {
		id: 'bitrix',
		name: NODES[which].name,
		type: NODES[which].type,
		typeVersion: 1,
		position: [200, 0],
		parameters: parameters as INode['parameters'],
		credentials: {
			bitrix24WebhookApi: { id: '1', name: 'Webhook' },
			bitrix24OAuth2Api: { id: '2', name: 'OAuth2' },
			bitrix24ChatbotWebhookApi: { id: '3', name: 'Chatbot webhook' },
		},
		onError: continueOnFail ? 'continueRegularOutput' : 'stopWorkflow',
	};
}

/** n8n's additional data for one execution: these credentials and hooks, nothing else (also used by the trigger's tests). */
export function additionalDataFor(credentials: TestCredentials, hooks: ExecutionLifecycleHooks) {
	const additionalData = mock<Record<string, unknown>>({
		executionId: 'exec-1',
		currentNodeParameters: undefined,
		encryptedRunnerIdentity: undefined,
		evalLlmMockHandler: undefined,
		otel: undefined,
		ssrfBridge: undefined,
		'oauth-jwe': undefined,
		executionContext: undefined,
	}) as unknown as IWorkflowExecuteAdditionalData;
	// Set after mock(): values passed to mock() are wrapped in its proxy, which invents a function for every missing key.
	additionalData.hooks = hooks;
	additionalData.credentialsHelper = credentials;
	return additionalData;
}

/**
 * Runs a workflow as the editor does (n8n-core's real WorkflowExecute, 'manual' mode), starting at `startNode` with one
 * empty item; resolves with the run n8n reports to its workflowExecuteAfter hook (also used by the trigger's tests).
 */
export async function executeFrom(workflow: Workflow, startNode: INode, credentials: TestCredentials): Promise<IRun> {
	const hooks = new ExecutionLifecycleHooks('manual', 'exec-1', mock());
	const finished = new Promise<IRun>((resolve) => hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)));
	const runData = {
		resultData: { runData: {} },
		executionData: {
			metadata: {},
			contextData: {},
			waitingExecution: {},
			waitingExecutionSource: null,
			nodeExecutionStack: [{ node: startNode, data: { main: [[{ json: {} }]] }, source: null }],
		},
	} as unknown as IRunExecutionData;
	await new WorkflowExecute(additionalDataFor(credentials, hooks), 'manual', runData).processRunExecutionData(workflow);
	return await finished;
}

/** Runs Items → Bitrix24 IM (or another of the package's nodes) through n8n-core's real WorkflowExecute. */
export async function runWorkflow(options: {
	items: TestItem[];
	parameters: Record<string, unknown>;
	credentials: TestCredentials;
	continueOnFail?: boolean;
	node?: NodeUnderTest;
}): Promise<WorkflowRun> {
	const { name } = NODES[options.node ?? 'im'];
	const source: INode = {
		id: 'source',
		name: 'Items',
		type: 'test.items',
		typeVersion: 1,
		position: [0, 0],
		parameters: { items: JSON.stringify(options.items) },
	};
	const node = bitrix24Node(options.parameters, options.continueOnFail, options.node);
	const workflow = new Workflow({
		id: 'test',
		nodes: [source, node],
		connections: { Items: { main: [[{ node: name, type: 'main', index: 0 }]] } },
		nodeTypes,
		active: false,
		settings: { executionOrder: 'v1' },
	});
	const run = await executeFrom(workflow, source, options.credentials);
	const output = (run.data.resultData.runData[name]?.[0]?.data?.main?.[0] ?? []) as WorkflowRun['output'];
	return { run, output, error: run.data.resultData.error as Error | undefined };
}

/** Calls one of the node's list-search methods (the editor's resource-locator lists) with n8n-core's own context. */
export async function runListSearch(options: {
	method: 'searchDialogs' | 'searchChats' | 'searchBots';
	filter?: string;
	paginationToken?: string;
	parameters: Record<string, unknown>;
	credentials: TestCredentials;
}): Promise<INodeListSearchResult> {
	const chatbot = options.method === 'searchBots';
	const node = bitrix24Node(options.parameters, false, chatbot ? 'chatbot' : 'im');
	const workflow = new Workflow({ id: 'test', nodes: [node], connections: {}, nodeTypes, active: false });
	const hooks = new ExecutionLifecycleHooks('manual', 'exec-1', mock());
	const field = chatbot ? 'parameters.botId' : 'parameters.dialogId';
	const context = new LoadOptionsContext(workflow, node, additionalDataFor(options.credentials, hooks), field);
	const search = chatbot ? bitrix24Chatbot.methods.listSearch.searchBots : bitrix24Im.methods.listSearch[options.method as 'searchDialogs'];
	return await search.call(context, options.filter, options.paginationToken);
}
