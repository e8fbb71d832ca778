import type { IDataObject } from 'n8n-workflow';

import type { Bitrix24Success } from '../../transport/types';
import { booleanField, collectionField, DIALOG_HELP, dialogIdField, messageIdField } from '../fields';
import { offsetPaging } from '../paging';
import { asObject, succeededWithId } from '../shapes';
import type { PagingDescription, ResourceDescription } from '../types';

/** The file fields of im.dialog.messages.get that hold links; Bitrix24 signs them with the caller's credential. */
const FILE_LINKS = ['urlPreview', 'urlShow', 'urlDownload'];
export const LINKS_REMOVED =
	'Download links removed: Bitrix24 signs them with the credential\'s secret. The file ID identifies the file in Bitrix24 Drive.';

/** A file of a message without its credential-signed links, saying that they were removed. */
function withoutLinks(file: IDataObject): IDataObject {
	const copy: IDataObject = { ...file };
	let removed = false;
	for (const key of FILE_LINKS) {
		if (typeof copy[key] === 'string' && copy[key] !== '') removed = true;
		if (key in copy) copy[key] = null;
	}
	const viewer = asObject(copy.viewerAttrs);
	if ('src' in viewer) {
		removed = removed || (typeof viewer.src === 'string' && viewer.src !== '');
		copy.viewerAttrs = { ...viewer, src: null };
	}
	if (removed) copy.linksRemoved = LINKS_REMOVED;
	return copy;
}

/** One record per message, its files (from the answer's `files`, by the message's FILE_ID) attached to it. */
function messageRecords(answer: Bitrix24Success): IDataObject[] {
	const result = asObject(answer.result);
	const files = new Map<string, IDataObject>();
	for (const file of (Array.isArray(result.files) ? result.files : []) as IDataObject[]) files.set(String(file.id), file);
	return ((Array.isArray(result.messages) ? result.messages : []) as IDataObject[]).map((message) => {
		// PHP sends an empty params map as [].
		const params = asObject(message.params);
		const fileIds = Array.isArray(params.FILE_ID) ? params.FILE_ID : [];
		const attached = fileIds
			.map((id) => files.get(String(id)))
			.filter((file): file is IDataObject => file !== undefined)
			.map(withoutLinks);
		return { ...message, params, files: attached };
	});
}

const MESSAGE_PAGE = 50;

/**
 * im.dialog.messages.get has no offset: each page continues from the oldest message seen (LAST_ID, newest first) or
 * the newest one seen (FIRST_ID, oldest first). A short page is the last one.
 */
const messagePaging: PagingDescription = {
	pageSize: { param: 'LIMIT', max: MESSAGE_PAGE },
	records: messageRecords,
	nextPage: (_answer, params, records) => {
		if (records.length < MESSAGE_PAGE) return undefined;
		const ids = records.map((record) => Number(record.id));
		return 'FIRST_ID' in params ? { ...params, FIRST_ID: Math.max(...ids) } : { ...params, LAST_ID: Math.min(...ids) };
	},
};

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

