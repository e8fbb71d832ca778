import { inDialogs } from '../shared/events';
import type { BotEventItem } from './events';
import { BOT_DELETED } from './events';

export interface BotEventFilters {
	/** Event kinds to emit (the "Events" option). */
	kinds: string[];
	/** Lower-case dialog ids (chatNNN, NNN); empty = every dialog. */
	dialogIds: string[];
	/** The bot's id when what the bot did itself is skipped. */
	ownId?: number;
}

const MESSAGE_EVENTS = ['messageAdd', 'messageUpdate', 'messageDelete'];

/** Whether the trigger emits this event. */
export function passes(item: BotEventItem, filters: BotEventFilters): boolean {
	if (!filters.kinds.includes(item.event)) return false;
	// The bot's deletion belongs to no dialog.
	if (item.event !== BOT_DELETED && !inDialogs(item, filters.dialogIds)) return false;
	if (filters.ownId !== undefined) {
		// A command event names the bot's message the button was on; who pressed it is userId.
		if (MESSAGE_EVENTS.includes(item.event) && item.authorId === filters.ownId) return false;
		if ((item.event === 'reactionChange' || item.event === 'command') && item.userId === filters.ownId) return false;
	}
	return true;
}
