import type { IDataObject, INode, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { QueueReaders, RawEvent } from '../shared/events';
import {
	loadCursor,
	lostEventsError,
	pageLimit,
	parseDialogIds,
	pollParams,
	QueueFailure,
	readEvents,
	readPage,
	saveCursor,
	shapeUserEvent,
} from '../shared/events';
import { openClient } from '../shared/transport';
import type { Authentication, Bitrix24Client } from '../shared/transport';
import type { EventFilters } from './filters';
import { passes } from './filters';

/**
 * Static-data objects whose cursor a poll of this n8n process has written. n8n keeps an active workflow's static
 * data object for as long as the workflow stays active, and saves it only when a poll emits; so a missing marker in
 * an object from this set cannot come from an unsaved poll of ours before a restart.
 */
const writtenHere = new WeakSet<object>();
/** The credential user's id, looked up once per activation (per static-data object). */
const ownUserIds = new WeakMap<object, number>();

interface TriggerOptions {
	dialogIds?: string;
	ignoreSystemMessages?: boolean;
	maxEvents?: number;
	timeout?: number;
}

const USER_QUEUE: QueueReaders = {
	queue: 'this Bitrix24 user\'s event queue',
	fact: 'Bitrix24 keeps one im.v2 event queue per user',
	otherReaders:
		'Find and stop the other reader - another active workflow with a Bitrix24 IM Trigger for the same Bitrix24 user, or a Bitrix24 app or script calling im.v2.Event.get - or use a credential of a different Bitrix24 user for this trigger.',
	next: 'The next poll continues with the events still in the queue.',
};

class EventReader {
	constructor(
		private readonly node: INode,
		private readonly client: Bitrix24Client,
	) {}

	/** Every call here is safe to repeat: subscribe is idempotent and get with the same offset answers the same. */
	async call(method: string, params: IDataObject): Promise<unknown> {
		return (await this.client.callOrThrow(method, params, true)).result;
	}

	async page(params: IDataObject): Promise<RawEvent[]> {
		try {
			return (await readEvents(this.client, this.node, 'im.v2.Event.get', params)).events;
		} catch (error) {
			throw error instanceof QueueFailure ? error.error : error;
		}
	}

	async ownUserId(): Promise<number | undefined> {
		const user = (await this.call('im.user.get', {})) as { id?: unknown } | null;
		const id = Number(user?.id);
		return Number.isInteger(id) && id > 0 ? id : undefined;
	}
}

function readFilters(context: IPollFunctions, options: TriggerOptions): EventFilters {
	const node = context.getNode();
	const kinds = context.getNodeParameter('events', []) as string[];
	if (kinds.length === 0) {
		throw new NodeOperationError(node, 'No event selected', { description: 'Pick at least one event under "Events".' });
	}
	try {
		return { kinds, dialogIds: parseDialogIds(options.dialogIds ?? ''), skipSystem: options.ignoreSystemMessages === true };
	} catch (error) {
		throw new NodeOperationError(node, (error as Error).message, {
			description: 'Fix the "Dialog IDs" option; nothing was read from Bitrix24.',
		});
	}
}

/** Reads from the cursor, acknowledging what earlier polls handled, and moves the cursor past what is new. */
async function readFromCursor(context: IPollFunctions, reader: EventReader, stored: IDataObject, limit: number) {
	const node = context.getNode();
	const cursor = loadCursor(stored);
	const reading = readPage(cursor, await reader.page(pollParams(cursor, limit)), {
		nowMs: Date.now(),
		verified: writtenHere.has(stored),
	});
	saveCursor(stored, reading.next);
	writtenHere.add(stored);
	if (reading.outcome === 'lost') throw lostEventsError(node, reading.lost, USER_QUEUE);
	if (reading.outcome !== 'read' && cursor.kind === 'marker') {
		context.logger.warn(
			`Bitrix24 IM Trigger "${node.name}": the last event read before (${cursor.marker}) is no longer in the queue (${reading.outcome === 'markerExpired' ? 'older than 24 hours' : 'first poll since n8n started'}); continuing with the events in the queue`,
		);
	}
	return reading.fresh;
}

/**
 * One poll. Real polls read from the cursor, acknowledge what earlier polls handled and emit what is new; manual
 * polls ("Fetch Test Event") read the queue's head without an offset, so they acknowledge nothing and move no cursor.
 */
export async function pollEvents(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const authentication = this.getNodeParameter('authentication', 'webhook') as Authentication;
	const ignoreOwn = this.getNodeParameter('ignoreOwnMessages', true) as boolean;
	const options = this.getNodeParameter('options', {}) as TriggerOptions;
	const filters = readFilters(this, options);
	const limit = pageLimit(options.maxEvents);
	const client = await openClient(this, authentication, { timeoutMs: (options.timeout ?? 60) * 1000 });
	const reader = new EventReader(this.getNode(), client);
	const manual = this.getMode() === 'manual';
	// Manual runs must not create or touch the cursor.
	const stored = manual ? {} : this.getWorkflowStaticData('node');

	// Idempotent; repeated at every poll so that a subscription dropped elsewhere is restored.
	await reader.call('im.v2.Event.subscribe', {});
	const fresh = manual ? await reader.page({ limit }) : await readFromCursor(this, reader, stored, limit);
	if (fresh.length === 0) return null;

	if (ignoreOwn) {
		let own = ownUserIds.get(stored);
		if (own === undefined) {
			own = await reader.ownUserId();
			if (own !== undefined && !manual) ownUserIds.set(stored, own);
		}
		filters.ownUserId = own;
	}
	const items = fresh
		.map(shapeUserEvent)
		.filter((item) => passes(item, filters))
		.map((item) => ({ json: client.scrubber.value(item) as IDataObject }));
	return items.length > 0 ? [items] : null;
}
