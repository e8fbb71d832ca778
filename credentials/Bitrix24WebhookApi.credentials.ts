import type {
	IAuthenticate,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { credentialRateLimitFields } from '../nodes/shared/fields';
import { parseWebhookUrl, WEBHOOK_URL_FORMAT } from '../nodes/shared/transport';

export class Bitrix24WebhookApi implements ICredentialType {
	name = 'bitrix24WebhookApi';

	displayName = 'Bitrix24 Webhook API';

	icon: Icon = {
		light: 'file:../nodes/Bitrix24Im/bitrix24.svg',
		dark: 'file:../nodes/Bitrix24Im/bitrix24.dark.svg',
	};

	documentationUrl = 'https://apidocs.bitrix24.com/local-integrations/local-webhooks.html';

	properties: INodeProperties[] = [
		{
			displayName: 'Webhook URL',
			name: 'webhookUrl',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: WEBHOOK_URL_FORMAT,
			hint: 'In Bitrix24: Developer resources → Other → Inbound webhook, tick the "im" scope, save, copy the URL',
			description:
				'The inbound webhook address from Bitrix24 (Developer resources → Other → Inbound webhook), with the "im" scope ticked. It contains a secret: treat it like a password.',
		},
		...credentialRateLimitFields,
	];

	authenticate: IAuthenticate = async (credentials, requestOptions) => {
		const { baseUrl } = parseWebhookUrl(credentials.webhookUrl as string);
		return { ...requestOptions, baseURL: baseUrl };
	};

	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: 'im.revision.get.json',
			ignoreHttpStatusErrors: true,
		},
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
					message:
						'The webhook works but lacks the "im" (Chat and notifications) scope. Edit the webhook in Bitrix24, tick "im", save.',
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
