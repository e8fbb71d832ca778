import type { IDataObject, ITriggerFunctions, ITriggerResponse } from 'n8n-workflow';

import { shapeBotEvent } from './events';
import { passes } from './filters';
import type { TriggerSettings } from './settings';
import { reportable, Stopper } from './stopper';

/** How often "Fetch Test Event" looks at the queue while nothing is waiting. */
const MANUAL_POLL_MS = 2000;

/**
 * The editor's "Fetch Test Event": the events waiting in the bot's queue, oldest first, as one run; when none is
 * waiting, it waits for the next one (until the editor stops listening). It reads without an offset, so it confirms
 * nothing and moves no cursor: the active workflow still gets every event.
 *
 * n8n calls `trigger()` first and only then replaces `emit` with the one that ends the manual run, so the queue is
 * read from `manualTriggerFunction`, which returns at once; the reading goes on until it emits or is stopped.
 */
export function manualResponse(context: ITriggerFunctions, settings: TriggerSettings): ITriggerResponse {
	const stopper = new Stopper();
	const listen = async () => {
		const queue = await settings.openQueue();
		await queue.check();
		while (!stopper.stopped) {
			const page = await queue.page({ limit: settings.limit });
			const items = page.events.map((event) => shapeBotEvent(event, settings.botId)).filter((item) => passes(item, settings.filters));
			if (items.length > 0 && !stopper.stopped) {
				context.emit([items.map((item) => ({ json: queue.scrubber.value(item) as IDataObject }))]);
				return;
			}
			await stopper.pause(MANUAL_POLL_MS);
		}
	};
	return {
		manualTriggerFunction: async () => {
			void listen().catch((error: unknown) => {
				if (!stopper.stopped) context.emitError(reportable(context.getNode(), error));
			});
		},
		closeFunction: async () => stopper.stop(),
	};
}
