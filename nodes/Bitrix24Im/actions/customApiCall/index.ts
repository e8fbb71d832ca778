import type { IDataObject } from 'n8n-workflow';

import { singleCall } from '../../../shared/operations';
import type { ItemReader, ResourceDescription } from '../../../shared/operations';

const METHOD_NAME = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/;

/** A Bitrix24 method name (letters, digits, underscores, dot-separated); `batch` is the node's own business. */
function methodName(read: ItemReader): string {
	const name = read.text('method');
	if (!METHOD_NAME.test(name)) {
		read.invalid('method', 'use a Bitrix24 method name: letters, digits and underscores separated by dots, e.g. im.counters.get');
	}
	if (name.toLowerCase() === 'batch') {
		read.invalid('method', 'the node already sends items in batch requests (Options → Batch Requests); call the method itself');
	}
	return name;
}

export const customApiCall: ResourceDescription = {
	value: 'customApiCall',
	name: 'Custom API Call',
	operations: [
		singleCall({
			value: 'call',
			name: 'Call',
			action: 'Call any Bitrix24 REST method',
			description: 'Call any Bitrix24 REST method with JSON parameters, through the node\'s batching, limits and error handling',
			method: methodName,
			fields: [
				{
					displayName: 'Method',
					name: 'method',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'im.counters.get',
					description:
						'The Bitrix24 REST method, e.g. im.counters.get or im.chat.user.list; the credential needs its scope',
				},
				{
					displayName: 'Parameters',
					name: 'parameters',
					type: 'json',
					default: '{}',
					description: 'The method\'s parameters as a JSON object, e.g. {"CHAT_ID": 12}. Empty for none.',
				},
			],
			toParams: (read) => {
				const parameters = read.json('parameters') ?? {};
				if (Array.isArray(parameters)) {
					read.invalid('parameters', 'it must be a JSON object of parameter names and values, e.g. {"CHAT_ID": 12}');
				}
				return parameters as IDataObject;
			},
			shape: ({ result, next, total }) => ({
				result: result as IDataObject,
				...(next !== undefined && { next }),
				...(total !== undefined && { total }),
			}),
			// The method is unknown: it may create something each time it runs.
			retrySafe: false,
		}),
	],
};
