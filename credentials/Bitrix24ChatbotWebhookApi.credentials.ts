import type { IAuthenticate, ICredentialTestRequest, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { BOT_TOKEN_LENGTH, credentialRateLimitFields } from '../nodes/shared/fields';
import { webhookAuthenticate, webhookCredentialTest, webhookUrlProperty } from '../nodes/shared/transport';

/**
 * An incoming webhook and the token of one chat bot: every imbot.v2 call through a webhook carries the bot's token,
 * so it is a secret of the credential, never a node parameter.
 */
export class Bitrix24ChatbotWebhookApi implements ICredentialType {
	name = 'bitrix24ChatbotWebhookApi';

	displayName = 'Bitrix24 Chatbot Webhook API';

	icon: Icon = {
		light: 'file:../nodes/Bitrix24Chatbot/bitrix24Chatbot.svg',
		dark: 'file:../nodes/Bitrix24Chatbot/bitrix24Chatbot.dark.svg',
	};

	documentationUrl = 'https://apidocs.bitrix24.com/api-reference/chat-bots/chat-bots-v2/index.html';

	properties: INodeProperties[] = [
		webhookUrlProperty('the "imbot" scope ("im" too for user events, "imopenlines" for Open Channels)'),
		{
			displayName: 'Bot Token',
			name: 'botToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: `A secret you choose for the bot, ${BOT_TOKEN_LENGTH.min} to ${BOT_TOKEN_LENGTH.max} characters without spaces (for example from a password manager). Bot → Register gives it to the bot; every later call proves with it that it acts for that bot. Use one credential per bot.`,
		},
		{
			displayName: 'New Bot Token',
			name: 'newBotToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Only to change the token: put the new one here and run Bot → Rotate Token. From then on the old token no longer works; the node switches to this one by itself until you move it into Bot Token and clear this field.',
		},
		...credentialRateLimitFields,
	];

	authenticate: IAuthenticate = webhookAuthenticate;

	test: ICredentialTestRequest = webhookCredentialTest('imbot.v2.Revision.get', { name: 'imbot', label: 'Chat bots' });
}
