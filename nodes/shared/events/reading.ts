import type { IDataObject, INode, NodeApiError } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Bitrix24Client, MethodFailure } from '../transport';
import { toNodeApiError } from '../transport';
import type { LostEvents } from './cursor';
import type { EventPage } from './queue';
import { readEventPage } from './queue';

/** A failed call of a queue reader: Bitrix24's failure (what to do about it) and the error to report. */
export class QueueFailure extends Error {
	constructor(
		readonly failure: MethodFailure,
		readonly error: NodeApiError,
	) {
		super(error.message);
	}

	/**
	 * A refusal that waiting cannot cure: the bot is gone or not the credential's, the credential or its scope is
	 * wrong, the portal lacks the method. Rate limits, server errors and lost answers are not.
	 */
	get isRefusal(): boolean {
		const { kind, code, httpStatus } = this.failure;
		if (kind !== 'api' || (httpStatus !== undefined && httpStatus >= 500)) return false;
		return !['QUERY_LIMIT_EXCEEDED', 'OPERATION_TIME_LIMIT', 'USER_NOT_SUBSCRIBED'].includes(code.toUpperCase());
	}
}

function queueFailure(client: Bitrix24Client, node: INode, failure: MethodFailure): QueueFailure {
	return new QueueFailure(failure, toNodeApiError(node, failure, client.scrubber));
}

/** A call a queue reader makes (all are safe to repeat); its result, or a QueueFailure. */
export async function callQueue(client: Bitrix24Client, node: INode, method: string, params: IDataObject): Promise<unknown> {
	const outcome = await client.call(method, params, true);
	if (!outcome.ok) throw queueFailure(client, node, outcome.failure);
	return outcome.value.result;
}

/**
 * One page of an Event.get (`im.v2.Event.get`, `imbot.v2.Event.get`), or a QueueFailure. Safe to repeat: the same
 * offset answers the same and acknowledges nothing more, so a lost answer is simply asked again.
 */
export async function readEvents(client: Bitrix24Client, node: INode, method: string, params: IDataObject): Promise<EventPage> {
	const page = readEventPage(await callQueue(client, node, method, params));
	if (page) return page;
	throw queueFailure(client, node, { kind: 'invalidBody', code: 'INVALID_RESPONSE', description: 'the answer holds no list of events', method });
}

/** How a trigger names its queue and its possible other readers, for the error below. */
export interface QueueReaders {
	/** "this Bitrix24 user's event queue" */
	queue: string;
	/** The fact that makes a second reader harmful: "Bitrix24 keeps one im.v2 event queue per user". */
	fact: string;
	/** Who else may be reading, and what to do about it. */
	otherReaders: string;
	/** What the trigger does next. */
	next: string;
}

/** A trigger's marker was acknowledged by someone else: events between it and what is left may have gone elsewhere. */
export function lostEventsError(node: INode, lost: LostEvents, readers: QueueReaders): NodeOperationError {
	const range =
		lost.firstRemaining === undefined
			? `after event ${lost.marker}`
			: `between event ${lost.marker} and event ${lost.firstRemaining}`;
	return new NodeOperationError(node, `Another application is reading ${readers.queue}`, {
		description:
			`${readers.fact}, and reading it with an offset deletes the earlier events for every reader. ` +
			`The last event this trigger had read was deleted by someone else, so the events ${range} may have gone to the other reader instead of this workflow. ` +
			`${readers.otherReaders} ${readers.next}`,
	});
}
