import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { Bitrix24Client, connect } from '../transport';
import type { Authentication } from '../transport';
import { hintFor, failureMessage, toNodeApiError } from '../transport/errors';
import type { Bitrix24Outcome } from '../transport/types';
import { operationFields } from './buildProperties';
import { createItemReader, itemParameter } from './fields';
import { findOperation } from './index';
import { readRunOptions } from './options';
import type { OperationDescription } from './types';

interface ItemRequest {
	itemIndex: number;
	method: string;
	params: IDataObject;
	/** For a list operation: how many records the item wants (undefined: all of them). */
	limit?: number;
}

type ItemState = ItemRequest | { inputError: NodeOperationError };

async function readItem(
	context: IExecuteFunctions,
	operation: OperationDescription,
	fields: INodeProperties[],
	itemIndex: number,
): Promise<ItemState> {
	try {
		const read = createItemReader(context, itemIndex, fields);
		const method = operation.methodFor?.(read) ?? operation.method;
		const params = await operation.toParams(read);
		const returnAll = operation.paging && itemParameter(context, 'returnAll', itemIndex, false) === true;
		const limit = operation.paging && !returnAll ? read.positiveInteger('limit') : undefined;
		return { itemIndex, method, params, limit };
	} catch (error) {
		if (error instanceof NodeOperationError) return { inputError: error };
		throw new NodeOperationError(context.getNode(), error as Error, { itemIndex });
	}
}

/** Walks a list method's pages for one item; the records come back as one answer whose result is their array. */
async function readPages(client: Bitrix24Client, operation: OperationDescription, request: ItemRequest): Promise<Bitrix24Outcome> {
	const paging = operation.paging as NonNullable<OperationDescription['paging']>;
	const { param, max } = paging.pageSize;
	const records: IDataObject[] = [];
	let params = request.params;
	for (;;) {
		const size = request.limit === undefined ? max : Math.min(max, request.limit - records.length);
		const outcome = await client.call(request.method, { ...params, [param]: size }, operation.retrySafe);
		if (!outcome.ok) return outcome;
		const page = paging.records(outcome.value);
		records.push(...page);
		const next = page.length > 0 && (request.limit === undefined || records.length < request.limit)
			? paging.nextPage(outcome.value, params, page)
			: undefined;
		if (!next) return { ok: true, value: { result: records.slice(0, request.limit) } };
		params = next;
	}
}

async function sendOne(client: Bitrix24Client, operation: OperationDescription, request: ItemRequest) {
	if (operation.run) {
		const step = async (method: string, params: IDataObject): Promise<Bitrix24Outcome> => {
			const outcome = await client.call(method, params, operation.retrySafe);
			return outcome.ok ? outcome : { ok: false, failure: { ...outcome.failure, method } };
		};
		return await operation.run(step, request.params);
	}
	if (operation.paging) return await readPages(client, operation, request);
	return await client.call(request.method, request.params, operation.retrySafe);
}

async function sendAll(
	client: Bitrix24Client,
	operation: OperationDescription,
	requests: ItemRequest[],
	batching: boolean,
	stopAtFirstFailure: boolean,
): Promise<Map<number, Bitrix24Outcome>> {
	const singleCall = !operation.paging && !operation.run;
	if (batching && operation.batchable && singleCall && requests.length > 1) {
		const byKey = await client.callBatch(
			requests.map(({ itemIndex, method, params }) => ({ key: `i${itemIndex}`, method, params })),
			operation.retrySafe,
		);
		return new Map(requests.map(({ itemIndex }) => [itemIndex, byKey.get(`i${itemIndex}`) as Bitrix24Outcome]));
	}
	const outcomes = new Map<number, Bitrix24Outcome>();
	for (const request of requests) {
		const outcome = await sendOne(client, operation, request);
		outcomes.set(request.itemIndex, outcome);
		if (!outcome.ok && stopAtFirstFailure) break;
	}
	return outcomes;
}

function outputRows(context: IExecuteFunctions, operation: OperationDescription, request: ItemRequest, answer: Bitrix24Outcome & { ok: true }) {
	if (operation.paging) return answer.value.result as IDataObject[];
	const simplify = operation.shape && itemParameter(context, 'simplify', request.itemIndex, true) === true;
	const shaped = simplify
		? (operation.shape as NonNullable<OperationDescription['shape']>)(answer.value, request.params)
		: (answer.value as unknown as IDataObject);
	return Array.isArray(shaped) ? shaped : [shaped];
}

/**
 * The one loop every operation shares: validate every item first (a bad item is never sent), send the good ones
 * (batched where the operation allows), then emit outputs in input order, paired and scrubbed.
 */
export async function executeOperation(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const node = this.getNode();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = findOperation(resource, operationName);
	if (!operation) throw new NodeOperationError(node, `Unknown operation "${operationName}" of resource "${resource}"`);
	const continueOnFail = this.continueOnFail();
	const items = this.getInputData();

	const fields = operationFields(operation);
	const states: ItemState[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) states.push(await readItem(this, operation, fields, itemIndex));
	const firstInputError = states.find((state): state is { inputError: NodeOperationError } => 'inputError' in state);
	if (firstInputError && !continueOnFail) throw firstInputError.inputError;

	const options = readRunOptions(this);
	const authentication = this.getNodeParameter('authentication', 0) as Authentication;
	const connection = await connect(this, authentication, options.timeoutMs).catch((error: Error) => {
		throw new NodeOperationError(node, `Bitrix24 credential: ${error.message}`, {
			description: 'Open the credential of this node and correct it; nothing was sent to Bitrix24.',
		});
	});
	const client = new Bitrix24Client(this, connection, options.rateLimit);
	const requests = states.filter((state): state is ItemRequest => !('inputError' in state));
	const outcomes = await sendAll(client, operation, requests, options.batching, !continueOnFail);

	const scrub = connection.scrubber;
	const output: INodeExecutionData[] = [];
	states.forEach((state, itemIndex) => {
		const pairedItem = { item: itemIndex };
		if ('inputError' in state) {
			const { message, description } = state.inputError;
			output.push({ json: { error: message, description: description ?? undefined }, pairedItem });
			return;
		}
		const sent = outcomes.get(itemIndex);
		if (!sent) return;
		const refusal = sent.ok ? operation.check?.(sent.value) : undefined;
		const outcome: Bitrix24Outcome = refusal ? { ok: false, failure: refusal } : sent;
		if (!outcome.ok) {
			const method = outcome.failure.method ?? state.method;
			if (!continueOnFail) throw toNodeApiError(node, method, outcome.failure, scrub, itemIndex);
			const { code, httpStatus } = outcome.failure;
			output.push({
				json: scrub.value({
					error: failureMessage(method, outcome.failure),
					code,
					httpStatus,
					description: hintFor(code),
				}),
				pairedItem,
			});
			return;
		}
		for (const row of outputRows(this, operation, state, outcome)) output.push({ json: scrub.value(row), pairedItem });
	});
	return [output];
}
