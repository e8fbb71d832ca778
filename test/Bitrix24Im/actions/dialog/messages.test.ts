import { LINKS_REMOVED } from '../../../../nodes/Bitrix24Im/actions/dialog/messages';
import type { ListOperation } from '../../../../nodes/shared/operations';
import { operationOf } from '../../../helpers/operationRequest';
import { byId as locator, ok, refusalCases, requestCases } from '../../../helpers/operationTables';

const operation = (value: string) => operationOf('dialog', value);

describe('dialog requests', () => {
	requestCases('dialog', '%s calls %s', [
		[
			'getMessages',
			'im.dialog.messages.get',
			{ dialogId: locator('chat6'), direction: 'newestFirst' },
			{ DIALOG_ID: 'chat6', LAST_ID: 0 },
		],
		[
			'getMessages',
			'im.dialog.messages.get',
			{ dialogId: locator('chat6'), direction: 'newestFirst', startAfterMessageId: ' 500 ' },
			{ DIALOG_ID: 'chat6', LAST_ID: 500 },
		],
		[
			'getMessages',
			'im.dialog.messages.get',
			{ dialogId: locator('sg5'), direction: 'oldestFirst', startAfterMessageId: '' },
			{ DIALOG_ID: 'sg5', FIRST_ID: 0 },
		],
		[
			'getMessages',
			'im.dialog.messages.get',
			{ dialogId: locator('7'), direction: 'OLDESTFIRST', startAfterMessageId: 84869 },
			{ DIALOG_ID: '7', FIRST_ID: 84869 },
		],
	]);

	refusalCases('dialog', [
		['getMessages', { dialogId: locator('chat6'), direction: 'newestFirst', startAfterMessageId: '0' }, 'Item 0: Start After Message ID "0" is not valid'],
		['getMessages', { dialogId: locator('chat6'), direction: 'oldestFirst', startAfterMessageId: '1.5' }, 'Item 0: Start After Message ID "1.5" is not valid'],
		['getMessages', { dialogId: locator('chat6'), direction: 'sideways' }, 'Item 0: Direction "sideways" is not valid: it must be one of newestFirst, oldestFirst'],
	]);
});

describe('dialog answers', () => {
	describe('Get Messages pages', () => {
		const paging = (operation('getMessages') as ListOperation).paging;
		const page = (from: number, count: number, step: number) =>
			Array.from({ length: count }, (_, i) => ({ id: from + i * step, text: `m${from + i * step}`, params: [] }));

		it('continues from the oldest message seen (newest first) or the newest seen (oldest first)', () => {
			const newest = page(200, 50, -2);
			const records = paging.records(ok({ chat_id: 6, messages: newest, users: [], files: [] }));
			expect(records).toHaveLength(50);
			expect(paging.nextPage(ok({}), { DIALOG_ID: 'chat6', LAST_ID: 0 }, records)).toEqual({ DIALOG_ID: 'chat6', LAST_ID: 102 });
			const oldest = paging.records(ok({ messages: page(10, 50, 3) }));
			expect(paging.nextPage(ok({}), { DIALOG_ID: 'chat6', FIRST_ID: 7 }, oldest)).toEqual({ DIALOG_ID: 'chat6', FIRST_ID: 157 });
		});

		it('stops after a short page', () => {
			const records = paging.records(ok({ messages: page(10, 49, 1) }));
			expect(paging.nextPage(ok({}), { DIALOG_ID: 'chat6', LAST_ID: 0 }, records)).toBeUndefined();
		});

		it('attaches each message\'s files without their links, and turns PHP\'s empty params [] into {}', () => {
			const file = {
				id: 1001,
				name: 'a.png',
				urlPreview: 'https://x/rest/1/abcdef/download.json?token=t&preview=Y',
				urlShow: 'https://x/rest/1/abcdef/download.json?token=t&show=Y',
				urlDownload: 'https://x/rest/1/abcdef/download.json?token=t',
				viewerAttrs: { viewer: true, src: 'https://x/rest/1/abcdef/download.json?token=t', title: 'a.png' },
			};
			const records = paging.records(
				ok({
					messages: [
						{ id: 3, text: 'pic', params: { FILE_ID: [1001, 999] } },
						{ id: 2, text: 'plain', params: [] },
					],
					files: [file],
				}),
			);
			expect(records).toEqual([
				{
					id: 3,
					text: 'pic',
					params: { FILE_ID: [1001, 999] },
					files: [
						{
							id: 1001,
							name: 'a.png',
							urlPreview: null,
							urlShow: null,
							urlDownload: null,
							viewerAttrs: { viewer: true, src: null, title: 'a.png' },
							linksRemoved: LINKS_REMOVED,
						},
					],
				},
				{ id: 2, text: 'plain', params: {}, files: [] },
			]);
		});

		it('says nothing was removed when a file has no links', () => {
			const records = paging.records(ok({ messages: [{ id: 3, params: { FILE_ID: ['5'] } }], files: [{ id: 5, urlDownload: '' }] }));
			expect(records[0].files).toEqual([{ id: 5, urlDownload: null }]);
		});
	});
});
