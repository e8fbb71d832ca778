import type { IDataObject } from 'n8n-workflow';

import type { CallParameters, CredentialProfiles } from '../transport';
import { DEFAULT_CREDENTIALS } from '../transport';

/** Bitrix24 refuses longer bot tokens (BOT_TOKEN_INVALID_LENGTH); shorter than the minimum is too easy to guess. */
export const BOT_TOKEN_LENGTH = { min: 16, max: 40 };

function botToken(credentials: IDataObject, field: string, label: string): string | undefined {
	const value = typeof credentials[field] === 'string' ? (credentials[field] as string).trim() : '';
	if (value === '') return undefined;
	const { min, max } = BOT_TOKEN_LENGTH;
	if (!new RegExp(`^\\S{${min},${max}}$`).test(value)) {
		throw new Error(`${label} must be ${min} to ${max} characters without spaces (Bitrix24 accepts at most ${max})`);
	}
	return value;
}

/**
 * The chat bot's token, which every imbot.v2 call through a webhook carries as `botToken` (Register inside `fields`),
 * and the New Bot Token a rotation moves to: tried in its place once the portal refuses the old one.
 */
function botTokenParameters(credentials: IDataObject): CallParameters {
	const current = botToken(credentials, 'botToken', 'Bot Token');
	if (current === undefined) throw new Error('Bot Token is empty: set the token of the bot (one you chose, at most 40 characters)');
	const next = botToken(credentials, 'newBotToken', 'New Bot Token');
	return {
		current: { botToken: current },
		replacement: next !== undefined && next !== current ? { botToken: next } : undefined,
		replaceOn: ['BOT_OWNERSHIP_ERROR'],
		missingReplacement:
			'Rotate Token needs the new token: set New Bot Token in the Bitrix24 Chatbot Webhook API credential (16 to 40 characters, different from Bot Token)',
	};
}

/** Through OAuth2 a bot belongs to the app: no token to send, none to rotate. */
const appParameters = (): CallParameters => ({
	current: {},
	replaceOn: [],
	missingReplacement: 'With OAuth2 the bot belongs to the app and has no token: Rotate Token is for the Bitrix24 Chatbot Webhook API credential',
});

/** The credentials of the Chatbot nodes: the chat bot webhook credential, or OAuth2. */
export const CHATBOT_CREDENTIALS: CredentialProfiles = {
	webhook: { type: 'bitrix24ChatbotWebhookApi', signing: 'webhook', callParameters: botTokenParameters },
	oAuth2: { ...DEFAULT_CREDENTIALS.oAuth2, callParameters: appParameters },
};
