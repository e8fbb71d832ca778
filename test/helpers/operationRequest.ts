import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { resources } from '../../nodes/Bitrix24Im/actions';
import type {
	ListOperation,
	OperationDescription,
	ResourceDescription,
	SingleCallOperation,
} from '../../nodes/shared/operations';
import { operationFields } from '../../nodes/shared/operations/properties';
import { readRequest } from '../../nodes/shared/operations/requests';

/** An input binary of the item: its bytes, file name and MIME type. */
export interface Binary {
	data: Buffer;
	fileName: string;
	mimeType: string;
}

/**
 * The n8n side of one item, as the reader sees it: parameter values, nested by dots (collections); resource locators
 * as {value}; input binaries by property name.
 */
function fakeContext(parameters: IDataObject, binaries: Record<string, Binary> = {}): IExecuteFunctions {
	const lookUp = (path: string) =>
		path.split('.').reduce<unknown>((value, key) => (value as IDataObject | undefined)?.[key], parameters);
	return {
		getNode: () => ({ name: 'Bitrix24 IM' }),
		getNodeParameter: (path: string, _item: number, fallback: unknown, options?: { extractValue?: boolean }) => {
			const value = lookUp(path);
			if (value === undefined) return fallback;
			if (options?.extractValue && typeof value === 'object' && value !== null) return (value as IDataObject).value;
			return value;
		},
		getInputData: () => [
			{
				json: {},
				binary: Object.fromEntries(
					Object.entries(binaries).map(([name, { fileName, mimeType }]) => [name, { data: '', fileName, mimeType }]),
				),
			},
		],
		helpers: { getBinaryDataBuffer: async (_item: number, name: string) => binaries[name].data },
	} as unknown as IExecuteFunctions;
}

/** The helpers below for one node's resources (the IM node's are exported as they are). */
export function operationHelpers(resources: ResourceDescription[]) {
	function operationOf(resource: string, operation: string): OperationDescription {
		const found = resources.find((entry) => entry.value === resource)?.operations.find((entry) => entry.value === operation);
		if (!found) throw new Error(`no operation ${resource} → ${operation}`);
		return found;
	}

	function singleCallOf(resource: string, operation: string): SingleCallOperation {
		const found = operationOf(resource, operation);
		if (found.kind !== 'call') throw new Error(`${resource} → ${operation} is not a single call`);
		return found;
	}

	function listOf(resource: string, operation: string): ListOperation {
		const found = operationOf(resource, operation);
		if (found.kind !== 'list') throw new Error(`${resource} → ${operation} is not a list`);
		return found;
	}

	/** The executor's reading of one item with these parameter values (and input binaries). */
	async function itemRequest(resource: string, operation: string, parameters: IDataObject, binaries?: Record<string, Binary>) {
		const op = operationOf(resource, operation);
		const fields = operationFields(op);
		// As in n8n, a parameter that is not set has its field's default.
		const defaults = Object.fromEntries(fields.map((field) => [field.name, field.default]));
		return await readRequest(fakeContext({ ...defaults, ...parameters }, binaries), op, fields, 0);
	}

	/**
	 * What the executor would send for one item with these parameter values (and input binaries): the method and the
	 * parameters as they travel (undefined ones dropped, as JSON and the batch encoder do). Throws the reader's input
	 * error for a bad value.
	 */
	async function requestFor(resource: string, operation: string, parameters: IDataObject, binaries?: Record<string, Binary>) {
		const { method, params } = await itemRequest(resource, operation, parameters, binaries);
		return { method, params: JSON.parse(JSON.stringify(params)) as IDataObject };
	}

	/** Whether the executor would send this item again after an ambiguous failure. */
	async function retrySafeFor(resource: string, operation: string, parameters: IDataObject): Promise<boolean> {
		return (await itemRequest(resource, operation, parameters)).retrySafe;
	}

	return { operationOf, singleCallOf, listOf, requestFor, retrySafeFor };
}

/**
 * Whether an operation may be repeated after an ambiguous failure ('per item' where a field says so), and sent in
 * `batch` requests, whatever its kind.
 */
export function sendingTraits(op: OperationDescription): { retrySafe: boolean | 'per item'; batchable: boolean } {
	const retrySafe = op.kind === 'list' || (typeof op.retrySafe === 'function' ? 'per item' : op.retrySafe);
	return { retrySafe, batchable: op.kind === 'call' && op.batchable };
}

export const { operationOf, singleCallOf, listOf, requestFor, retrySafeFor } = operationHelpers(resources);
