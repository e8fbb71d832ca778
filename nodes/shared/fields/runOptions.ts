import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENTERPRISE_PLAN, STANDARD_PLAN } from '../transport';
import type { RateLimit } from '../transport';
import { booleanField, collectionField, timeoutOption } from './common';

export interface RunOptions {
	batching: boolean;
	rateLimit: RateLimit;
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
	{
		displayName: 'Rate Limit',
		name: 'rateLimit',
		type: 'options',
		default: 'standard',
		description:
			'How fast to send requests to the portal. Shared by every workflow of this n8n process that uses the same portal.',
		options: [
			{ name: 'Standard Plan (50 Burst, 2 per Second)', value: 'standard' },
			{ name: 'Enterprise Plan (250 Burst, 5 per Second)', value: 'enterprise' },
			{ name: 'Custom', value: 'custom' },
		],
	},
	{
		displayName: 'Rate Limit Burst',
		name: 'burst',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1 },
		displayOptions: { show: { rateLimit: ['custom'] } },
		description: 'Requests that may be sent at once before the drain rate applies',
	},
	{
		displayName: 'Rate Limit Requests per Second',
		name: 'drainPerSecond',
		type: 'number',
		default: 2,
		typeOptions: { minValue: 0.1, numberPrecision: 1 },
		displayOptions: { show: { rateLimit: ['custom'] } },
		description: 'Sustained requests per second once the burst is used up',
	},
	timeoutOption('How long to wait for one Bitrix24 answer. Bitrix24 Cloud ends requests after 60 seconds.'),
]);

export function readRunOptions(context: IExecuteFunctions): RunOptions {
	const options = context.getNodeParameter('options', 0, {}) as {
		batching?: boolean;
		rateLimit?: string;
		burst?: number;
		drainPerSecond?: number;
		timeout?: number;
	};
	const rateLimit =
		options.rateLimit === 'enterprise'
			? ENTERPRISE_PLAN
			: options.rateLimit === 'custom'
				? { burst: options.burst ?? STANDARD_PLAN.burst, drainPerSecond: options.drainPerSecond ?? STANDARD_PLAN.drainPerSecond }
				: STANDARD_PLAN;
	return { batching: options.batching !== false, rateLimit, timeoutMs: (options.timeout ?? 60) * 1000 };
}
