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

	// n8n shows the fields of oAuth2Api first (Client ID, Client Secret, Allowed HTTP Request Domains) and this
	// credential's own after them: these two take oAuth2Api's places, with where to find them in Bitrix24.
	properties: INodeProperties[] = [
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'local.0123456789abcd.12345678',
			hint: 'In Bitrix24: Developer resources → Other → Local application → your app → Application ID (client_id)',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			hint: 'The same page of your Bitrix24 app: Application key (client_secret)',
		},
		{
			displayName: 'Portal URL',
			name: 'portalUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://your-company.bitrix24.com',
			hint: 'Your portal\'s address as the browser shows it, cloud or self-hosted',
		},
		{
			displayName: 'OAuth Server URL',
			name: 'oauthServerUrl',
			type: 'string',
			default: 'https://oauth.bitrix.info',
			hint: 'Keep https://oauth.bitrix.info; portals of the Russian region use https://oauth.bitrix24.tech',
			description: 'Bitrix24\'s OAuth server, which issues and refreshes the tokens',
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
