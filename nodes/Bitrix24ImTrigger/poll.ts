import type { IDataObject, INode, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { Bitrix24Client, connect } from '../Bitrix24Im/transport';
import type { Authentication, Connection } from '../Bitrix24Im/transport';
import { toNodeApiError } from '../Bitrix24Im/transport/errors';
import { STANDARD_PLAN } from '../Bitrix24Im/transport/limiter';
import type { CursorState, LostEvents } from './cursor';
import { pollParams, readPage } from './cursor';
import type { RawEvent } from './events';
import { readEventPage, shapeEvent } from './events';
import type { EventFilters } from './filters';
import { parseDialogIds, passes } from './filters';

/**
 * Static-data objects whose cursor a poll of this n8n process has written. n8n keeps an active workflow's static
 * data object for as long as the workflow stays active, and saves it only when a poll emits; so a missing marker in
 * an object from this set cannot come from an unsaved poll of ours before a restart.
 */
const writtenHere = new WeakSet<object>();
/** The credential user's id, looked up once per activation (per static-data object). */
const ownUserIds = new WeakMap<object, number>();

const CURSOR_KEYS = ['marker', 'markerAt', 'resumeFrom'] as const;

interface TriggerOptions {
	dialogIds?: string;
	ignoreSystemMessages?: boolean;
	maxEvents?: number;
	timeout?: number;
}

function storeCursor(state: CursorState, next: CursorState) {
	for (const key of CURSOR_KEYS) {
		if (next[key] === undefined) {
			if (key in state) delete state[key];
		} else if (state[key] !== next[key]) {
			state[key] = next[key];
		}
	}
}

export function lostEventsError(node: INode, lost: LostEvents): NodeOperationError {
	const range =
		lost.firstRemaining === undefined
			? `after event ${lost.marker}`
			: `between event ${lost.marker} and event ${lost.firstRemaining}`;
	return new NodeOperationError(node, 'Another application is reading this Bitrix24 user\'s event queue', {
		description:
			'Bitrix24 keeps one im.v2 event queue per user, and reading it with an offset deletes the earlier events for every reader. ' +
			`The last event this trigger had read was deleted by someone else, so the events ${range} may have gone to the other reader instead of this workflow. ` +
			'Find and stop the other reader - another active workflow with a Bitrix24 IM Trigger for the same Bitrix24 user, or a Bitrix24 app or script calling im.v2.Event.get - or use a credential of a different Bitrix24 user for this trigger. ' +
			'The next poll continues with the events still in the queue.',
	});
}

class EventReader {
	private readonly client: Bitrix24Client;

	constructor(
		private readonly context: IPollFunctions,
		private readonly connection: Connection,
	) {
		this.client = new Bitrix24Client(context, connection, STANDARD_PLAN);
	}

	/** Every call here is safe to repeat: subscribe is idempotent and get with the same offset answers the same. */
	async call(method: string, params: IDataObject): Promise<unknown> {
		return (await this.client.callOrThrow(method, params, true)).result;
	}

	async page(params: IDataObject): Promise<RawEvent[]> {
		const page = readEventPage(await this.call('im.v2.Event.get', params));
		if (!page) {
			throw toNodeApiError(
				this.context.getNode(),
				'im.v2.Event.get',
				{ kind: 'invalidBody', code: 'INVALID_RESPONSE', description: 'the answer holds no list of events' },
				this.connection.scrubber,
			);
		}
		return page.events;
	}

	async ownUserId(): Promise<number | undefined> {
		const user = (await this.call('im.user.get', {})) as { id?: unknown } | null;
		const id = Number(user?.id);
		return Number.isInteger(id) && id > 0 ? id : undefined;
	}
}

/**
 * One poll. Real polls read from the cursor, acknowledge what earlier polls handled and emit what is new; manual
 * polls ("Fetch Test Event") read the queue's head without an offset, so they acknowledge nothing and move no cursor.
 */
export async function pollEvents(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const node = this.getNode();
	const authentication = this.getNodeParameter('authentication', 'webhook') as Authentication;
	const kinds = this.getNodeParameter('events', []) as string[];
	const ignoreOwn = this.getNodeParameter('ignoreOwnMessages', true) as boolean;
	const options = this.getNodeParameter('options', {}) as TriggerOptions;
	if (kinds.length === 0) {
		throw new NodeOperationError(node, 'No event selected', { description: 'Pick at least one event under "Events".' });
	}
	let dialogIds: string[];
	try {
		dialogIds = parseDialogIds(options.dialogIds ?? '');
	} catch (error) {
		throw new NodeOperationError(node, (error as Error).message, {
			description: 'Fix the "Dialog IDs" option; nothing was read from Bitrix24.',
		});
	}
	const limit = Math.min(1000, Math.max(1, Math.floor(options.maxEvents ?? 100)));
	const connection = await connect(this, authentication, (options.timeout ?? 60) * 1000);
	const reader = new EventReader(this, connection);
	const manual = this.getMode() === 'manual';
	// Manual runs must not create or touch the cursor.
	const state = (manual ? {} : this.getWorkflowStaticData('node')) as CursorState;

	// Idempotent; repeated at every poll so that a subscription dropped elsewhere is restored.
	await reader.call('im.v2.Event.subscribe', {});

	let fresh: RawEvent[];
	if (manual) {
		fresh = await reader.page({ limit });
	} else {
		const previousMarker = state.marker;
		const events = await reader.page(pollParams(state, limit));
		const reading = readPage(state, events, { nowMs: Date.now(), verified: writtenHere.has(state) });
		storeCursor(state, reading.next);
		writtenHere.add(state);
		if (reading.lost) throw lostEventsError(node, reading.lost);
		if (reading.markerMissing) {
			this.logger.warn(
				`Bitrix24 IM Trigger "${node.name}": the last event read before (${String(previousMarker)}) is no longer in the queue (${reading.markerMissing === 'expired' ? 'older than 24 hours' : 'first poll since n8n started'}); continuing with the events in the queue`,
			);
		}
		fresh = reading.fresh;
	}
	if (fresh.length === 0) return null;

	const filters: EventFilters = { kinds, dialogIds, skipSystem: options.ignoreSystemMessages === true };
	if (ignoreOwn) {
		let own = ownUserIds.get(state);
		if (own === undefined) {
			own = await reader.ownUserId();
			if (own !== undefined && !manual) ownUserIds.set(state, own);
		}
		filters.ownUserId = own;
	}
	const items = fresh
		.map(shapeEvent)
		.filter((item) => passes(item, filters))
		.map((item) => ({ json: connection.scrubber.value(item) as IDataObject }));
	return items.length > 0 ? [items] : null;
}
