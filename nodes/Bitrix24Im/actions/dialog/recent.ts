import type { IDataObject } from 'n8n-workflow';

import { booleanField, collectionField, DIALOG_HELP, dialogIdField } from '../../../shared/fields';
import { list, singleCall, succeededWithId } from '../../../shared/operations';
import type { PagingDescription } from '../../../shared/operations';
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

export const setUnreadMark = singleCall({
	value: 'setUnreadMark',
	name: 'Set Unread Mark',
	action: 'Set or remove the unread mark of a dialog',
	description: 'Set the manual "unread" mark of a dialog in the recent list, or remove it (which also marks the dialog read)',
	method: 'im.recent.unread',
	fields: [
		dialogIdField(`The dialog to mark: ${DIALOG_HELP}`),
		booleanField('Unread', 'unread', 'Whether to set the mark (on) or remove it and mark the dialog read (off)', true),
	],
	toParams: (read) => ({ DIALOG_ID: read.dialogId('dialogId'), ACTION: read.flag('unread', true) }),
	shape: confirmed((params) => ({ unread: params.ACTION === 'Y' })),
});

export const pin = singleCall({
	value: 'pin',
	name: 'Pin',
	action: 'Pin a dialog',
	description: 'Pin a dialog to the top of the credential\'s user\'s recent list',
	method: 'im.recent.pin',
	fields: [dialogIdField(`The dialog to pin: ${DIALOG_HELP}`)],
	toParams: (read) => ({ DIALOG_ID: read.dialogId('dialogId'), PIN: 'Y' }),
	shape: confirmed(() => ({ pinned: true })),
});

export const unpin = singleCall({
	value: 'unpin',
	name: 'Unpin',
	action: 'Unpin a dialog',
	description: 'Unpin a dialog in the credential\'s user\'s recent list',
	method: 'im.recent.pin',
	fields: [dialogIdField(`The dialog to unpin: ${DIALOG_HELP}`)],
	toParams: (read) => ({ DIALOG_ID: read.dialogId('dialogId'), PIN: 'N' }),
	shape: confirmed(() => ({ pinned: false })),
});

export const hide = singleCall({
	value: 'hide',
	name: 'Hide',
	action: 'Hide a dialog from the recent list',
	description: 'Remove a dialog from the credential\'s user\'s recent list; it comes back with the next message',
	method: 'im.recent.hide',
	fields: [dialogIdField(`The dialog to hide: ${DIALOG_HELP}`)],
	toParams: (read) => ({ DIALOG_ID: read.dialogId('dialogId') }),
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
