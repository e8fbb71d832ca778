import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

/** The Authentication selector of every node; each of its values shows one credential (see `credentialsByAuthentication`). */
export function authenticationField(): INodeProperties {
	return {
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: [
			{ name: 'Incoming Webhook', value: 'webhook' },
			{ name: 'OAuth2', value: 'oAuth2' },
		],
		default: 'webhook',
	};
}

/** The credentials of every node, each shown for its Authentication value. */
export function credentialsByAuthentication(): INodeCredentialDescription[] {
	return [
		{ name: 'bitrix24WebhookApi', required: true, displayOptions: { show: { authentication: ['webhook'] } } },
		{ name: 'bitrix24OAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
	];
}
