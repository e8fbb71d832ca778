import type { INodeType, INodeTypeDescription, ITriggerFunctions, ITriggerResponse } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { CHATBOT_CREDENTIALS, credentialsByAuthentication } from '../shared/fields';
import { searchBots } from '../shared/listSearch';
import { triggerProperties, triggerSubtitle } from './description';
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
		subtitle: triggerSubtitle,
		description:
			'Starts the workflow within seconds when someone writes to a Bitrix24 chat bot, uses its commands or buttons (imbot.v2 event queue, no public URL needed)',
		builderHint: {
			searchHint:
				'Starts a workflow within seconds when someone writes to a Bitrix24 chat bot, types one of its commands or presses one of its keyboard buttons (the bot\'s imbot.v2 event queue, no public URL needed); one active trigger per bot, which must be registered in event mode Fetch. Each item has dialogId (where to answer), userId, text, and for commands commandId, command and commandParams.',
			relatedNodes: [
				{
					nodeType: 'n8n-nodes-bitrix24-im.bitrix24Chatbot',
					relationHint: 'Answers as the bot: Message → Send to the event\'s dialogId, Command → Answer with its commandId, Chat → Show Typing while an AI agent thinks',
				},
			],
		},
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
