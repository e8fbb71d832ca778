import { EXPIRY_MARGIN_MS, pollParams, readPage } from '../../nodes/Bitrix24ImTrigger/cursor';
import type { CursorState } from '../../nodes/Bitrix24ImTrigger/cursor';
import type { RawEvent } from '../../nodes/Bitrix24ImTrigger/events';

const NOW = Date.parse('2026-11-24T12:00:00Z');
const at = (msAgo: number) => new Date(NOW - msAgo).toISOString();
const ev = (eventId: number, msAgo = 1000): RawEvent => ({ eventId, type: 'ONIMV2MESSAGEADD', date: at(msAgo), data: {} });
const ids = (events: RawEvent[]) => events.map((e) => e.eventId);

describe('pollParams', () => {
	it('first poll: no offset (acknowledges nothing); then the marker itself, so it stays in the queue', () => {
		expect(pollParams({}, 100)).toEqual({ limit: 100 });
		expect(pollParams({ marker: 2005, markerAt: NOW }, 50)).toEqual({ offset: 2005, limit: 51 });
		expect(pollParams({ marker: 2005, markerAt: NOW }, 1000)).toEqual({ offset: 2005, limit: 1000 });
		expect(pollParams({ resumeFrom: 2010 }, 50)).toEqual({ offset: 2010, limit: 50 });
	});
});

describe('readPage', () => {
	const opts = { nowMs: NOW, verified: true };

	it('first poll: every event is new; the last one becomes the marker', () => {
		const r = readPage({}, [ev(2001, 5000), ev(2003, 2000)], opts);
		expect(ids(r.fresh)).toEqual([2001, 2003]);
		expect(r.next).toEqual({ marker: 2003, markerAt: NOW - 2000 });
		expect(r.lost).toBeUndefined();
	});

	it('the marker comes back first and is not emitted again', () => {
		const r = readPage({ marker: 2003, markerAt: NOW }, [ev(2003), ev(2007), ev(2008)], opts);
		expect(ids(r.fresh)).toEqual([2007, 2008]);
		expect(r.next.marker).toBe(2008);
	});

	it('nothing new: the state does not change (a second poll emits nothing)', () => {
		const state: CursorState = { marker: 2003, markerAt: NOW - 1000 };
		const r = readPage(state, [ev(2003)], opts);
		expect(r.fresh).toEqual([]);
		expect(r.next).toEqual(state);
		expect(readPage({}, [], opts)).toEqual({ fresh: [], next: {}, markerMissing: undefined });
	});

	it('marker gone while verified and recent: another consumer; nothing emitted, resume at what is left', () => {
		const r = readPage({ marker: 2003, markerAt: NOW - 60_000 }, [ev(2009), ev(2010)], opts);
		expect(r.lost).toEqual({ marker: 2003, firstRemaining: 2009 });
		expect(r.fresh).toEqual([]);
		expect(r.next).toEqual({ resumeFrom: 2009 });
		// the next poll starts there and emits those events
		expect(pollParams(r.next, 100)).toEqual({ offset: 2009, limit: 100 });
		const after = readPage(r.next, [ev(2009), ev(2010)], opts);
		expect(ids(after.fresh)).toEqual([2009, 2010]);
		expect(after.next.marker).toBe(2010);
	});

	it('marker gone and queue empty: reported too, resume after the marker', () => {
		const r = readPage({ marker: 2003, markerAt: NOW - 60_000 }, [], opts);
		expect(r.lost).toEqual({ marker: 2003, firstRemaining: undefined });
		expect(r.next).toEqual({ resumeFrom: 2004 });
	});

	it('marker gone after ~24 h: expired, not another consumer', () => {
		const r = readPage({ marker: 2003, markerAt: NOW - EXPIRY_MARGIN_MS }, [ev(2020)], opts);
		expect(r.lost).toBeUndefined();
		expect(r.markerMissing).toBe('expired');
		expect(ids(r.fresh)).toEqual([2020]);
		const empty = readPage({ marker: 2003, markerAt: NOW - EXPIRY_MARGIN_MS }, [], opts);
		expect(empty.next).toEqual({ resumeFrom: 2004 });
	});

	it('marker gone on the first poll since n8n started: not reported (an unsaved poll of ours may have acknowledged it)', () => {
		const r = readPage({ marker: 2003, markerAt: NOW - 60_000 }, [ev(2001), ev(2005)], { nowMs: NOW, verified: false });
		expect(r.lost).toBeUndefined();
		expect(r.markerMissing).toBe('unverified');
		// events at or before the marker were handled already
		expect(ids(r.fresh)).toEqual([2005]);
	});

	it('after a reported loss, events below resumeFrom are ignored', () => {
		const r = readPage({ resumeFrom: 2009 }, [ev(2008), ev(2009)], opts);
		expect(ids(r.fresh)).toEqual([2009]);
	});
});
