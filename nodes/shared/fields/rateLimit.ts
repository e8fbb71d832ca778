import type { INodeProperties } from 'n8n-workflow';

/** The field names a Rate Limit setting is stored under (the node option keeps the names saved workflows hold). */
interface RateLimitNames {
	choice: string;
	burst: string;
	perSecond: string;
}

/** A Rate Limit choice (Standard, Enterprise, Custom) and the custom values, shown for Custom. */
export function rateLimitFields(names: RateLimitNames, description: string): INodeProperties[] {
	const custom = { show: { [names.choice]: ['custom'] } };
	return [
		{
			displayName: 'Rate Limit',
			name: names.choice,
			type: 'options',
			default: 'standard',
			description,
			options: [
				{ name: 'Standard Plan (50 Burst, 2 per Second)', value: 'standard' },
				{ name: 'Enterprise Plan (250 Burst, 5 per Second)', value: 'enterprise' },
				{ name: 'Custom', value: 'custom' },
			],
		},
		{
			displayName: 'Rate Limit Burst',
			name: names.burst,
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			displayOptions: custom,
			description: 'Requests that may be sent at once before the drain rate applies',
		},
		{
			displayName: 'Rate Limit Requests per Second',
			name: names.perSecond,
			type: 'number',
			default: 2,
			typeOptions: { minValue: 0.1, numberPrecision: 1 },
			displayOptions: custom,
			description: 'Sustained requests per second once the burst is used up',
		},
	];
}

/** The Rate Limit of both credentials: where a portal's limit is set. */
export const credentialRateLimitFields = rateLimitFields(
	{ choice: 'rateLimit', burst: 'rateLimitBurst', perSecond: 'rateLimitPerSecond' },
	'The portal\'s request limit, from its Bitrix24 plan: Enterprise allows 250 requests at once, then 5 per second; the other plans 50, then 2 per second. Every workflow, trigger and list of this n8n process that uses the portal shares this one limit. If another credential or a node\'s Rate Limit option names a different limit for the same portal, the stricter one applies.',
);
