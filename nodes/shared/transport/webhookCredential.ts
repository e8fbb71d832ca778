import type { IAuthenticate, ICredentialTestRequest, INodeProperties } from 'n8n-workflow';

import { parseWebhookUrl, WEBHOOK_URL_FORMAT } from './webhookUrl';

/** A webhook credential's URL field; `scopes` says which scopes to tick, e.g. `the "im" scope`. */
export function webhookUrlProperty(scopes: string): INodeProperties {
	return {
		displayName: 'Webhook URL',
		name: 'webhookUrl',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		placeholder: WEBHOOK_URL_FORMAT,
		hint: `In Bitrix24: Developer resources → Other → Inbound webhook, tick ${scopes}, save, copy the URL`,
		description: `The inbound webhook address from Bitrix24 (Developer resources → Other → Inbound webhook), with ${scopes} ticked. It contains a secret: treat it like a password.`,
	};
}

/** Signs a request with an incoming-webhook credential: its URL (with the secret) is the base of every method. */
export const webhookAuthenticate: IAuthenticate = async (credentials, requestOptions) => {
	const { baseUrl } = parseWebhookUrl(credentials.webhookUrl as string);
	return { ...requestOptions, baseURL: baseUrl };
};

/**
 * A webhook credential's test: calls `method` (any user may) and tells a wrong secret, a missing scope and an address
 * that is not Bitrix24 apart. `scope` is the scope the method needs, as Bitrix24's webhook form labels it.
 */
export function webhookCredentialTest(method: string, scope: { name: string; label: string }): ICredentialTestRequest {
	return {
		request: { method: 'POST', url: `${method}.json`, ignoreHttpStatusErrors: true },
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error',
					value: 'INVALID_CREDENTIALS',
					message:
						'Bitrix24 rejected the webhook (INVALID_CREDENTIALS): the secret or user id is wrong, or the webhook was deleted, regenerated or blocked. Copy the current URL from Bitrix24.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error',
					value: 'insufficient_scope',
					message: `The webhook works but lacks the "${scope.name}" (${scope.label}) scope. Edit the webhook in Bitrix24, tick "${scope.name}", save.`,
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error',
					value: 'NO_AUTH_FOUND',
					message: 'Bitrix24 found no credentials in the request: check the /rest/<userId>/<secret>/ part of the URL.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'result',
					value: undefined,
					message:
						'The address did not answer like a Bitrix24 REST webhook. Check the portal address and that it is reachable from n8n.',
				},
			},
		],
	};
}
