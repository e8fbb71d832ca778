import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import { DEFAULT_CREDENTIALS } from '../transport';
import type { Authentication, CredentialProfiles } from '../transport';

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

/** A node's credentials (default: the IM nodes'), each shown for its Authentication value. */
export function credentialsByAuthentication(profiles: CredentialProfiles = DEFAULT_CREDENTIALS): INodeCredentialDescription[] {
	return (['webhook', 'oAuth2'] as Authentication[]).map((authentication) => ({
		name: profiles[authentication].type,
		required: true,
		displayOptions: { show: { authentication: [authentication] } },
	}));
}
