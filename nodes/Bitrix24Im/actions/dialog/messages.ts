import type { IDataObject } from 'n8n-workflow';

import { DIALOG_HELP, dialogIdField, messageIdField } from '../../../shared/fields';
import { list } from '../../../shared/operations';
import type { PagingDescription } from '../../../shared/operations';
import type { Bitrix24Success } from '../../../shared/transport';
import { asObject } from '../../../shared/values';

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

/**
 * One record per message, its files (from the answer's `files`, by the message's FILE_ID) attached to it without their
 * links; also for the message search, whose answer has the same `messages` and `files`.
 */
export function messageRecords(answer: Bitrix24Success): IDataObject[] {
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

export const getMessages = list({
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
});
