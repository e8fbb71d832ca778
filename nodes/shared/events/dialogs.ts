import type { IDataObject } from 'n8n-workflow';

import { normalizeDialogId } from '../values';

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

/** Whether an event item (its `dialogId`, and Bitrix24's event under `raw`) is in one of `dialogIds` (empty: every dialog). */
export function inDialogs(item: { dialogId: string | null; raw: IDataObject }, dialogIds: string[]): boolean {
	if (dialogIds.length === 0) return true;
	const dialogId = (item.dialogId ?? '').toLowerCase();
	if (dialogIds.includes(dialogId)) return true;
	// sgNNN names a workgroup's chat; events name that chat chatNNN and carry the group in entityType/entityId.
	const chat = (item.raw.data as { chat?: { entityType?: unknown; entityId?: unknown } } | undefined)?.chat;
	return (
		chat?.entityType === 'SONET_GROUP' && dialogIds.includes(`sg${String(chat.entityId ?? '')}`.toLowerCase())
	);
}
