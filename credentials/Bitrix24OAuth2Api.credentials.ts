import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { credentialRateLimitFields } from '../nodes/shared/fields';

export class Bitrix24OAuth2Api implements ICredentialType {
	name = 'bitrix24OAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Bitrix24 OAuth2 API';

	icon: Icon = {
		light: 'file:../nodes/Bitrix24Im/bitrix24.svg',
		dark: 'file:../nodes/Bitrix24Im/bitrix24.dark.svg',
	};

	documentationUrl = 'https://apidocs.bitrix24.com/settings/oauth/index.html';

	properties: INodeProperties[] = [
		{
			displayName: 'Portal URL',
			name: 'portalUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://your-company.bitrix24.com',
			description: 'The address of your Bitrix24 portal, cloud or self-hosted',
		},
		{
			displayName: 'OAuth Server URL',
			name: 'oauthServerUrl',
			type: 'string',
			default: 'https://oauth.bitrix.info',
			description:
				'Bitrix24\'s OAuth server that issues and refreshes tokens. Keep the default unless your portal uses another region (for example https://oauth.bitrix24.tech).',
		},
		...credentialRateLimitFields,
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: '={{$self["portalUrl"].replace(/\\/+$/, "")}}/oauth/authorize/',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: '={{$self["oauthServerUrl"].replace(/\\/+$/, "")}}/oauth/token/',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: 'im',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
	];
}
