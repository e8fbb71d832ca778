import type { EventItem } from '../shared/events';
import { inDialogs } from '../shared/events';

export interface EventFilters {
	/** Event kinds to emit (the "Events" option). */
	kinds: string[];
	/** Lower-case dialog ids (chatNNN, sgNNN, NNN); empty = every dialog. */
	dialogIds: string[];
	/** The credential's user id when own messages and reactions are skipped. */
	ownUserId?: number;
	skipSystem: boolean;
}

/** Whether the trigger emits this event. */
export function passes(item: EventItem, filters: EventFilters): boolean {
	if (!filters.kinds.includes(item.event)) return false;
	if (!inDialogs(item, filters.dialogIds)) return false;
	const isMessage = item.event === 'messageAdd' || item.event === 'messageUpdate' || item.event === 'messageDelete';
	if (filters.skipSystem && isMessage && item.isSystem) return false;
	if (filters.ownUserId !== undefined) {
		if (isMessage && item.authorId === filters.ownUserId) return false;
		if (item.event === 'reactionChange' && item.userId === filters.ownUserId) return false;
	}
	return true;
}
