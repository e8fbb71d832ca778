import { LINKS_REMOVED } from '../../../../nodes/Bitrix24Im/actions/dialog/messages';
import { listOf, sendingTraits } from '../../../helpers/operationRequest';
import { byId, ok, refusalCases, requestCases } from '../../../helpers/operationTables';

describe('message search requests', () => {
	requestCases('message', '%s → %s %j', [
		['search', 'im.dialog.messages.search', { chatId: byId('chat006'), searchText: ' invoice ' },
			{ CHAT_ID: 6, SEARCH_MESSAGE: 'invoice', ORDER: { ID: 'DESC' } }],
		['search', 'im.dialog.messages.search',
			{ chatId: byId('12'), direction: 'oldestFirst', filters: { dateFrom: '2026-03-01', dateTo: '2026-03-01T18:30:00+02:00' } },
			{ CHAT_ID: 12, DATE_FROM: '2026-03-01T00:00:00+00:00', DATE_TO: '2026-03-01T16:30:00+00:00', ORDER: { ID: 'ASC' } }],
		['search', 'im.dialog.messages.search', { chatId: '7', searchText: 'x', filters: { dateFrom: '2026-03-01T10:00:00Z', dateTo: '2026-03-01T10:00:00Z' } },
			{ CHAT_ID: 7, SEARCH_MESSAGE: 'x', DATE_FROM: '2026-03-01T10:00:00+00:00', DATE_TO: '2026-03-01T10:00:00+00:00', ORDER: { ID: 'DESC' } }],
	]);

	refusalCases('message', [
		['search', { chatId: byId('sg5') }, 'Item 0: Chat ID "sg5" is not valid: use the chat\'s number, e.g. 12 (or chat12)'],
		['search', { chatId: byId('6'), filters: { dateFrom: '2026-03-02', dateTo: '2026-03-01' } },
			'Item 0: Date To "2026-03-01T00:00:00+00:00" is not valid: it is before Date From (2026-03-02T00:00:00+00:00)'],
		['search', { chatId: byId('6'), filters: { dateFrom: 'last week' } }, 'Item 0: Date From "last week" is not valid: it must be a date and time'],
		['search', { chatId: byId('6'), direction: 'sideways' }, 'Item 0: Order "sideways" is not valid: it must be one of newestFirst, oldestFirst'],
	]);
});

describe('message search answers', () => {
	const paging = listOf('message', 'search').paging;
	const page = (count: number, first = 1000) => Array.from({ length: count }, (_, index) => ({ id: first - index, params: [] }));

	it('outputs the messages with their files attached, without the files\' signed links', () => {
		const answer = ok({
			users: [],
			files: [{ id: 9, name: 'a.pdf', urlDownload: 'https://x/rest/1/secret1/download.json?token=t', urlShow: '', urlPreview: '' }],
			messages: [{ id: 5, text: 'See the file', params: { FILE_ID: [9] } }, { id: 4, text: 'Hi', params: [] }],
		});
		expect(paging.records(answer)).toEqual([
			{ id: 5, text: 'See the file', params: { FILE_ID: [9] },
				files: [{ id: 9, name: 'a.pdf', urlDownload: null, urlShow: null, urlPreview: null, linksRemoved: LINKS_REMOVED }] },
			{ id: 4, text: 'Hi', params: {}, files: [] },
		]);
		expect(paging.records(ok([]))).toEqual([]);
	});

	it('continues after the last message of a full page of 200, in the order asked for; a short page is the last', () => {
		expect(paging.pageSize).toEqual({ param: 'LIMIT', max: 200 });
		const params = { CHAT_ID: 6, ORDER: { ID: 'ASC' } };
		expect(paging.nextPage(ok({}), params, page(200))).toEqual({ ...params, LAST_ID: 801 });
		expect(paging.nextPage(ok({}), { ...params, LAST_ID: 801 }, page(200, 600))).toEqual({ ...params, LAST_ID: 401 });
		expect(paging.nextPage(ok({}), params, page(199))).toBeUndefined();
	});

	it('is a read: safe to repeat, never batched', () => {
		expect(sendingTraits(listOf('message', 'search'))).toEqual({ retrySafe: true, batchable: false });
	});
});
