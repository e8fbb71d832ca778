import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { Bitrix24Client, connect } from '../transport';
import type { Authentication } from '../transport';
import { hintFor, failureMessage, toNodeApiError } from '../transport/errors';
import type { Bitrix24Outcome } from '../transport/types';
import { createItemReader } from './fields';
import { findOperation } from './index';
import { readRunOptions } from './options';
import type { OperationDescription } from './types';

type ItemState = { params: IDataObject } | { inputError: NodeOperationError };

function itemParams(context: IExecuteFunctions, operation: OperationDescription, itemIndex: number): ItemState {
	try {
		return { params: operation.toParams(createItemReader(context, itemIndex, operation.fields)) };
	} catch (error) {
		if (error instanceof NodeOperationError) return { inputError: error };
		throw new NodeOperationError(context.getNode(), error as Error, { itemIndex });
	}
}

async function sendAll(
	client: Bitrix24Client,
	operation: OperationDescription,
	requests: Array<{ itemIndex: number; params: IDataObject }>,
	batching: boolean,
	stopAtFirstFailure: boolean,
): Promise<Map<number, Bitrix24Outcome>> {
	if (batching && operation.batchable && requests.length > 1) {
		const byKey = await client.callBatch(
			operation.method,
			requests.map(({ itemIndex, params }) => ({ key: `i${itemIndex}`, params })),
			operation.retrySafe,
		);
		return new Map(requests.map(({ itemIndex }) => [itemIndex, byKey.get(`i${itemIndex}`) as Bitrix24Outcome]));
	}
	const outcomes = new Map<number, Bitrix24Outcome>();
	for (const { itemIndex, params } of requests) {
		const outcome = await client.call(operation.method, params, operation.retrySafe);
		outcomes.set(itemIndex, outcome);
		if (!outcome.ok && stopAtFirstFailure) break;
	}
	return outcomes;
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

	const states = items.map((_, itemIndex) => itemParams(this, operation, itemIndex));
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
	const requests = states.flatMap((state, itemIndex) => ('params' in state ? [{ itemIndex, params: state.params }] : []));
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
			if (!continueOnFail) throw toNodeApiError(node, operation.method, outcome.failure, scrub, itemIndex);
			const { code, httpStatus } = outcome.failure;
			output.push({
				json: scrub.value({
					error: failureMessage(operation.method, outcome.failure),
					code,
					httpStatus,
					description: hintFor(code),
				}),
				pairedItem,
			});
			return;
		}
		const simplify = operation.shape && this.getNodeParameter('simplify', itemIndex, true) === true;
		const shaped = simplify
			? (operation.shape as NonNullable<OperationDescription['shape']>)(outcome.value, state.params)
			: (outcome.value as unknown as IDataObject);
		const rows = Array.isArray(shaped) ? shaped : [shaped];
		for (const row of rows) output.push({ json: scrub.value(row), pairedItem });
	});
	return [output];
}
