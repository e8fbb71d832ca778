import type { IDataObject } from 'n8n-workflow';

import { objectOrUndefined } from '../shared/values';

/**
 * im.v2.Event.get events and the flat item the trigger emits for each (b24restdocs
 * chat-bots-v2/im.v2/events/events.md).
 */

/** The value of the trigger's "Events" option for each Bitrix24 event type. */
const EVENT_KINDS = {
	ONIMV2MESSAGEADD: 'messageAdd',
	ONIMV2MESSAGEUPDATE: 'messageUpdate',
	ONIMV2MESSAGEDELETE: 'messageDelete',
	ONIMV2REACTIONCHANGE: 'reactionChange',
	ONIMV2JOINCHAT: 'joinChat',
} as const;

type EventKind = (typeof EVENT_KINDS)[keyof typeof EVENT_KINDS];

/** One entry of `result.events`. */
export interface RawEvent {
	eventId: number;
	type: string;
	date: string;
	data: IDataObject;
}

/** What the trigger emits: the fields most workflows need at the top, Bitrix24's event under `raw`. */
export interface TriggerItem extends IDataObject {
	/** messageAdd | messageUpdate | messageDelete | reactionChange | joinChat, or Bitrix24's type when unknown. */
	event: string;
	eventId: number;
	/** As the credential's user names the dialog: chatNNN, or NNN (the other user) for a private dialog. */
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

function int(value: unknown): number | null {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof n === 'number' && Number.isInteger(n) ? n : null;
}

function kindOf(type: string): EventKind | undefined {
	return (EVENT_KINDS as Record<string, EventKind>)[String(type).toUpperCase()];
}

/** Bitrix24 event -> flat item. Never throws: a field Bitrix24 left out becomes null. */
export function shapeEvent(event: RawEvent): TriggerItem {
	const data = objectOrUndefined(event.data) ?? {};
	const message = objectOrUndefined(data.message);
	const chat = objectOrUndefined(data.chat);
	const user = objectOrUndefined(data.user);
	const kind = kindOf(event.type);
	const chatId = int(chat?.id) ?? int(message?.chatId);
	const dialogId =
		(typeof chat?.dialogId === 'string' && chat.dialogId) ||
		(typeof data.dialogId === 'string' && data.dialogId) ||
		(chatId !== null && chat?.type !== 'private' ? `chat${chatId}` : null);
	const messageId = int(message?.id) ?? int(data.messageId);
	let authorId = int(message?.authorId);
	if (authorId === null && kind === 'messageDelete') authorId = int(user?.id);
	const item: TriggerItem = {
		event: kind ?? String(event.type),
		eventId: event.eventId,
		dialogId: dialogId || null,
		chatId,
		messageId,
		authorId,
		userId: int(user?.id) ?? authorId,
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

/** The events in the `result` of im.v2.Event.get, oldest first; undefined when it is not the documented shape. */
export function readEventPage(result: unknown): RawEvent[] | undefined {
	const page = objectOrUndefined(result);
	if (!page || !Array.isArray(page.events)) return undefined;
	const events: RawEvent[] = [];
	for (const entry of page.events as unknown[]) {
		const e = objectOrUndefined(entry);
		const eventId = int(e?.eventId);
		if (!e || eventId === null) return undefined;
		events.push({ eventId, type: String(e.type ?? ''), date: String(e.date ?? ''), data: objectOrUndefined(e.data) ?? {} });
	}
	return events.sort((a, b) => a.eventId - b.eventId);
}
