import type { IDataObject, INode, ITriggerFunctions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import type { QueueReaders, RawEvent } from '../shared/events';
import { cursorAfter, loadCursor, lostEventsError, pollParams, QueueFailure, readPage, saveCursor } from '../shared/events';
import { BOT_DELETED, shapeBotEvent } from './events';
import { passes } from './filters';
import type { BotQueue } from './queue';
import { PollSchedule } from './schedule';
import type { TriggerSettings } from './settings';
import { reportable, Stopper } from './stopper';

/**
 * The active trigger: a loop that reads the bot's queue and emits one execution per event, until the workflow is
 * deactivated or n8n stops (closeFunction).
 *
 * Exactly once rests on what n8n 2.41 does with a long-running trigger (read in n8n's
 * workflows/triggers/trigger-execution-context.factory.js and workflow-static-data.service.js):
 * - `emit(data)` first saves the workflow's static data (if it changed), then starts the execution; it does not wait
 *   for either. Its optional `donePromise` would settle only when the execution has finished; the trigger does not
 *   need it, because the event's id is in the static data before `emit` is called, so it is saved as the execution
 *   starts.
 * - n8n saves a trigger's static data at nothing else: not on deactivation, not on shutdown (those save a workflow
 *   object loaded from the database). So the cursor that counts after a restart is the one saved with the last emit.
 * Hence: the marker (the last event handled) moves in the static data before each emit; Bitrix24 is told to drop
 * events only below the marker (`offset = marker`, shared/events/cursor.ts), so an event is confirmed only after it
 * was emitted, and the marker itself stays queued. After a restart the saved marker comes back first and nothing up
 * to it is emitted again; events after it were never confirmed, so none is lost. A lost answer or a failed poll
 * changes nothing: the next poll asks with the same offset. (n8n does not await its save: an n8n process killed
 * between starting the execution and writing the static data would emit that one event again; never lose it.)
 */

/** How long stopping waits for a poll in flight (its answer is then dropped, nothing emitted or moved). */
const STOP_GRACE_MS = 5000;
/** Failed polls in a row before the trigger records a failed execution (the failures are logged all along). */
const FAILURES_BEFORE_REPORT = 5;

const BOT_QUEUE: QueueReaders = {
	queue: 'this bot\'s event queue',
	fact: 'Bitrix24 keeps one event queue per bot',
	otherReaders:
		'Find and stop the other reader - another active workflow with a Bitrix24 Chatbot Trigger for this bot (a credential with the same Bot Token, or the same OAuth2 app), or a script calling imbot.v2.Event.get for it.',
	next: 'The trigger continues with the events still in the queue.',
};

function botDeletedError(node: INode, botId: number): NodeOperationError {
	return new NodeOperationError(node, `Bot ${botId} was deleted in Bitrix24: the trigger stopped`, {
		description:
			'Bitrix24 sent the bot\'s last event, ONIMBOTV2DELETE: the bot was unregistered (Bot → Unregister, or in Bitrix24) and gets no more events. ' +
			'Register a bot again (Bitrix24 Chatbot → Bot → Register), pick it in this trigger and activate the workflow again.',
	});
}

export class BotListener {
	private readonly stopper = new Stopper();

	private readonly schedule = new PollSchedule();

	private running: Promise<void> = Promise.resolve();

	/** A poll of this activation saw the marker: its disappearance is someone else's doing (see readPage). */
	private verified = false;

	/** A refusal was met once: the next poll runs with the credential read again, a second one stops the trigger. */
	private refusedOnce = false;

	constructor(
		private readonly context: ITriggerFunctions,
		private readonly settings: TriggerSettings,
	) {}

	/**
	 * Checks the bot and starts the loop. A refusal (no such bot, not the credential's, webhook mode, a wrong
	 * credential) fails the activation with its explanation; a failure that may pass is retried by the loop.
	 */
	async begin(): Promise<void> {
		const node = this.context.getNode();
		const queue = await this.settings.openQueue().catch((error: unknown) => {
			throw reportable(node, error);
		});
		let checkedAt = Number.NEGATIVE_INFINITY;
		try {
			await queue.check();
			checkedAt = Date.now();
		} catch (error) {
			if (!(error instanceof QueueFailure) || error.isRefusal) throw reportable(node, error);
			this.context.logger.warn(`${this.name}: checking the bot failed (${error.message}); retrying`);
		}
		this.running = this.run(queue, checkedAt);
	}

	async stop(): Promise<void> {
		this.stopper.stop();
		await Promise.race([this.running, sleep(STOP_GRACE_MS)]);
	}

	private get name(): string {
		return `Bitrix24 Chatbot Trigger "${this.context.getNode().name}"`;
	}

	private async run(first: BotQueue, checkedAt: number): Promise<void> {
		const stored = this.storedCursor();
		let queue = first;
		let lastCheck = checkedAt;
		while (!this.stopper.stopped) {
			let delayMs: number;
			try {
				const now = Date.now();
				if (this.schedule.botCheckDue(now, lastCheck)) {
					queue = await this.settings.openQueue();
					await queue.check();
					lastCheck = now;
				}
				delayMs = await this.poll(queue, stored);
				this.refusedOnce = false;
			} catch (error) {
				if (error instanceof QueueFailure && !error.isRefusal) {
					// USER_NOT_SUBSCRIBED: the user's subscription was dropped; the bot check subscribes again.
					if (error.failure.code === 'USER_NOT_SUBSCRIBED') lastCheck = Number.NEGATIVE_INFINITY;
					delayMs = this.onPassingFailure(error);
				} else if (!this.refusedOnce) {
					// The credential may have changed meanwhile (a rotated token): read it again and check at once.
					this.refusedOnce = true;
					lastCheck = Number.NEGATIVE_INFINITY;
					delayMs = 0;
				} else {
					this.fail(reportable(this.context.getNode(), error));
					return;
				}
			}
			await this.stopper.pause(delayMs);
		}
	}

	/** The cursor in the node's static data; a cursor of another bot's queue is dropped. */
	private storedCursor(): IDataObject {
		const stored = this.context.getWorkflowStaticData('node');
		if (stored.botId !== this.settings.botId) {
			saveCursor(stored, { kind: 'start' });
			stored.botId = this.settings.botId;
		}
		return stored;
	}

	/** One poll: reads from the cursor, emits what is new, one execution per event; the delay until the next. */
	private async poll(queue: BotQueue, stored: IDataObject): Promise<number> {
		const cursor = loadCursor(stored);
		const page = await queue.page(pollParams(cursor, this.settings.limit));
		if (this.stopper.stopped) return 0;
		const now = Date.now();
		const reading = readPage(cursor, page.events, { nowMs: now, verified: this.verified });
		this.verified = true;
		if (reading.outcome === 'lost') {
			saveCursor(stored, reading.next);
			this.context.saveFailedExecution(lostEventsError(this.context.getNode(), reading.lost, BOT_QUEUE));
			return this.schedule.afterPoll(now, { events: 1, hasMore: page.hasMore });
		}
		if (reading.outcome !== 'read' && cursor.kind === 'marker') {
			this.context.logger.warn(
				`${this.name}: the last event read before (${cursor.marker}) is no longer in the queue (${reading.outcome === 'markerExpired' ? 'older than 24 hours' : 'first poll since n8n started'}); continuing with the events in the queue`,
			);
		}
		if (reading.fresh.length === 0) saveCursor(stored, reading.next);
		for (const event of reading.fresh) {
			if (this.stopper.stopped) break;
			this.handle(queue, event, stored, now);
		}
		return this.schedule.afterPoll(now, { events: reading.fresh.length, hasMore: page.hasMore });
	}

	/** Moves the marker to the event (before emitting it: see above), emits it if it passes, stops after the bot's deletion. */
	private handle(queue: BotQueue, event: RawEvent, stored: IDataObject, now: number): void {
		const item = shapeBotEvent(event, this.settings.botId);
		saveCursor(stored, cursorAfter(event, now));
		if (passes(item, this.settings.filters)) this.context.emit([[{ json: queue.scrubber.value(item) as IDataObject }]]);
		if (item.event === BOT_DELETED && item.source === 'bot') this.fail(botDeletedError(this.context.getNode(), this.settings.botId));
	}

	/** A failure that may pass (network, server, rate limit): logged, recorded after a few in a row, backed off. */
	private onPassingFailure(error: QueueFailure): number {
		const delayMs = this.schedule.afterFailure();
		this.context.logger.warn(`${this.name}: polling failed (${error.message}); next try in ${Math.round(delayMs / 1000)} s`);
		if (this.schedule.failureStreak === FAILURES_BEFORE_REPORT) this.context.saveFailedExecution(error.error);
		return delayMs;
	}

	/** Stops for good: n8n deactivates the trigger, shows the error and retries the activation, which checks again. */
	private fail(error: Error): void {
		this.stopper.stop();
		this.context.logger.error(`${this.name}: ${error.message}`);
		this.context.emitError(error);
	}
}
