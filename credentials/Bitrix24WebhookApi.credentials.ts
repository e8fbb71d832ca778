import type {
	IAuthenticate,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { credentialRateLimitFields } from '../nodes/shared/fields';
import { webhookAuthenticate, webhookCredentialTest, webhookUrlProperty } from '../nodes/shared/transport';

export class Bitrix24WebhookApi implements ICredentialType {
	name = 'bitrix24WebhookApi';

	displayName = 'Bitrix24 Webhook API';

	icon: Icon = {
		light: 'file:../nodes/Bitrix24Im/bitrix24.svg',
		dark: 'file:../nodes/Bitrix24Im/bitrix24.dark.svg',
	};

	documentationUrl = 'https://apidocs.bitrix24.com/local-integrations/local-webhooks.html';

	properties: INodeProperties[] = [
		webhookUrlProperty('the "im" scope'),
		...credentialRateLimitFields,
	];

	authenticate: IAuthenticate = webhookAuthenticate;

	test: ICredentialTestRequest = webhookCredentialTest('im.revision.get', { name: 'im', label: 'Chat and notifications' });
}
