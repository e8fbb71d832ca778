import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { credentialsByAuthentication, optionsProperty } from '../shared/fields';
import { searchChats, searchDialogs } from '../shared/listSearch';
import { buildProperties, executeOperation } from '../shared/operations';
import { resources } from './actions';

export class Bitrix24Im implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bitrix24 IM',
		name: 'bitrix24Im',
		icon: { light: 'file:bitrix24.svg', dark: 'file:bitrix24.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Work with the Bitrix24 messenger (im.* REST API): dialogs, messages, chats, notifications and users',
		defaults: { name: 'Bitrix24 IM' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialsByAuthentication(),
		properties: [...buildProperties(resources), optionsProperty],
	};

	methods = { listSearch: { searchDialogs, searchChats } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperation.call(this, resources);
	}
}
