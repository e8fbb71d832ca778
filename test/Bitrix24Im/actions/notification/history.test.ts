import type { IDataObject } from 'n8n-workflow';

import type { Bitrix24Success } from '../../../../nodes/shared/transport/types';
import { listOf, operationOf, sendingTraits } from '../../../helpers/operationRequest';
import { refusalCases, requestCases, shapeCases } from '../../../helpers/operationTables';

const answer = (result: unknown): Bitrix24Success => ({ result, time: { start: 1 } });

describe('notification requests', () => {
	requestCases('notification', '%s → %s %j', [
		['getMany', 'im.notify.get', { convertText: true }, { CONVERT_TEXT: 'Y' }],
		['searchHistory', 'im.notify.history.search', { searchText: ' invoice ' }, { SEARCH_TEXT: 'invoice', CONVERT_TEXT: 'N' }],
		['searchHistory', 'im.notify.history.search', { searchText: 'in', filters: { type: ' tasks|comment ', convertText: true } },
			{ SEARCH_TEXT: 'in', SEARCH_TYPE: 'tasks|comment', CONVERT_TEXT: 'Y' }],
		['searchHistory', 'im.notify.history.search', { filters: { date: '2026-03-03T00:00:00+01:00' } },
			{ SEARCH_DATE: '2026-03-02T23:00:00+00:00', CONVERT_TEXT: 'N' }],
		['searchHistory', 'im.notify.history.search', { filters: { date: '2026-03-03' } }, { SEARCH_DATE: '2026-03-03T00:00:00+00:00', CONVERT_TEXT: 'N' }],
		['getSchema', 'im.notify.schema.get', {}, {}],
	]);

	refusalCases('notification', [
		['searchHistory', { searchText: 'ab' },
			'Item 0: Search Text "ab" is not valid: it must be at least 3 characters long, unless a Type or Day filter is given'],
		['searchHistory', {}, 'Item 0: Search Text "" is not valid: it must be at least 3 characters long'],
		['searchHistory', { searchText: 'invoice', filters: { date: '2026-02-30' } },
			'Item 0: Day "2026-02-30" is not valid: it must be a date and time, e.g. 2026-03-01T09:00:00+01:00 (without a time zone: UTC)'],
	]);
});

describe('notification answers', () => {
	shapeCases('notification', [
		['getSchema',
			{ tasks: { NAME: 'Tasks', MODULE_ID: 'tasks', LIST: [{ ID: 'tasks|comment', NAME: 'Comments' }, { ID: 'tasks|task_update', NAME: 'Updates' }] },
				im: { NAME: 'Chat', MODULE_ID: 'im', LIST: [] } },
			{},
			[
				{ id: 'tasks|comment', name: 'Comments', moduleId: 'tasks', moduleName: 'Tasks' },
				{ id: 'tasks|task_update', name: 'Updates', moduleId: 'tasks', moduleName: 'Tasks' },
			]],
		['getSchema', [], {}, []],
	]);

	it('pages by the last notification and its stage, and stops after a page shorter than 50', () => {
		const paging = listOf('notification', 'getMany').paging;
		const full = (last: IDataObject) => [...Array.from({ length: 49 }, (_, index) => ({ id: 1000 - index, notify_type: 1 })), last];
		const page = answer({ notifications: full({ id: 7, notify_type: 1 }) });
		expect(paging?.records(page)).toHaveLength(50);
		expect(paging?.records(answer({ notifications: [], users: [] }))).toEqual([]);
		expect(paging?.records(answer({ users: [] }))).toEqual([]);
		expect(paging?.nextPage(page, { CONVERT_TEXT: 'N' }, full({ id: 7, notify_type: 1 }))).toEqual({ CONVERT_TEXT: 'N', LAST_ID: 7, LAST_TYPE: 1 });
		expect(paging?.nextPage(page, { LAST_ID: 7, LAST_TYPE: 1 }, full({ id: 5, notify_type: 2 }))).toEqual({ LAST_ID: 5, LAST_TYPE: 3 });
		expect(paging?.nextPage(page, { LAST_ID: 7, LAST_TYPE: 1 }, full({ id: 5, notify_type: 4 }).slice(1))).toBeUndefined();
		expect(paging?.pageSize).toEqual({ param: 'LIMIT', max: 50 });
	});

	it('searches the history page after page below the last notification, in every stage', () => {
		const paging = listOf('notification', 'searchHistory').paging;
		const page = Array.from({ length: 50 }, (_, index) => ({ id: 900 - index, notify_type: index % 2 ? 1 : 4 }));
		expect(paging.records(answer({ chat_id: 0, notifications: page, users: [], total_results: 60 }))).toBe(page);
		expect(paging.records(answer([]))).toEqual([]);
		expect(paging.nextPage(answer({}), { SEARCH_TEXT: 'x' }, page)).toEqual({ SEARCH_TEXT: 'x', LAST_ID: 851 });
		expect(paging.nextPage(answer({}), { SEARCH_TEXT: 'x' }, page.slice(1))).toBeUndefined();
		expect(paging.pageSize).toEqual({ param: 'LIMIT', max: 50 });
	});

	it.each([
		['getMany', true, false],
		['searchHistory', true, false],
		['getSchema', true, true],
	])('%s: retry-safe %p, batchable %p', (operation, retrySafe, batchable) => {
		expect(sendingTraits(operationOf('notification', operation))).toEqual({ retrySafe, batchable });
	});
});
