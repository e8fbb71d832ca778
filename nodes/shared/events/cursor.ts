import type { IDataObject } from 'n8n-workflow';

import type { RawEvent } from './queue';

/**
 * Where a trigger stands in a Bitrix24 event queue: a user's (im.v2.Event.get) or a bot's (imbot.v2.Event.get).
 *
 * Facts: `offset` acknowledges - deletes, for every reader - the queue's events with a lower eventId and returns
 * events from `offset` on; `nextOffset` is the last returned eventId + 1; one queue per user (its events live 24 h)
 * and one per bot (kept until acknowledged: the docs give no retention; a bot's queue may carry its user's events too).
 *
 * The trigger passes `offset = marker`, the eventId of the LAST event it has already handled, instead of
 * `marker + 1`. So everything before the marker is acknowledged, the marker itself stays in the queue, and the next
 * answer must start with it. Only events already emitted (or deliberately filtered out) are ever acknowledged.
 * When the marker is gone, someone else acknowledged it: another application reading the same queue, which may have
 * taken events this trigger never saw - unless the marker is about 24 h old and simply expired.
 */
export type Cursor =
	/** Nothing read yet: the first poll reads the queue's head without acknowledging anything. */
	| { kind: 'start' }
	/** `marker` is the eventId of the last event handled, sent as `offset` and expected back first. */
	| { kind: 'marker'; marker: number; /** When it happened (ms), to tell expiry (24 h) from another reader. */ markerAt?: number }
	/** After a loss was reported or the marker expired: events from `from` on are new. */
	| { kind: 'resume'; from: number };

/** The cursor as the workflow's static data holds it; saved workflows keep these keys. */
interface StoredCursor extends IDataObject {
	marker?: number;
	markerAt?: number;
	resumeFrom?: number;
}

export function loadCursor(stored: StoredCursor): Cursor {
	if (typeof stored.marker === 'number') return { kind: 'marker', marker: stored.marker, markerAt: stored.markerAt };
	if (typeof stored.resumeFrom === 'number') return { kind: 'resume', from: stored.resumeFrom };
	return { kind: 'start' };
}

/** Writes the cursor into the static data object in place (n8n saves that object), touching only what changed. */
export function saveCursor(stored: StoredCursor, cursor: Cursor): void {
	const next: StoredCursor =
		cursor.kind === 'marker'
			? { marker: cursor.marker, markerAt: cursor.markerAt }
			: cursor.kind === 'resume'
				? { resumeFrom: cursor.from }
				: {};
	for (const key of ['marker', 'markerAt', 'resumeFrom'] as const) {
		if (next[key] === undefined) {
			if (key in stored) delete stored[key];
		} else if (stored[key] !== next[key]) {
			stored[key] = next[key];
		}
	}
}

/** Events are kept 24 h; a marker older than this may have expired rather than been taken. */
export const EXPIRY_MARGIN_MS = 23 * 60 * 60 * 1000;

export interface LostEvents {
	/** The marker that disappeared (an event this trigger had handled). */
	marker: number;
	/** The first event still in the queue after it, if any. */
	firstRemaining?: number;
}

/** What one poll's answer means, and the cursor to store after it. */
export type PageReading =
	/** `fresh`: events not handled before, oldest first. */
	| { outcome: 'read'; fresh: RawEvent[]; next: Cursor }
	/** The marker was missing, and that is explained: it expired, or it was not verified in this process. */
	| { outcome: 'markerExpired' | 'markerUnverified'; fresh: RawEvent[]; next: Cursor }
	/** Events were taken by another reader: nothing is emitted, the caller reports it. */
	| { outcome: 'lost'; lost: LostEvents; next: Cursor };

/** The most events Event.get returns at once. */
const MAX_PAGE = 1000;

/** The events to ask for per poll: the Max Events per Poll option (100 unset) within 1 to 1000. */
export function pageLimit(maxEvents: number | undefined): number {
	return Math.min(MAX_PAGE, Math.max(1, Math.floor(maxEvents ?? 100)));
}

/** Event.get parameters for a real (acknowledging) poll. */
export function pollParams(cursor: Cursor, limit: number): IDataObject {
	switch (cursor.kind) {
		case 'marker':
			// The marker comes back first and is not emitted: one more, so that up to `limit` new events arrive.
			return { offset: cursor.marker, limit: Math.min(limit + 1, MAX_PAGE) };
		case 'resume':
			return { offset: cursor.from, limit };
		case 'start':
			return { limit };
	}
}

function eventTime(event: RawEvent, nowMs: number): number {
	const parsed = Date.parse(event.date);
	return Number.isFinite(parsed) ? Math.min(parsed, nowMs) : nowMs;
}

/** The cursor once `event` has been handled (emitted or deliberately skipped): it is the new marker. */
export function cursorAfter(event: RawEvent, nowMs: number): Cursor {
	return { kind: 'marker', marker: event.eventId, markerAt: eventTime(event, nowMs) };
}

/** The cursor after emitting `fresh`; `otherwise` when nothing was new. */
function after(fresh: RawEvent[], nowMs: number, otherwise: Cursor): Cursor {
	return fresh.length === 0 ? otherwise : cursorAfter(fresh[fresh.length - 1], nowMs);
}

/**
 * Reads one answer of a real poll. `verified`: the marker was set by a poll of this same n8n process, so its
 * disappearance cannot be this trigger's own doing (after a restart, polls whose state was never saved - n8n saves
 * a trigger's static data only when it emits - may have acknowledged it).
 */
export function readPage(
	cursor: Cursor,
	events: RawEvent[],
	{ nowMs, verified }: { nowMs: number; verified: boolean },
): PageReading {
	if (cursor.kind !== 'marker') {
		const fresh = cursor.kind === 'resume' ? events.filter((event) => event.eventId >= cursor.from) : events;
		return { outcome: 'read', fresh, next: after(fresh, nowMs, cursor) };
	}
	const { marker, markerAt } = cursor;
	if (events.length > 0 && events[0].eventId === marker) {
		const fresh = events.slice(1);
		return { outcome: 'read', fresh, next: after(fresh, nowMs, cursor) };
	}
	const fresh = events.filter((event) => event.eventId > marker);
	const expired = markerAt === undefined || nowMs - markerAt >= EXPIRY_MARGIN_MS;
	if (!expired && verified) {
		const firstRemaining = fresh.length > 0 ? fresh[0].eventId : undefined;
		// Report now; the next poll starts at the first remaining event and emits it.
		return { outcome: 'lost', lost: { marker, firstRemaining }, next: { kind: 'resume', from: firstRemaining ?? marker + 1 } };
	}
	// The missing marker is not expected back: continue after it.
	const next = after(fresh, nowMs, { kind: 'resume', from: marker + 1 });
	return { outcome: expired ? 'markerExpired' : 'markerUnverified', fresh, next };
}
