import type { IDataObject } from 'n8n-workflow';

import { integerOrNull, readEventPage } from '../../../nodes/shared/events/queue';
import type { RawEvent } from '../../../nodes/shared/events/queue';

function event(eventId: number, type: string, data: IDataObject): RawEvent {
	return { eventId, type, date: '2025-01-15T10:30:01+02:00', data };
}

describe('integerOrNull', () => {
	it('takes whole numbers and numeric strings, nothing else', () => {
		expect([integerOrNull(5), integerOrNull('77'), integerOrNull(' 8 ')]).toEqual([5, 77, 8]);
		expect([integerOrNull(''), integerOrNull('x'), integerOrNull(1.5), integerOrNull(null), integerOrNull(true)]).toEqual([null, null, null, null, null]);
	});
});

describe('readEventPage', () => {
	it('reads the documented answer and sorts by eventId', () => {
		const page = readEventPage({
			events: [event(2002, 'ONIMV2MESSAGEADD', {}), event(2001, 'ONIMV2JOINCHAT', {})],
			nextOffset: 2003,
			hasMore: false,
		});
		expect(page?.events.map((e) => e.eventId)).toEqual([2001, 2002]);
		expect(page?.hasMore).toBe(false);
		expect(readEventPage({ events: [], nextOffset: 5, hasMore: true })?.hasMore).toBe(true);
	});

	it('rejects answers that are not an events page', () => {
		expect(readEventPage(true)).toBeUndefined();
		expect(readEventPage({ events: 'x' })).toBeUndefined();
		expect(readEventPage({ events: [{ type: 'X' }] })).toBeUndefined();
		expect(readEventPage({ events: [] })).toEqual({ events: [], hasMore: false });
	});
});
