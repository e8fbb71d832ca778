import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { credentialsByAuthentication } from '../shared/fields';
import { triggerPanel, triggerProperties, triggerSubtitle } from './description';
import { pollEvents } from './poll';

export class Bitrix24ImTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bitrix24 IM Trigger',
		name: 'bitrix24ImTrigger',
		icon: { light: 'file:bitrix24.svg', dark: 'file:bitrix24.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: triggerSubtitle,
		description:
			'Starts the workflow on new, edited and deleted Bitrix24 messages, reactions and chat joins (im.v2.Event queue, no public URL needed)',
		builderHint: {
			searchHint:
				'Starts a workflow when something happens in a Bitrix24 user\'s chats: a message added, edited or deleted, a reaction, someone joining a chat. It polls Bitrix24 (no public URL needed); one active trigger per Bitrix24 user. Each item has dialogId (chatNNN for a group chat, sgNNN for a workgroup chat, or the other user\'s id for a private dialog), messageId, authorId and text.',
			relatedNodes: [
				{
					nodeType: 'n8n-nodes-bitrix24-im.bitrix24Im',
					relationHint: 'Answers in Bitrix24: send a message to the event\'s dialogId, mark it read or unread',
				},
			],
		},
		defaults: { name: 'Bitrix24 IM Trigger' },
		polling: true,
		triggerPanel,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialsByAuthentication(),
		properties: triggerProperties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollEvents.call(this);
	}
}
