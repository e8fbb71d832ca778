import type { IDataObject } from 'n8n-workflow';

import { EXPIRY_MARGIN_MS, loadCursor, pollParams, readPage, saveCursor } from '../../../nodes/shared/events/cursor';
import type { Cursor, PageReading } from '../../../nodes/shared/events/cursor';
import type { RawEvent } from '../../../nodes/shared/events/queue';

const NOW = Date.parse('2026-11-24T12:00:00Z');
const at = (msAgo: number) => new Date(NOW - msAgo).toISOString();
const ev = (eventId: number, msAgo = 1000): RawEvent => ({ eventId, type: 'ONIMV2MESSAGEADD', date: at(msAgo), data: {} });
const ids = (events: RawEvent[]) => events.map((e) => e.eventId);
const START: Cursor = { kind: 'start' };
const marker = (id: number, markerAt: number): Cursor => ({ kind: 'marker', marker: id, markerAt });
const resume = (from: number): Cursor => ({ kind: 'resume', from });
const freshOf = (reading: PageReading) => (reading.outcome === 'lost' ? [] : reading.fresh);

describe('the cursor in static data', () => {
	it('keeps the keys saved workflows hold: marker and markerAt, or resumeFrom', () => {
		const stored: IDataObject = {};
		saveCursor(stored, marker(2005, NOW));
		expect(stored).toEqual({ marker: 2005, markerAt: NOW });
		expect(loadCursor(stored)).toEqual(marker(2005, NOW));
		saveCursor(stored, resume(2010));
		expect(stored).toEqual({ resumeFrom: 2010 });
		expect(loadCursor(stored)).toEqual(resume(2010));
		expect(loadCursor({})).toEqual(START);
	});
});

describe('pollParams', () => {
	it('first poll: no offset (acknowledges nothing); then the marker itself, so it stays in the queue', () => {
		expect(pollParams(START, 100)).toEqual({ limit: 100 });
		expect(pollParams(marker(2005, NOW), 50)).toEqual({ offset: 2005, limit: 51 });
		expect(pollParams(marker(2005, NOW), 1000)).toEqual({ offset: 2005, limit: 1000 });
		expect(pollParams(resume(2010), 50)).toEqual({ offset: 2010, limit: 50 });
	});
});

describe('readPage', () => {
	const opts = { nowMs: NOW, verified: true };

	it('first poll: every event is new; the last one becomes the marker', () => {
		const r = readPage(START, [ev(2001, 5000), ev(2003, 2000)], opts);
		expect(r.outcome).toBe('read');
		expect(ids(freshOf(r))).toEqual([2001, 2003]);
		expect(r.next).toEqual(marker(2003, NOW - 2000));
	});

	it('the marker comes back first and is not emitted again', () => {
		const r = readPage(marker(2003, NOW), [ev(2003), ev(2007), ev(2008)], opts);
		expect(ids(freshOf(r))).toEqual([2007, 2008]);
		expect(r.next).toMatchObject({ kind: 'marker', marker: 2008 });
	});

	it('nothing new: the cursor does not change (a second poll emits nothing)', () => {
		const cursor = marker(2003, NOW - 1000);
		const r = readPage(cursor, [ev(2003)], opts);
		expect(freshOf(r)).toEqual([]);
		expect(r.next).toEqual(cursor);
		expect(readPage(START, [], opts)).toEqual({ outcome: 'read', fresh: [], next: START });
	});

	it('marker gone while verified and recent: another consumer; nothing emitted, resume at what is left', () => {
		const r = readPage(marker(2003, NOW - 60_000), [ev(2009), ev(2010)], opts);
		expect(r).toEqual({ outcome: 'lost', lost: { marker: 2003, firstRemaining: 2009 }, next: resume(2009) });
		// the next poll starts there and emits those events
		expect(pollParams(r.next, 100)).toEqual({ offset: 2009, limit: 100 });
		const after = readPage(r.next, [ev(2009), ev(2010)], opts);
		expect(ids(freshOf(after))).toEqual([2009, 2010]);
		expect(after.next).toMatchObject({ kind: 'marker', marker: 2010 });
	});

	it('marker gone and queue empty: reported too, resume after the marker', () => {
		const r = readPage(marker(2003, NOW - 60_000), [], opts);
		expect(r).toEqual({ outcome: 'lost', lost: { marker: 2003, firstRemaining: undefined }, next: resume(2004) });
	});

	it('marker gone after ~24 h: expired, not another consumer', () => {
		const r = readPage(marker(2003, NOW - EXPIRY_MARGIN_MS), [ev(2020)], opts);
		expect(r.outcome).toBe('markerExpired');
		expect(ids(freshOf(r))).toEqual([2020]);
		const empty = readPage(marker(2003, NOW - EXPIRY_MARGIN_MS), [], opts);
		expect(empty.next).toEqual(resume(2004));
	});

	it('marker gone on the first poll since n8n started: not reported (an unsaved poll of ours may have acknowledged it)', () => {
		const r = readPage(marker(2003, NOW - 60_000), [ev(2001), ev(2005)], { nowMs: NOW, verified: false });
		expect(r.outcome).toBe('markerUnverified');
		// events at or before the marker were handled already
		expect(ids(freshOf(r))).toEqual([2005]);
	});

	it('after a reported loss, events below the resume point are ignored', () => {
		const r = readPage(resume(2009), [ev(2008), ev(2009)], opts);
		expect(ids(freshOf(r))).toEqual([2009]);
	});
});
