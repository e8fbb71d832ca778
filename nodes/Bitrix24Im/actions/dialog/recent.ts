import type { IDataObject } from 'n8n-workflow';

import { booleanField, collectionField, DIALOG_HELP, dialogIdField, NOTIFY_HELP } from '../../../shared/fields';
import { list, singleCall, succeededWithId } from '../../../shared/operations';
import type { ItemReader, PagingDescription } from '../../../shared/operations';
import { asObject } from '../../../shared/values';

/** The credential's user's recent list (im.recent.*): its marks, pins, hidden entries, and the list itself. */

const recentPaging: PagingDescription = {
	pageSize: { param: 'LIMIT', max: 200 },
	records: (answer) => {
		const items = asObject(answer.result).items;
		return Array.isArray(items) ? (items as IDataObject[]) : [];
	},
	nextPage: (answer, params, records) => {
		if (asObject(answer.result).hasMore !== true) return undefined;
		const offset = typeof answer.next === 'number' ? answer.next : Number(params.OFFSET ?? 0) + records.length;
		return { ...params, OFFSET: offset };
	},
};

const RECENT_FILTERS: Array<[string, string, string, string]> = [
	['Only Channels', 'onlyChannel', 'ONLY_CHANNEL', 'Whether to list only channels'],
	['Only Copilot Chats', 'onlyCopilot', 'ONLY_COPILOT', 'Whether to list only CoPilot chats'],
	['Skip Chats', 'skipChat', 'SKIP_CHAT', 'Whether to leave out group chats (only private dialogs are listed)'],
	['Skip Open Lines', 'skipOpenlines', 'SKIP_OPENLINES', 'Whether to leave out open-line (customer) chats'],
	['Skip Private Dialogs', 'skipDialog', 'SKIP_DIALOG', 'Whether to leave out private dialogs (only chats are listed)'],
	['Unread Only', 'unreadOnly', 'UNREAD_ONLY', 'Whether to list only dialogs with unread messages or an unread mark'],
];

/** `{success: true, dialogId, ...}` for the recent-list methods, which answer a bare `true`. */
const confirmed = succeededWithId('dialogId', 'DIALOG_ID');

/** The Dialog ID of the marks, pins and hiding: Bitrix24's im.recent.unread, .pin and .hide also take `notify`. */
const markedDialogField = (what: string) => dialogIdField(`The dialog to ${what}: ${DIALOG_HELP}, ${NOTIFY_HELP}`, { notify: true });
const markedDialog = (read: ItemReader) => read.dialogId('dialogId', { notify: true });

/** Whether an entry of im.recent.get is the dialog's: by its id, or for a workgroup (sgNNN) by its chat's group. */
function isEntryOf(entry: IDataObject, dialogId: string): boolean {
	const workgroup = /^sg(\d+)$/.exec(dialogId)?.[1];
	if (workgroup === undefined) return String(entry.id) === dialogId;
	const chat = asObject(entry.chat);
	return chat.entity_type === 'SONET_GROUP' && String(chat.entity_id) === workgroup;
}

export const setUnreadMark = singleCall({
	value: 'setUnreadMark',
	name: 'Set Unread Mark',
	action: 'Set or remove the unread mark of a dialog',
	description: 'Set the manual "unread" mark of a dialog in the recent list, or remove it (which also marks the dialog read)',
	method: 'im.recent.unread',
	fields: [
		markedDialogField('mark'),
		booleanField('Unread', 'unread', 'Whether to set the mark (on) or remove it and mark the dialog read (off)', true),
	],
	toParams: (read) => ({ DIALOG_ID: markedDialog(read), ACTION: read.flag('unread', true) }),
	shape: confirmed((params) => ({ unread: params.ACTION === 'Y' })),
});

export const pin = singleCall({
	value: 'pin',
	name: 'Pin',
	action: 'Pin a dialog',
	description: 'Pin a dialog to the top of the credential\'s user\'s recent list',
	method: 'im.recent.pin',
	fields: [markedDialogField('pin')],
	toParams: (read) => ({ DIALOG_ID: markedDialog(read), PIN: 'Y' }),
	shape: confirmed(() => ({ pinned: true })),
});

export const unpin = singleCall({
	value: 'unpin',
	name: 'Unpin',
	action: 'Unpin a dialog',
	description: 'Unpin a dialog in the credential\'s user\'s recent list',
	method: 'im.recent.pin',
	fields: [markedDialogField('unpin')],
	toParams: (read) => ({ DIALOG_ID: markedDialog(read), PIN: 'N' }),
	shape: confirmed(() => ({ pinned: false })),
});

export const hide = singleCall({
	value: 'hide',
	name: 'Hide',
	action: 'Hide a dialog from the recent list',
	description: 'Remove a dialog from the credential\'s user\'s recent list; it comes back with the next message',
	method: 'im.recent.hide',
	fields: [markedDialogField('hide')],
	toParams: (read) => ({ DIALOG_ID: markedDialog(read) }),
	shape: confirmed(() => ({ hidden: true })),
});

export const getRecent = list({
	value: 'getRecent',
	name: 'Get Recent',
	action: 'Get recent dialogs',
	description: 'List the credential\'s user\'s recent dialogs and chats (pinned first, then by last activity), one item per dialog',
	method: 'im.recent.list',
	fields: [
		collectionField(
			'Filters',
			'filters',
			'Add Filter',
			RECENT_FILTERS.map(([displayName, name, , description]) => booleanField(displayName, name, description)),
		),
	],
	toParams: (read) => {
		const params: IDataObject = { OFFSET: 0 };
		for (const [, name, param] of RECENT_FILTERS) if (read.flag(`filters.${name}`, false) === 'Y') params[param] = 'Y';
		return params;
	},
	paging: recentPaging,
});

export const getRecentEntry = singleCall({
	value: 'getRecentEntry',
	name: 'Get Recent Entry',
	action: 'Get the recent-list entry of a dialog',
	description: 'Get a dialog\'s entry in the credential\'s user\'s recent list: last message, unread counter, pin and unread marks',
	method: 'im.recent.get',
	fields: [
		dialogIdField(
			`The dialog whose entry to get: ${DIALOG_HELP}. Bitrix24 lists the dialogs active in the last 30 days; any other comes out as found: false.`,
		),
	],
	toParams: (read) => {
		const dialogId = read.dialogId('dialogId');
		// im.recent.get takes no DIALOG_ID (Bitrix24 ignores it): it travels so that the shape can pick the dialog's
		// entry. The SKIP flags leave the other kind of dialog out of the answer.
		return /^\d/.test(dialogId) ? { DIALOG_ID: dialogId, SKIP_CHAT: 'Y', SKIP_OPENLINES: 'Y' } : { DIALOG_ID: dialogId, SKIP_DIALOG: 'Y' };
	},
	// Not an error when the dialog has no entry, so that an IF node can act on it.
	shape: ({ result }, params) => {
		const dialogId = params.DIALOG_ID as string;
		const entry = (Array.isArray(result) ? (result as IDataObject[]) : []).find((candidate) => isEntryOf(candidate, dialogId));
		return entry ? { found: true, dialogId, ...entry } : { found: false, dialogId };
	},
});
