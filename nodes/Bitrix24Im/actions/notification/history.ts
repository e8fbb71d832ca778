import type { IDataObject } from 'n8n-workflow';

import { booleanField, collectionField } from '../../../shared/fields';
import { list, singleCall } from '../../../shared/operations';
import type { Bitrix24Success } from '../../../shared/transport';
import { asObject } from '../../../shared/values';

/** Reading notifications: the list, the search through their history, and the notification types. */

const NOTIFY_PAGE = 50;

/** The notifications of an answer of im.notify.get or im.notify.history.search (`[]` for a user who never had one). */
const notificationsOf = ({ result }: Bitrix24Success): IDataObject[] => {
	const notifications = asObject(result).notifications;
	return Array.isArray(notifications) ? (notifications as IDataObject[]) : [];
};

/** Bitrix24 refuses a shorter search text unless a type or a date narrows the search (SEARCH_TEXT_ERROR). */
const MIN_HISTORY_SEARCH = 3;

/**
 * The next page of im.notify.get: after the last notification, in its stage (1: confirmations, 3: the others). Bitrix24
 * fills every page up to LIMIT, so a shorter page is the last; a page cut short by the item's Limit ends the walk anyway.
 */
function nextNotifications(params: IDataObject, records: IDataObject[]): IDataObject | undefined {
	if (records.length < NOTIFY_PAGE) return undefined;
	const last = records[records.length - 1];
	return { ...params, LAST_ID: last.id, LAST_TYPE: Number(last.notify_type) === 1 ? 1 : 3 };
}

export const getMany = list({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get notifications',
	description: 'List the credential\'s user\'s notifications, newest first, one item per notification',
	method: 'im.notify.get',
	fields: [
		booleanField('Convert Text', 'convertText', 'Whether Bitrix24 converts BB-codes in the texts to HTML'),
	],
	toParams: (read) => ({ CONVERT_TEXT: read.flag('convertText', false) }),
	paging: {
		pageSize: { param: 'LIMIT', max: NOTIFY_PAGE },
		records: notificationsOf,
		nextPage: (_answer, params, records) => nextNotifications(params, records),
	},
});

export const searchHistory = list({
	value: 'searchHistory',
	name: 'Search History',
	action: 'Search notification history',
	description: 'Find the credential\'s user\'s notifications by text, type and day, newest first, one item per notification',
	method: 'im.notify.history.search',
	fields: [
		{
			displayName: 'Search Text',
			name: 'searchText',
			type: 'string',
			default: '',
			placeholder: 'invoice',
			description: `Part of the notification text, e.g. invoice: at least ${MIN_HISTORY_SEARCH} characters, unless a Type or Day filter is given`,
		},
		collectionField('Filters', 'filters', 'Add Filter', [
			booleanField('Convert Text', 'convertText', 'Whether Bitrix24 adds each text with BB-codes converted to HTML'),
			{
				displayName: 'Day',
				name: 'date',
				type: 'dateTime',
				default: '',
				description: 'Only the notifications of the 24 hours from this time, e.g. 2026-03-03T00:00:00+00:00 for that day in UTC (a time without a time zone is UTC)',
			},
			{
				displayName: 'Type',
				name: 'type',
				type: 'string',
				default: '',
				placeholder: 'tasks|task_update',
				description: 'A module (tasks) or a module and event (tasks|task_update); Notification → Get Schema lists them',
			},
		]),
	],
	// The docs also list SEARCH_TYPES, SEARCH_AUTHORS and SEARCH_DATE_FROM/TO; the server reads only SEARCH_TEXT,
	// SEARCH_TYPE and SEARCH_DATE (CIMRestService::notifyHistorySearch), so only those are offered.
	toParams: (read) => {
		const text = read.optionalText('searchText');
		const type = read.optionalText('filters.type');
		const date = read.optionalDateTime('filters.date');
		if (type === undefined && date === undefined && (text ?? '').length < MIN_HISTORY_SEARCH) {
			read.invalid('searchText', `it must be at least ${MIN_HISTORY_SEARCH} characters long, unless a Type or Day filter is given`);
		}
		return { SEARCH_TEXT: text, SEARCH_TYPE: type, SEARCH_DATE: date, CONVERT_TEXT: read.flag('filters.convertText', false) };
	},
	paging: {
		pageSize: { param: 'LIMIT', max: NOTIFY_PAGE },
		records: notificationsOf,
		// Newest first, one list for every stage: LAST_ID continues below the last one.
		nextPage: (_answer, params, records) =>
			records.length < NOTIFY_PAGE ? undefined : { ...params, LAST_ID: records[records.length - 1].id },
	},
});

export const getSchema = singleCall({
	value: 'getSchema',
	name: 'Get Schema',
	action: 'Get the notification types',
	description: 'List the portal\'s notification types (module and event), one item per type, e.g. for Search History\'s Type filter',
	method: 'im.notify.schema.get',
	fields: [],
	toParams: () => ({}),
	// Bitrix24 answers {MODULE_ID: {NAME, MODULE_ID, LIST: [{ID: 'module|event', NAME}]}}.
	shape: ({ result }) =>
		Object.values(asObject(result)).flatMap((entry) => {
			const module = asObject(entry);
			const types = (Array.isArray(module.LIST) ? module.LIST : []) as IDataObject[];
			return types.map((type) => ({ id: type.ID, name: type.NAME, moduleId: module.MODULE_ID, moduleName: module.NAME }));
		}),
});
