import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { credentialsByAuthentication, optionsProperty, runOptionsHints } from '../shared/fields';
import { searchChats, searchDialogs } from '../shared/listSearch';
import { buildProperties, executeOperation, operationSubtitle } from '../shared/operations';
import { resources } from './actions';

export class Bitrix24Im implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bitrix24 IM',
		name: 'bitrix24Im',
		icon: { light: 'file:bitrix24.svg', dark: 'file:bitrix24.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: operationSubtitle(resources),
		description: 'Work with the Bitrix24 messenger (im.* REST API): dialogs, messages, chats, notifications and users',
		builderHint: {
			searchHint:
				'Acts in Bitrix24 chats through the im.* REST API: send, edit, delete and react to messages, mark dialogs read or unread, create and manage group chats, send notifications, read users and counters; Custom API Call reaches any other Bitrix24 REST method. Dialog IDs are chatNNN for a group chat (chat12), sgNNN for a workgroup chat (sg5), or a user id for the private dialog with that user (42); Chat IDs are the number alone (12).',
			relatedNodes: [
				{
					nodeType: 'n8n-nodes-bitrix24-im.bitrix24ImTrigger',
					relationHint: 'Starts a workflow on new, edited or deleted Bitrix24 messages; its dialogId output fits this node\'s Dialog ID',
				},
			],
		},
		defaults: { name: 'Bitrix24 IM' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialsByAuthentication(),
		properties: [...buildProperties(resources), optionsProperty],
		hints: runOptionsHints,
	};

	methods = { listSearch: { searchDialogs, searchChats } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperation.call(this, resources);
	}
}
