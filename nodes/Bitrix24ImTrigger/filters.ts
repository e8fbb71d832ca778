import { normalizeDialogId } from '../shared/values';
import type { TriggerItem } from './events';

export interface EventFilters {
	/** Event kinds to emit (the "Events" option). */
	kinds: string[];
	/** Lower-case dialog ids (chatNNN, sgNNN, NNN); empty = every dialog. */
	dialogIds: string[];
	/** The credential's user id when own messages and reactions are skipped. */
	ownUserId?: number;
	skipSystem: boolean;
}

/** "chat12, 5,SG3" -> ['chat12', '5', 'sg3']; throws a plain message naming the bad entry. */
export function parseDialogIds(value: string): string[] {
	return String(value ?? '')
		.split(/[\s,;]+/)
		.filter((part) => part !== '')
		.map((part) => {
			const id = normalizeDialogId(part);
			if (id === undefined) {
				throw new Error(
					`Dialog ID "${part.toLowerCase()}" is not valid: use chatNNN (group chat), sgNNN (workgroup chat) or NNN (private dialog with user NNN)`,
				);
			}
			return id;
		});
}

function inDialogs(item: TriggerItem, dialogIds: string[]): boolean {
	if (dialogIds.length === 0) return true;
	const dialogId = (item.dialogId ?? '').toLowerCase();
	if (dialogIds.includes(dialogId)) return true;
	// sgNNN names a workgroup's chat; events name that chat chatNNN and carry the group in entityType/entityId.
	const chat = (item.raw.data as { chat?: { entityType?: unknown; entityId?: unknown } } | undefined)?.chat;
	return (
		chat?.entityType === 'SONET_GROUP' && dialogIds.includes(`sg${String(chat.entityId ?? '')}`.toLowerCase())
	);
}

/** Whether the trigger emits this event. */
export function passes(item: TriggerItem, filters: EventFilters): boolean {
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
