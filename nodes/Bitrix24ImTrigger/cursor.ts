import type { IDataObject } from 'n8n-workflow';

import type { RawEvent } from './events';

/**
 * Where the trigger stands in the user's im.v2.Event queue, kept in the workflow's static data.
 *
 * Facts (im.v2.Event.get): `offset` acknowledges - deletes, for every application - the user's events with a lower
 * eventId and returns events from `offset` on; `nextOffset` is the last returned eventId + 1; events live 24 h; one
 * queue per user.
 *
 * The trigger passes `offset = marker`, the eventId of the LAST event it has already handled, instead of
 * `marker + 1`. So everything before the marker is acknowledged, the marker itself stays in the queue, and the next
 * answer must start with it. Only events already emitted (or deliberately filtered out) are ever acknowledged.
 * When the marker is gone, someone else acknowledged it: another application reading the same user's queue, which
 * may have taken events this trigger never saw - unless the marker is about 24 h old and simply expired.
 */
export interface CursorState extends IDataObject {
	/** eventId of the last event handled; sent as `offset` and expected back first. */
	marker?: number;
	/** When the marker event happened (ms), to tell expiry (24 h) from another consumer. */
	markerAt?: number;
	/** Used instead of a marker after a loss was reported: events from here on are new. */
	resumeFrom?: number;
}

/** Events are kept 24 h; a marker older than this may have expired rather than been taken. */
export const EXPIRY_MARGIN_MS = 23 * 60 * 60 * 1000;

export interface LostEvents {
	/** The marker that disappeared (an event this trigger had handled). */
	marker: number;
	/** The first event still in the queue after it, if any. */
	firstRemaining?: number;
}

export interface PageReading {
	/** Events not handled before, oldest first. */
	fresh: RawEvent[];
	/** The state to store after this poll. */
	next: CursorState;
	/** Set when events were taken by another consumer; the caller reports it instead of emitting. */
	lost?: LostEvents;
	/** The marker was missing but that is explained (expired, or not verified in this process). */
	markerMissing?: 'expired' | 'unverified';
}

/** im.v2.Event.get parameters for a real (acknowledging) poll. */
export function pollParams(state: CursorState, limit: number): IDataObject {
	// The marker comes back first and is not emitted: one more, so that up to `limit` new events arrive.
	if (state.marker !== undefined) return { offset: state.marker, limit: Math.min(limit + 1, 1000) };
	if (state.resumeFrom !== undefined) return { offset: state.resumeFrom, limit };
	return { limit };
}

function eventTime(event: RawEvent, nowMs: number): number {
	const parsed = Date.parse(event.date);
	return Number.isFinite(parsed) ? Math.min(parsed, nowMs) : nowMs;
}

/**
 * Reads one answer of a real poll. `verified`: the marker was set by a poll of this same n8n process, so its
 * disappearance cannot be this trigger's own doing (after a restart, polls whose state was never saved - n8n saves
 * a poller's static data only when it emits - may have acknowledged it).
 */
export function readPage(
	state: CursorState,
	events: RawEvent[],
	{ nowMs, verified }: { nowMs: number; verified: boolean },
): PageReading {
	let fresh: RawEvent[];
	let markerMissing: PageReading['markerMissing'];
	if (state.marker !== undefined) {
		const marker = state.marker;
		if (events.length > 0 && events[0].eventId === marker) {
			fresh = events.slice(1);
		} else {
			fresh = events.filter((event) => event.eventId > marker);
			const expired = state.markerAt === undefined || nowMs - state.markerAt >= EXPIRY_MARGIN_MS;
			if (expired) markerMissing = 'expired';
			else if (!verified) markerMissing = 'unverified';
			else {
				const firstRemaining = fresh.length > 0 ? fresh[0].eventId : undefined;
				// Report now; the next poll starts at the first remaining event and emits it.
				return {
					fresh: [],
					next: { resumeFrom: firstRemaining ?? marker + 1 },
					lost: { marker, firstRemaining },
				};
			}
		}
	} else {
		const from = state.resumeFrom;
		fresh = from === undefined ? events : events.filter((event) => event.eventId >= from);
	}
	if (fresh.length === 0) {
		// A missing (explained) marker is not expected back: continue after it.
		const next: CursorState = markerMissing ? { resumeFrom: (state.marker as number) + 1 } : { ...state };
		return { fresh, next, markerMissing };
	}
	const last = fresh[fresh.length - 1];
	return { fresh, next: { marker: last.eventId, markerAt: eventTime(last, nowMs) }, markerMissing };
}
