import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { CHATBOT_CREDENTIALS, credentialsByAuthentication, optionsProperty } from '../shared/fields';
import { buildProperties, executeOperation } from '../shared/operations';
import { resources } from './actions';
import { searchBots } from './listSearch';

export class Bitrix24Chatbot implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bitrix24 Chatbot',
		name: 'bitrix24Chatbot',
		icon: { light: 'file:bitrix24Chatbot.svg', dark: 'file:bitrix24Chatbot.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Act as a Bitrix24 chat bot (imbot.v2): register it, post and answer messages and commands, manage its chats and files, hand Open Channel customers to operators',
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
