import type { IDataObject } from 'n8n-workflow';

import type { EventItem, RawEvent } from '../shared/events';
import { integerOrNull, shapeEvent, shapeUserEvent } from '../shared/events';
import { objectOrUndefined } from '../shared/values';

/**
 * imbot.v2.Event.get events and the flat item the trigger emits for each (b24restdocs imbot.v2/events/events.md;
 * facts `bitrix24-chatbots.md` §5.1). With withUserEvents the same page carries the credential user's im.v2 events.
 */

/** The value of the trigger's "Events" option for each bot event type. */
const BOT_EVENT_KINDS: Record<string, string> = {
	ONIMBOTV2MESSAGEADD: 'messageAdd',
	ONIMBOTV2MESSAGEUPDATE: 'messageUpdate',
	ONIMBOTV2MESSAGEDELETE: 'messageDelete',
	ONIMBOTV2COMMANDADD: 'command',
	ONIMBOTV2JOINCHAT: 'joinChat',
	ONIMBOTV2REACTIONCHANGE: 'reactionChange',
	ONIMBOTV2CONTEXTGET: 'contextGet',
	ONIMBOTV2DELETE: 'botDelete',
};

/** The bot's last event: it was unregistered. */
export const BOT_DELETED = 'botDelete';

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * What the trigger emits. `dialogId` is where to answer (the bot's name for the dialog: chatNNN, or the user's id for
 * its private dialog); `source` tells the bot's events from the credential user's (withUserEvents).
 */
export interface BotEventItem extends EventItem {
	source: 'bot' | 'user';
	botId: number;
	/** An Open Channel chat (`LINES`): Open Channel → Transfer can hand it to an operator. */
	isOpenChannel: boolean;
}

function isBotEvent(event: RawEvent): boolean {
	return String(event.type).toUpperCase().startsWith('ONIMBOTV2');
}

/** The extra fields of a bot event: the command (id, name, parameters, where it came from) and the context. */
function botExtras(kind: string, data: IDataObject): IDataObject {
	if (kind === 'command') {
		const command = objectOrUndefined(data.command);
		return {
			commandId: integerOrNull(command?.id),
			command: text(command?.command),
			commandParams: text(command?.params) ?? '',
			commandContext: text(command?.context),
		};
	}
	if (kind === 'contextGet') return { context: data.context ?? null };
	return {};
}

/** Bitrix24 event -> flat item. Never throws: a field Bitrix24 left out becomes null. */
export function shapeBotEvent(event: RawEvent, botId: number): BotEventItem {
	const fromBot = isBotEvent(event);
	const base = fromBot ? shapeEvent(event, BOT_EVENT_KINDS) : shapeUserEvent(event);
	const chat = objectOrUndefined(base.raw.data && (base.raw.data as IDataObject).chat);
	return {
		...base,
		source: fromBot ? 'bot' : 'user',
		botId,
		isOpenChannel: chat?.entityType === 'LINES',
		...(fromBot ? botExtras(base.event, objectOrUndefined(event.data) ?? {}) : {}),
	};
}
