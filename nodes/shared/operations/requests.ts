import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ParameterPlacement } from '../transport';

import { createItemReader } from './itemReader';
import type { OperationDescription } from './kinds';
import { itemParameter } from './parameters';

/** One item's validated request. */
export interface ItemRequest {
	itemIndex: number;
	/** The Bitrix24 method it calls (none for a several-call operation: each step names its own). */
	method?: string;
	params: IDataObject;
	/** Whether sending it again after an ambiguous failure is safe. */
	retrySafe: boolean;
	/** For a list operation: how many records the item wants (undefined: all of them). */
	limit?: number;
	/** Where the credential's call parameters go. */
	placement?: ParameterPlacement;
}

/** Reads and validates one item's fields into its request; throws the reader's input error for a bad value. */
export async function readRequest(
	context: IExecuteFunctions,
	operation: OperationDescription,
	fields: INodeProperties[],
	itemIndex: number,
): Promise<ItemRequest> {
	const read = createItemReader(context, itemIndex, fields);
	// The method first: Custom API Call's parameters are read only for a valid method name.
	const method =
		operation.kind === 'steps' ? undefined : typeof operation.method === 'string' ? operation.method : operation.method(read);
	const params = await operation.toParams(read);
	const placement = operation.credentialParameters;
	if (operation.kind === 'list') {
		const returnAll = itemParameter(context, 'returnAll', itemIndex, false) === true;
		return { itemIndex, method, params, retrySafe: true, limit: returnAll ? undefined : read.positiveInteger('limit'), placement };
	}
	const retrySafe = typeof operation.retrySafe === 'boolean' ? operation.retrySafe : operation.retrySafe(read);
	return { itemIndex, method, params, retrySafe, placement };
}
