import { chatIdField, collectionField } from '../../../shared/fields';
import { list } from '../../../shared/operations';
import type { PagingDescription } from '../../../shared/operations';
import { messageRecords } from '../dialog/messages';

/** Message → Search (im.dialog.messages.search): a chat's messages by text and date, page after page. */

const SEARCH_PAGE = 200;

const ORDER = { newestFirst: 'DESC', oldestFirst: 'ASC' } as const;

/**
 * Each page continues after the last message of the one before: Bitrix24 reads LAST_ID as "older than" in DESC order
 * and "newer than" in ASC order. A short page is the last one.
 */
const searchPaging: PagingDescription = {
	pageSize: { param: 'LIMIT', max: SEARCH_PAGE },
	records: messageRecords,
	nextPage: (_answer, params, records) =>
		records.length < SEARCH_PAGE ? undefined : { ...params, LAST_ID: records[records.length - 1].id },
};

const dateField = (displayName: string, name: string, description: string) => ({
	displayName,
	name,
	type: 'dateTime' as const,
	default: '',
	description: `${description} e.g. 2026-03-01T09:00:00+01:00; a time without a time zone is UTC`,
});

export const search = list({
	value: 'search',
	name: 'Search',
	action: 'Search messages in a chat',
	description: 'Find the messages of a chat by text and date, newest or oldest first, one item per message',
	method: 'im.dialog.messages.search',
	fields: [
		chatIdField('The chat to search; the credential\'s user must be a member: the chat\'s number, e.g. 12 (chat12 also works)'),
		{
			displayName: 'Search Text',
			name: 'searchText',
			type: 'string',
			default: '',
			placeholder: 'invoice',
			description: 'Part of the message text to find, e.g. invoice. Leave empty to list every message (within the dates, if given).',
		},
		{
			displayName: 'Order',
			name: 'direction',
			type: 'options',
			options: [
				{ name: 'Newest First', value: 'newestFirst' },
				{ name: 'Oldest First', value: 'oldestFirst' },
			],
			default: 'newestFirst',
			description: 'The order of the messages found',
		},
		collectionField('Filters', 'filters', 'Add Filter', [
			dateField('Date From', 'dateFrom', 'Only messages sent at or after this time,'),
			dateField('Date To', 'dateTo', 'Only messages sent at or before this time,'),
		]),
	],
	toParams: (read) => {
		const dateFrom = read.optionalDateTime('filters.dateFrom');
		const dateTo = read.optionalDateTime('filters.dateTo');
		if (dateFrom && dateTo && dateTo < dateFrom) read.invalid('filters.dateTo', `it is before Date From (${dateFrom})`, dateTo);
		return {
			CHAT_ID: read.chatId('chatId'),
			// The docs say the text must be longer than 2 characters; the server searches any text (LIKE '%text%').
			SEARCH_MESSAGE: read.optionalText('searchText'),
			DATE_FROM: dateFrom,
			DATE_TO: dateTo,
			// Upper-case: the server compares ORDER[ID] with 'DESC' exactly to pick LAST_ID's direction.
			ORDER: { ID: ORDER[read.choice('direction', ['newestFirst', 'oldestFirst'] as const)] },
		};
	},
	paging: searchPaging,
});
