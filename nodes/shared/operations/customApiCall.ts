import type { IDataObject } from 'n8n-workflow';

import { booleanField } from '../fields';
import type { ItemReader } from './itemReader';
import { singleCall } from './kinds';
import type { OperationDescription, ResourceDescription } from './kinds';

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

/**
 * Any Bitrix24 method, through the node's batching, limits and errors. Its name is n8n's own (CUSTOM_API_CALL_NAME in
 * n8n's load-nodes-and-credentials): n8n adds a "Custom API Call" that the node cannot run to every Resource and
 * Operation list that does not already end with one, for nodes whose credentials n8n's HTTP Request node could use.
 */
export const CUSTOM_API_CALL_NAME = 'Custom API Call';

const callAnyMethod: OperationDescription = singleCall({
	value: 'call',
	name: CUSTOM_API_CALL_NAME,
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
		booleanField(
			'Safe to Retry',
			'safeToRetry',
			'Whether the node may send the call again after a failure that leaves open whether Bitrix24 ran it (a server error, a reset connection, a timeout). Turn on for reads and for changes that end in the same state however often they run, e.g. crm.deal.get, im.counters.get or im.dialog.read. Leave off for calls that create or send something, e.g. im.message.add, crm.deal.add or im.notify.personal.add: a repeat would do it twice. Refusals that prove nothing ran (the rate limit) are retried either way.',
		),
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
	// The method is unknown to the node: only the user can say that running it twice does no harm.
	retrySafe: (read) => read.flag('safeToRetry', false) === 'Y',
});

/**
 * The node's resources with Custom API Call last in every Operation list, and last as a resource of its own (the one
 * saved workflows name: customApiCall → call). n8n then adds none of its own, so each list has one Custom API Call, and
 * it works.
 */
export function withCustomApiCall(resources: ResourceDescription[]): ResourceDescription[] {
	return [
		...resources.map((resource) => ({ ...resource, operations: [...resource.operations, callAnyMethod] })),
		{ value: 'customApiCall', name: CUSTOM_API_CALL_NAME, operations: [callAnyMethod] },
	];
}
