import type { IExecuteFunctions, INodeProperties, NodeHint } from 'n8n-workflow';

import { planLimit } from '../transport';
import type { RateLimit } from '../transport';
import { booleanField, collectionField, timeoutOption } from './common';
import { rateLimitFields } from './rateLimit';

export interface RunOptions {
	batching: boolean;
	/** The node's own Rate Limit option, when a saved workflow set one. */
	rateLimit?: RateLimit;
	timeoutMs: number;
}

/** Settings every operation shares; shown under "Options" whatever the operation. */
export const optionsProperty: INodeProperties = collectionField('Options', 'options', 'Add Option', [
	booleanField(
		'Batch Requests',
		'batching',
		'Whether to combine items into Bitrix24 batch requests of up to 50 commands each, for operations that allow it. Much faster under Bitrix24\'s request limit.',
		true,
	),
	...rateLimitFields(
		{ choice: 'rateLimit', burst: 'burst', perSecond: 'drainPerSecond' },
		'A lower request rate for this node only. The portal\'s limit is set on the credential (its Rate Limit field); when this option and the credential differ, the stricter one applies, so this option can slow this node down but never raise the portal\'s limit.',
	),
	timeoutOption('How long to wait for one Bitrix24 answer. Bitrix24 Cloud ends requests after 60 seconds.'),
]);

/**
 * n8n shows an option of a collection only once it is added, so choosing Rate Limit → Custom alone shows no values to
 * set: this hint, shown in the node's panel while Custom lacks them, says where they are.
 */
export const runOptionsHints: NodeHint[] = [
	{
		message:
			'Rate Limit is Custom: set its values with Options → Add Option → Rate Limit Burst and Rate Limit Requests per Second (until then: 50 at once, then 2 per second).',
		type: 'info',
		location: 'ndv',
		whenToDisplay: 'always',
		displayCondition:
			'={{ (($parameter["options"] || {}).rateLimit === "custom") && (($parameter["options"].burst === undefined) || ($parameter["options"].drainPerSecond === undefined)) }}',
	},
];

export function readRunOptions(context: IExecuteFunctions): RunOptions {
	const options = context.getNodeParameter('options', 0, {}) as {
		batching?: boolean;
		rateLimit?: string;
		burst?: number;
		drainPerSecond?: number;
		timeout?: number;
	};
	const rateLimit = planLimit(options.rateLimit, options.burst, options.drainPerSecond);
	return { batching: options.batching !== false, rateLimit, timeoutMs: (options.timeout ?? 60) * 1000 };
}
