import type { IDataObject } from 'n8n-workflow';

import { objectOrUndefined } from '../values';
import type { RawEvent } from './queue';
import { integerOrNull } from './queue';

/**
 * The flat item a trigger emits for a queued Bitrix24 event: a user's (b24restdocs chat-bots-v2/im.v2/events/events.md)
 * or a bot's (imbot.v2/events/events.md), which carry the same message, chat and user objects.
 */

/** The value of a trigger's "Events" option for each Bitrix24 user event type (im.v2). */
export const USER_EVENT_KINDS: Record<string, string> = {
	ONIMV2MESSAGEADD: 'messageAdd',
	ONIMV2MESSAGEUPDATE: 'messageUpdate',
	ONIMV2MESSAGEDELETE: 'messageDelete',
	ONIMV2REACTIONCHANGE: 'reactionChange',
	ONIMV2JOINCHAT: 'joinChat',
};

/** What a trigger emits: the fields most workflows need at the top, Bitrix24's event under `raw`. */
export interface EventItem extends IDataObject {
	/** The trigger's name for the type (messageAdd, reactionChange, joinChat, ...), or Bitrix24's type when unknown. */
	event: string;
	eventId: number;
	/** As the reader (the credential's user, or the bot) names the dialog: chatNNN, or NNN (the other user) for a private dialog. */
	dialogId: string | null;
	chatId: number | null;
	messageId: number | null;
	/** The message's author (message and reaction events). */
	authorId: number | null;
	/** Who acted: the author (message events), who reacted (reactions), who joined (joins). */
	userId: number | null;
	text: string | null;
	isSystem: boolean;
	date: string;
	raw: IDataObject;
}

/**
 * Bitrix24 event -> flat item, `kinds` naming its types (by Bitrix24's type, upper case). Never throws: a field Bitrix24
 * left out becomes null.
 */
export function shapeEvent(event: RawEvent, kinds: Record<string, string>): EventItem {
	const data = objectOrUndefined(event.data) ?? {};
	const message = objectOrUndefined(data.message);
	const chat = objectOrUndefined(data.chat);
	const user = objectOrUndefined(data.user);
	const kind: string | undefined = kinds[String(event.type).toUpperCase()];
	const chatId = integerOrNull(chat?.id) ?? integerOrNull(message?.chatId);
	const dialogId =
		(typeof chat?.dialogId === 'string' && chat.dialogId) ||
		(typeof data.dialogId === 'string' && data.dialogId) ||
		(chatId !== null && chat?.type !== 'private' ? `chat${chatId}` : null);
	const messageId = integerOrNull(message?.id) ?? integerOrNull(data.messageId);
	let authorId = integerOrNull(message?.authorId);
	if (authorId === null && kind === 'messageDelete') authorId = integerOrNull(user?.id);
	const item: EventItem = {
		event: kind ?? String(event.type),
		eventId: event.eventId,
		dialogId: dialogId || null,
		chatId,
		messageId,
		authorId,
		userId: integerOrNull(user?.id) ?? authorId,
		text: typeof message?.text === 'string' ? message.text : null,
		isSystem: message?.isSystem === true || authorId === 0,
		date: String(event.date ?? ''),
		raw: { eventId: event.eventId, type: event.type, date: event.date, data },
	};
	if (kind === 'reactionChange') {
		item.reaction = typeof data.reaction === 'string' ? data.reaction : null;
		item.reactionAction = typeof data.action === 'string' ? data.action : null;
	}
	return item;
}

/** A user event (im.v2) as a flat item. */
export function shapeUserEvent(event: RawEvent): EventItem {
	return shapeEvent(event, USER_EVENT_KINDS);
}
