import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { credentialsByAuthentication } from '../shared/fields';
import { triggerProperties } from './description';
import { pollEvents } from './poll';

export class Bitrix24ImTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bitrix24 IM Trigger',
		name: 'bitrix24ImTrigger',
		icon: { light: 'file:bitrix24.svg', dark: 'file:bitrix24.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			'Starts the workflow on new, edited and deleted Bitrix24 messages, reactions and chat joins (im.v2.Event queue, no public URL needed)',
		defaults: { name: 'Bitrix24 IM Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialsByAuthentication(),
		properties: triggerProperties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollEvents.call(this);
	}
}
