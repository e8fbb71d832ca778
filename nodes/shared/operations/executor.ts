import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readRunOptions } from '../fields';
import { openClient, toFailureItem, toNodeApiError } from '../transport';
import type { Authentication, Bitrix24Success, CallOutcome, CredentialProfiles } from '../transport';
import { toInputErrorItem } from './itemReader';
import type { OperationDescription, ResourceDescription } from './kinds';
import { itemParameter } from './parameters';
import { operationFields } from './properties';
import type { ItemRequest } from './requests';
import { readRequest } from './requests';
import { sendAll } from './sending';

type ItemState = ItemRequest | { inputError: NodeOperationError };

async function readItem(
	context: IExecuteFunctions,
	operation: OperationDescription,
	fields: INodeProperties[],
	itemIndex: number,
): Promise<ItemState> {
	try {
		return await readRequest(context, operation, fields, itemIndex);
	} catch (error) {
		if (error instanceof NodeOperationError) return { inputError: error };
		throw new NodeOperationError(context.getNode(), error as Error, { itemIndex });
	}
}

/** The raw answer for the output: a downloaded file leaves as a binary (see `binaryOf`), never inside the JSON. */
function withoutFile(answer: Bitrix24Success): IDataObject {
	const raw: IDataObject = { ...(answer as unknown as IDataObject) };
	delete raw.file;
	return raw;
}

function outputRows(
	context: IExecuteFunctions,
	operation: OperationDescription,
	request: ItemRequest,
	answer: CallOutcome & { ok: true },
): IDataObject[] {
	if (operation.kind === 'list') return answer.value.result as IDataObject[];
	const simplify = operation.shape && itemParameter(context, 'simplify', request.itemIndex, true) === true;
	const shaped = simplify && operation.shape ? operation.shape(answer.value, request.params) : withoutFile(answer.value);
	return Array.isArray(shaped) ? shaped : [shaped];
}

/** A file the operation downloaded, as the n8n binary of its output item, under the property its field names. */
async function binaryOf(
	context: IExecuteFunctions,
	operation: OperationDescription,
	request: ItemRequest,
	{ file }: Bitrix24Success,
): Promise<INodeExecutionData['binary']> {
	if (!file || operation.kind !== 'steps' || !operation.binaryOutputField) return undefined;
	const property = String(itemParameter(context, operation.binaryOutputField, request.itemIndex, 'data'));
	return { [property]: await context.helpers.prepareBinaryData(file.data, file.fileName, file.mimeType) };
}

function findOperation(resources: ResourceDescription[], resource: string, operation: string) {
	return resources.find((entry) => entry.value === resource)?.operations.find((entry) => entry.value === operation);
}

/**
 * The one loop every operation shares: validate every item first (a bad item is never sent), send the good ones
 * (batched where the operation allows), then emit outputs in input order, paired and scrubbed. `credentials`: the
 * node's credential for each Authentication value (default: the IM nodes').
 */
export async function executeOperation(
	this: IExecuteFunctions,
	resources: ResourceDescription[],
	credentials?: CredentialProfiles,
): Promise<INodeExecutionData[][]> {
	const node = this.getNode();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = findOperation(resources, resource, operationName);
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
	const client = await openClient(this, authentication, { ...options, credentials }).catch((error: Error) => {
		throw new NodeOperationError(node, `Bitrix24 credential: ${error.message}`, {
			description: 'Open the credential of this node and correct it; nothing was sent to Bitrix24.',
		});
	});
	const requests = states.filter((state): state is ItemRequest => !('inputError' in state));
	const outcomes = await sendAll(client, operation, requests, options.batching, !continueOnFail);

	const output: INodeExecutionData[] = [];
	for (const [itemIndex, state] of states.entries()) {
		const pairedItem = { item: itemIndex };
		const outcome = 'inputError' in state ? undefined : outcomes.get(itemIndex);
		if ('inputError' in state) {
			output.push({ json: toInputErrorItem(state.inputError), pairedItem });
		} else if (outcome && !outcome.ok) {
			if (!continueOnFail) throw toNodeApiError(node, outcome.failure, client.scrubber, itemIndex);
			output.push({ json: toFailureItem(outcome.failure, client.scrubber), pairedItem });
		} else if (outcome) {
			const binary = await binaryOf(this, operation, state, outcome.value);
			for (const row of outputRows(this, operation, state, outcome)) {
				output.push({ json: client.scrubber.value(row), pairedItem, ...(binary && { binary }) });
			}
		}
	}
	return [output];
}
