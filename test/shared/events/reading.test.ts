import { mock } from 'jest-mock-extended';
import type { INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { lostEventsError, QueueFailure } from '../../../nodes/shared/events/reading';
import type { Bitrix24Failure } from '../../../nodes/shared/transport/types';

const node = mock<INode>({ name: 'Trigger' });

const failure = (code: string, kind: Bitrix24Failure['kind'] = 'api', httpStatus?: number) =>
	new QueueFailure({ kind, code, description: code, httpStatus, method: 'imbot.v2.Event.get' }, new NodeApiError(node, { code }));

describe('QueueFailure', () => {
	it('refusals are what waiting cannot cure; network, server, rate limits and a dropped subscription are not', () => {
		for (const code of ['BOT_NOT_FOUND', 'BOT_OWNERSHIP_ERROR', 'INVALID_CREDENTIALS', 'insufficient_scope', 'SCOPE_ERROR', 'ERROR_METHOD_NOT_FOUND']) {
			expect([code, failure(code, 'api', 400).isRefusal]).toEqual([code, true]);
		}
		expect(failure('QUERY_LIMIT_EXCEEDED', 'api', 503).isRefusal).toBe(false);
		expect(failure('OPERATION_TIME_LIMIT', 'api', 429).isRefusal).toBe(false);
		expect(failure('USER_NOT_SUBSCRIBED', 'api', 400).isRefusal).toBe(false);
		expect(failure('INTERNAL_SERVER_ERROR', 'api', 500).isRefusal).toBe(false);
		expect(failure('ECONNRESET', 'network').isRefusal).toBe(false);
		expect(failure('INVALID_RESPONSE', 'invalidBody', 502).isRefusal).toBe(false);
	});
});

describe('lostEventsError', () => {
	const readers = { queue: 'this bot\'s event queue', fact: 'Bitrix24 keeps one event queue per bot', otherReaders: 'Stop the other.', next: 'It continues.' };
	it('names the queue, the events that may be gone, who else may read and what comes next', () => {
		const error = lostEventsError(node, { marker: 2005, firstRemaining: 2009 }, readers);
		expect(error.message).toBe('Another application is reading this bot\'s event queue');
		expect(error.description).toBe(
			'Bitrix24 keeps one event queue per bot, and reading it with an offset deletes the earlier events for every reader. ' +
				'The last event this trigger had read was deleted by someone else, so the events between event 2005 and event 2009 may have gone to the other reader instead of this workflow. ' +
				'Stop the other. It continues.',
		);
		expect(lostEventsError(node, { marker: 2005 }, readers).description).toContain('the events after event 2005 may have gone');
	});
});
