import type { INodeType, INodeTypeDescription, ITriggerFunctions, ITriggerResponse } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { CHATBOT_CREDENTIALS, credentialsByAuthentication } from '../shared/fields';
import { searchBots } from '../shared/listSearch';
import { triggerProperties } from './description';
import { BotListener } from './listener';
import { manualResponse } from './manual';
import { readSettings } from './settings';

export class Bitrix24ChatbotTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bitrix24 Chatbot Trigger',
		name: 'bitrix24ChatbotTrigger',
		icon: { light: 'file:bitrix24Chatbot.svg', dark: 'file:bitrix24Chatbot.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			'Starts the workflow within seconds when someone writes to a Bitrix24 chat bot, uses its commands or buttons (imbot.v2 event queue, no public URL needed)',
		defaults: { name: 'Bitrix24 Chatbot Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialsByAuthentication(CHATBOT_CREDENTIALS),
		properties: triggerProperties,
	};

	methods = { listSearch: { searchBots } };

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const settings = readSettings(this);
		if (this.getMode() === 'manual') return manualResponse(this, settings);
		const listener = new BotListener(this, settings);
		await listener.begin();
		return { closeFunction: async () => await listener.stop() };
	}
}
