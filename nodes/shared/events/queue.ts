import type { IDataObject } from 'n8n-workflow';

import { objectOrUndefined } from '../values';

/**
 * A page of Bitrix24's polling event queues: im.v2.Event.get (a user's events) and imbot.v2.Event.get (a bot's, with
 * its user's when asked), which answer alike: `{events: [{eventId, type, date, data}], nextOffset, hasMore}`.
 */

/** One entry of `result.events`. */
export interface RawEvent {
	eventId: number;
	type: string;
	date: string;
	data: IDataObject;
}

/** A whole number from a number or a numeric string, else null. */
export function integerOrNull(value: unknown): number | null {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof n === 'number' && Number.isInteger(n) ? n : null;
}

export interface EventPage {
	/** Oldest first. */
	events: RawEvent[];
	/** More events wait beyond this page (Bitrix24 asks to wait at least 2 s before reading them). */
	hasMore: boolean;
}

/** The `result` of an Event.get, events oldest first; undefined when it is not the documented shape. */
export function readEventPage(result: unknown): EventPage | undefined {
	const page = objectOrUndefined(result);
	if (!page || !Array.isArray(page.events)) return undefined;
	const events: RawEvent[] = [];
	for (const entry of page.events as unknown[]) {
		const e = objectOrUndefined(entry);
		const eventId = integerOrNull(e?.eventId);
		if (!e || eventId === null) return undefined;
		events.push({ eventId, type: String(e.type ?? ''), date: String(e.date ?? ''), data: objectOrUndefined(e.data) ?? {} });
	}
	return { events: events.sort((a, b) => a.eventId - b.eventId), hasMore: page.hasMore === true };
}
