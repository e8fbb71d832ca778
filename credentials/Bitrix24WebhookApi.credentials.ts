import type {
	IAuthenticate,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { credentialRateLimitFields } from '../nodes/shared/fields';
import { WEBHOOK_URL_FORMAT, webhookAuthenticate, webhookCredentialTest } from '../nodes/shared/transport';

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
			description:
				'The inbound webhook address from Bitrix24 (Developer resources → Other → Inbound webhook), with the "im" scope ticked. It contains a secret: treat it like a password.',
		},
		...credentialRateLimitFields,
	];

	authenticate: IAuthenticate = webhookAuthenticate;

	test: ICredentialTestRequest = webhookCredentialTest('im.revision.get', { name: 'im', label: 'Chat and notifications' });
}
