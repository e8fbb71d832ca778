import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { CHATBOT_CREDENTIALS, credentialsByAuthentication, optionsProperty } from '../shared/fields';
import { searchBots } from '../shared/listSearch';
import { buildProperties, executeOperation, operationSubtitle } from '../shared/operations';
import { resources } from './actions';

export class Bitrix24Chatbot implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bitrix24 Chatbot',
		name: 'bitrix24Chatbot',
		icon: { light: 'file:bitrix24Chatbot.svg', dark: 'file:bitrix24Chatbot.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: operationSubtitle(resources),
		description:
			'Act as a Bitrix24 chat bot (imbot.v2): register it, post and answer messages and commands, manage its chats and files, hand Open Channel customers to operators',
		builderHint: {
			searchHint:
				'Acts as a Bitrix24 chat bot through imbot.v2: register a bot, send, edit and react to messages as the bot (with keyboards and attachments), answer commands and button presses, manage the bot\'s chats, upload and download files, hand an Open Channel customer to an operator. Reply to the dialogId of the incoming event: a user id (42) for the bot\'s private dialog, chatNNN (chat12) for a group chat. Through a webhook the credential holds the bot token.',
			relatedNodes: [
				{
					nodeType: 'n8n-nodes-bitrix24-im.bitrix24Im',
					relationHint: 'Acts in Bitrix24 chats as a user rather than as a bot (mark dialogs unread, notifications, users)',
				},
			],
		},
		defaults: { name: 'Bitrix24 Chatbot' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialsByAuthentication(CHATBOT_CREDENTIALS),
		properties: [...buildProperties(resources), optionsProperty],
	};

	methods = { listSearch: { searchBots } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperation.call(this, resources, CHATBOT_CREDENTIALS);
	}
}
