import type { ITriggerFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { pageLimit, parseDialogIds } from '../shared/events';
import { CHATBOT_CREDENTIALS } from '../shared/fields';
import { openClient } from '../shared/transport';
import type { Authentication } from '../shared/transport';
import { toPositiveInteger } from '../shared/values';
import type { BotEventFilters } from './filters';
import { BotQueue } from './queue';

interface TriggerOptions {
	dialogIds?: string;
	withUserEvents?: boolean;
	maxEvents?: number;
	timeout?: number;
}

/** What the trigger was set up to do, read and checked once per activation. */
export interface TriggerSettings {
	botId: number;
	filters: BotEventFilters;
	/** Events read per poll (1-1000). */
	limit: number;
	/** A fresh reader of the bot's queue: the credential is read again each time (a token changed meanwhile). */
	openQueue(): Promise<BotQueue>;
}

function invalid(context: ITriggerFunctions, message: string, description: string): NodeOperationError {
	return new NodeOperationError(context.getNode(), message, { description: `${description} Nothing was read from Bitrix24.` });
}

/** The node's parameters; throws a NodeOperationError naming the field for a value that cannot work. */
export function readSettings(context: ITriggerFunctions): TriggerSettings {
	const authentication = context.getNodeParameter('authentication', 'webhook') as Authentication;
	const rawBot = context.getNodeParameter('botId', '', { extractValue: true });
	const botId = toPositiveInteger(rawBot);
	if (botId === undefined) {
		throw invalid(context, `Bot "${String(rawBot)}" is not valid: it must be the bot's ID, a whole number greater than 0`, 'Pick the bot from the list or give its ID.');
	}
	const kinds = context.getNodeParameter('events', []) as string[];
	if (kinds.length === 0) throw invalid(context, 'No event selected', 'Pick at least one event under "Events".');
	const options = context.getNodeParameter('options', {}) as TriggerOptions;
	let dialogIds: string[];
	try {
		dialogIds = parseDialogIds(options.dialogIds ?? '');
	} catch (error) {
		throw invalid(context, (error as Error).message, 'Fix the "Dialog IDs" option.');
	}
	const ignoreOwn = context.getNodeParameter('ignoreOwnMessages', true) as boolean;
	const withUserEvents = options.withUserEvents === true;
	const timeoutMs = (options.timeout ?? 60) * 1000;
	return {
		botId,
		filters: { kinds, dialogIds, ownId: ignoreOwn ? botId : undefined },
		limit: pageLimit(options.maxEvents),
		openQueue: async () => {
			const client = await openClient(context, authentication, { timeoutMs, credentials: CHATBOT_CREDENTIALS });
			return new BotQueue(context.getNode(), client, botId, withUserEvents);
		},
	};
}
