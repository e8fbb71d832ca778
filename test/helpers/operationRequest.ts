import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { findOperation } from '../../nodes/Bitrix24Im/actions';
import { operationFields } from '../../nodes/Bitrix24Im/actions/buildProperties';
import { createItemReader } from '../../nodes/Bitrix24Im/actions/fields';
import type { OperationDescription } from '../../nodes/Bitrix24Im/actions/types';

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

export function operationOf(resource: string, operation: string): OperationDescription {
	const found = findOperation(resource, operation);
	if (!found) throw new Error(`no operation ${resource} → ${operation}`);
	return found;
}

/**
 * What the executor would send for one item with these parameter values (and input binaries): the method and the
 * parameters as they travel (undefined ones dropped, as JSON and the batch encoder do). Throws the reader's input error
 * for a bad value.
 */
export async function requestFor(
	resource: string,
	operation: string,
	parameters: IDataObject,
	binaries?: Record<string, Binary>,
) {
	const op = operationOf(resource, operation);
	const read = createItemReader(fakeContext(parameters, binaries), 0, operationFields(op));
	const method = op.methodFor?.(read) ?? op.method;
	const params = await op.toParams(read);
	return { method, params: JSON.parse(JSON.stringify(params)) as IDataObject };
}
