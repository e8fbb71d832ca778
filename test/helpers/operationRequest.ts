import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { findOperation } from '../../nodes/Bitrix24Im/actions';
import { operationFields } from '../../nodes/Bitrix24Im/actions/buildProperties';
import { createItemReader } from '../../nodes/Bitrix24Im/actions/fields';
import type { OperationDescription } from '../../nodes/Bitrix24Im/actions/types';

/** The n8n side of one item, as the reader sees it: parameter values, nested by dots; resource locators as {value}. */
function fakeContext(parameters: IDataObject): IExecuteFunctions {
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
		getInputData: () => [{ json: {} }],
	} as unknown as IExecuteFunctions;
}

export function operationOf(resource: string, operation: string): OperationDescription {
	const found = findOperation(resource, operation);
	if (!found) throw new Error(`no operation ${resource} → ${operation}`);
	return found;
}

/**
 * What the executor would send for one item with these parameter values: the method and the parameters as they travel
 * (undefined ones dropped, as JSON and the batch encoder do). Throws the reader's input error for a bad value.
 */
export async function requestFor(resource: string, operation: string, parameters: IDataObject) {
	const op = operationOf(resource, operation);
	const read = createItemReader(fakeContext(parameters), 0, operationFields(op));
	const params = await op.toParams(read);
	return { method: op.methodFor?.(read) ?? op.method, params: JSON.parse(JSON.stringify(params)) as IDataObject };
}