export const dialog: ResourceDescription = {
	value: 'dialog',
	name: 'Dialog',
	operations: [
		{
			value: 'markUnread',
			name: 'Mark Unread',
			action: 'Mark dialog messages as unread',
			description: 'Mark a message and every later message of a dialog as unread for the credential\'s user',
			method: 'im.dialog.unread',
			fields: [
				dialogIdField(`The dialog to mark: ${DIALOG_HELP}`),
				messageIdField(
					'Message ID',
					'The first message to become unread: it and every later message of the dialog are marked unread. A whole number greater than 0.',
				),
			],
			toParams: (read) => ({ DIALOG_ID: read.dialogId('dialogId'), MESSAGE_ID: read.positiveInteger('messageId') }),
			batchable: true,
			retrySafe: true,
		},
		{
			value: 'markRead',
			name: 'Mark Read',
			action: 'Mark dialog messages as read',
			description: 'Mark the messages of a dialog as read for the credential\'s user, all of them or up to a message',
			method: 'im.dialog.read',
			fields: [
				dialogIdField(`The dialog to mark: ${DIALOG_HELP}`),
				{
					...messageIdField(
						'Up To Message ID',
						'The last message to mark read; it and every earlier message become read. Leave empty to mark the whole dialog read.',
					),
					required: false,
				},
			],
			toParams: (read) => ({
				DIALOG_ID: read.dialogId('dialogId'),
				MESSAGE_ID: read.optionalPositiveInteger('messageId'),
			}),
			check: ({ result }) =>
				result === false
					? { kind: 'api', code: 'ACCESS_ERROR', description: 'the user has no access to this dialog' }
					: undefined,
			batchable: true,
			retrySafe: true,
		},
		{
			value: 'markAllRead',
			name: 'Mark All Read',
			action: 'Mark all dialogs as read',
			description: 'Mark every dialog and notification of the credential\'s user as read',
			method: 'im.dialog.read.all',
			fields: [],
			toParams: () => ({}),
			batchable: true,
			retrySafe: true,
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a dialog',
			description: 'Get a dialog\'s data: title, owner, type, members count, unread counter, last message ID and more',
			method: 'im.dialog.get',
			fields: [dialogIdField(`The dialog to read: ${DIALOG_HELP}`)],
			toParams: (read) => ({ DIALOG_ID: read.dialogId('dialogId') }),
			shape: ({ result }) => asObject(result),
			batchable: true,
			retrySafe: true,
		},
		{
			value: 'getMessages',
			name: 'Get Messages',
			action: 'Get messages of a dialog',
			description: 'List the messages of a dialog, one item per message, newest first or oldest first',
			method: 'im.dialog.messages.get',
			fields: [
				dialogIdField(`The dialog to read; the credential's user must be a member: ${DIALOG_HELP}`),
				{
					displayName: 'Direction',
					name: 'direction',
					type: 'options',
					options: [
						{ name: 'Newest First', value: 'newestFirst', description: 'Start at the newest message and go back in time' },
						{ name: 'Oldest First', value: 'oldestFirst', description: 'Start at the oldest message and go forward in time' },
					],
					default: 'newestFirst',
					description: 'The order of the messages, and the way the list is read',
				},
				{
					...messageIdField(
						'Start After Message ID',
						'Continue from this message, leaving it out: Newest First lists the messages older than it, Oldest First the messages newer than it. Leave empty to start at the newest (or oldest) message. A whole number greater than 0, e.g. 84869.',
					),
					name: 'startAfterMessageId',
					required: false,
				},
			],
			toParams: (read) => {
				const direction = read.choice('direction', ['newestFirst', 'oldestFirst'] as const);
				const after = read.optionalPositiveInteger('startAfterMessageId') ?? 0;
				// An explicit LAST_ID=0 keeps Bitrix24 from starting at the first unread message instead of the newest.
				return {
					DIALOG_ID: read.dialogId('dialogId'),
					...(direction === 'oldestFirst' ? { FIRST_ID: after } : { LAST_ID: after }),
				};
			},
			paging: messagePaging,
			batchable: false,
			retrySafe: true,
		},
		{
			value: 'getMembers',
			name: 'Get Members',
			action: 'Get members of a dialog',
			description: 'List the members of a dialog, one item per user',
			method: 'im.dialog.users.list',
			fields: [
				dialogIdField(`The dialog whose members to list: ${DIALOG_HELP}`),
				collectionField('Filters', 'filters', 'Add Filter', [
					{
						displayName: 'Keep External Types',
						name: 'skipExternalExceptTypes',
						type: 'string',
						default: '',
						placeholder: 'bot,email',
						description: 'With Skip External Users on: external user types to keep anyway, separated by commas, e.g. bot,email',
					},
					booleanField('Skip External Users', 'skipExternal', 'Whether to leave out bots, e-mail and open-line users (external users)'),
				]),
			],
			toParams: (read) => ({
				DIALOG_ID: read.dialogId('dialogId'),
				SKIP_EXTERNAL: read.flag('filters.skipExternal', false),
				SKIP_EXTERNAL_EXCEPT_TYPES: read.optionalText('filters.skipExternalExceptTypes'),
				OFFSET: 0,
			}),
			paging: offsetPaging(200, ({ result }) => (Array.isArray(result) ? (result as IDataObject[]) : [])),
			batchable: false,
			retrySafe: true,
		},
		{
			value: 'sendTyping',
			name: 'Send Typing',
			action: 'Send a typing indicator to a dialog',
			description: 'Show the other members that the credential\'s user is typing (for a few seconds)',
			method: 'im.dialog.writing',
			fields: [dialogIdField(`Where to show the typing indicator: ${DIALOG_HELP}`)],
			toParams: (read) => ({ DIALOG_ID: read.dialogId('dialogId') }),
			shape: confirmed(),
			batchable: true,
			retrySafe: true,
		},
		{
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
			batchable: true,
			retrySafe: true,
		},
		{
			value: 'pin',
			name: 'Pin',
			action: 'Pin a dialog',
			description: 'Pin a dialog to the top of the credential\'s user\'s recent list',
			method: 'im.recent.pin',
			fields: [dialogIdField(`The dialog to pin: ${DIALOG_HELP}`)],
			toParams: (read) => ({ DIALOG_ID: read.dialogId('dialogId'), PIN: 'Y' }),
			shape: confirmed(() => ({ pinned: true })),
			batchable: true,
			retrySafe: true,
		},
		{
			value: 'unpin',
			name: 'Unpin',
			action: 'Unpin a dialog',
			description: 'Unpin a dialog in the credential\'s user\'s recent list',
			method: 'im.recent.pin',
			fields: [dialogIdField(`The dialog to unpin: ${DIALOG_HELP}`)],
			toParams: (read) => ({ DIALOG_ID: read.dialogId('dialogId'), PIN: 'N' }),
			shape: confirmed(() => ({ pinned: false })),
			batchable: true,
			retrySafe: true,
		},
		{
			value: 'hide',
			name: 'Hide',
			action: 'Hide a dialog from the recent list',
			description: 'Remove a dialog from the credential\'s user\'s recent list; it comes back with the next message',
			method: 'im.recent.hide',
			fields: [dialogIdField(`The dialog to hide: ${DIALOG_HELP}`)],
			toParams: (read) => ({ DIALOG_ID: read.dialogId('dialogId') }),
			shape: confirmed(() => ({ hidden: true })),
			batchable: true,
			retrySafe: true,
		},
		{
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
			batchable: false,
			retrySafe: true,
		},
	],
};
