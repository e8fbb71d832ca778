import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { EventPage } from '../shared/events';
import { callQueue, readEvents } from '../shared/events';
import type { Bitrix24Client } from '../shared/transport';
import { objectOrUndefined } from '../shared/values';

function eventModeError(node: INode, botId: number, mode: string): NodeOperationError {
	return new NodeOperationError(node, `Bot ${botId} is in event mode "${mode}": this trigger reads the events of bots in fetch mode`, {
		description:
			'Bitrix24 sends the events of a bot in webhook mode to its webhook URL, not to the queue this trigger reads, so nothing would ever arrive. ' +
			'Switch the bot to fetch mode: run a Bitrix24 Chatbot node with Bot → Update, Update Fields → Event Mode: Fetch (Bitrix24 then removes its webhook subscriptions, so whatever received them stops getting events), then activate this workflow again. ' +
			'The trigger never switches a bot by itself.',
	});
}

/**
 * The bot's event queue (imbot.v2.Event.get), read with the credential's token. Every call here is safe to repeat;
 * failures are QueueFailures.
 */
export class BotQueue {
	constructor(
		private readonly node: INode,
		private readonly client: Bitrix24Client,
		readonly botId: number,
		private readonly withUserEvents: boolean,
	) {}

	get scrubber() {
		return this.client.scrubber;
	}

	/**
	 * The bot is there, the credential may act for it, and it is in fetch mode (a webhook-mode bot is refused, never
	 * switched: switching removes subscriptions another integration may use). With user events, the credential's
	 * user is subscribed (idempotent; nothing is recorded for a user before).
	 */
	async check(): Promise<void> {
		const answer = objectOrUndefined(await callQueue(this.client, this.node, 'imbot.v2.Bot.get', { botId: this.botId }));
		const mode = objectOrUndefined(answer?.bot)?.eventMode;
		// Another application's bot is answered in the brief form, without eventMode: Event.get then refuses it.
		if (typeof mode === 'string' && mode !== 'fetch') throw eventModeError(this.node, this.botId, mode);
		if (this.withUserEvents) await callQueue(this.client, this.node, 'im.v2.Event.subscribe', {});
	}

	/** One page from `params` (offset, limit); without an offset it acknowledges nothing. */
	async page(params: IDataObject): Promise<EventPage> {
		const withUserEvents = this.withUserEvents ? { withUserEvents: true } : {};
		return await readEvents(this.client, this.node, 'imbot.v2.Event.get', { botId: this.botId, ...params, ...withUserEvents });
	}
}
