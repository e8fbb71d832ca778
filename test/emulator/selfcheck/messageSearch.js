'use strict';
/** im.dialog.messages.search: text, dates, order, LAST_ID paging, the im.v2 format. */

module.exports = {
	title: 'Message search: im.dialog.messages.search',
	async run(t) {
		const { assert, expectError } = t;
		const emu = await t.emulator();
		const { call, ok } = t.restClient(emu.webhooks.admin.url);

		await t.check('text (case-insensitive), newest first, im.v2 messages and users', async () => {
			const found = await ok('im.dialog.messages.search', { CHAT_ID: 6, SEARCH_MESSAGE: 'history MESSAGE 11' });
			assert.deepEqual(found.messages.map((m) => m.text), ['History message 119', 'History message 118', 'History message 117',
				'History message 116', 'History message 115', 'History message 114', 'History message 113', 'History message 112',
				'History message 111', 'History message 110', 'History message 11']);
			const [first] = found.messages;
			for (const key of ['id', 'chatId', 'chat_id', 'authorId', 'author_id', 'date', 'text', 'isSystem', 'params', 'unread', 'viewed']) {
				assert.ok(key in first, key);
			}
			assert.ok(found.users.every((u) => 'firstName' in u && !('first_name' in u)));
			assert.deepEqual(Object.keys(found).sort(), ['additionalMessages', 'copilot', 'files', 'messages', 'reactions', 'stickers',
				'tariffRestrictions', 'users', 'usersShort']);
		});
		await t.check('ORDER ASC, LIMIT (at most 200) and LAST_ID: below it for DESC, above it otherwise', async () => {
			const all = emu.messagesOf('chat6').map((m) => m.id);
			const asc = await ok('im.dialog.messages.search', { CHAT_ID: 6, ORDER: { ID: 'ASC' }, LIMIT: 3 });
			assert.deepEqual(asc.messages.map((m) => m.id), all.slice(0, 3));
			const next = await ok('im.dialog.messages.search', { CHAT_ID: 6, ORDER: { ID: 'ASC' }, LIMIT: 3, LAST_ID: all[2] });
			assert.deepEqual(next.messages.map((m) => m.id), all.slice(3, 6));
			const desc = await ok('im.dialog.messages.search', { CHAT_ID: 6, LIMIT: 2, LAST_ID: all[10] });
			assert.deepEqual(desc.messages.map((m) => m.id), [all[9], all[8]]);
			assert.equal((await ok('im.dialog.messages.search', { CHAT_ID: 6 })).messages.length, 50);
			assert.equal((await ok('im.dialog.messages.search', { CHAT_ID: 6, LIMIT: 500 })).messages.length, 120);
		});
		await t.check('DATE_FROM / DATE_TO (inclusive, RFC3339); an unreadable date is a server error', async () => {
			const messages = emu.messagesOf('chat6');
			const from = messages[100].date;
			const to = messages[104].date;
			const found = await ok('im.dialog.messages.search', { CHAT_ID: 6, DATE_FROM: from, DATE_TO: to });
			assert.deepEqual(found.messages.map((m) => m.date).every((d) => d >= from && d <= to), true);
			assert.ok(found.messages.length >= 1);
			expectError(await call('im.dialog.messages.search', { CHAT_ID: 6, DATE_FROM: '2026-03-01' }), 500, 'INTERNAL_SERVER_ERROR');
		});
		await t.check('files of the messages found; errors: CHAT_ID_EMPTY, 403 ACCESS_ERROR', async () => {
			const upload = await ok('im.v2.File.upload', { dialogId: 'chat2', fields: { name: 'q.txt', content: 'cQ==', message: 'Quarterly file' } });
			const found = await ok('im.dialog.messages.search', { CHAT_ID: 2, SEARCH_MESSAGE: 'quarterly' });
			assert.deepEqual(found.messages.map((m) => m.id), [upload.messageId]);
			assert.deepEqual(found.messages[0].params.FILE_ID, [upload.file.id]);
			assert.deepEqual(found.files.map((f) => f.id), [upload.file.id]);
			expectError(await call('im.dialog.messages.search', { SEARCH_MESSAGE: 'x' }), 400, 'CHAT_ID_EMPTY');
			expectError(await call('im.dialog.messages.search', { CHAT_ID: 777 }), 403, 'ACCESS_ERROR');
			expectError(await call('im.dialog.messages.search', { CHAT_ID: 2 }, emu.addWebhook({ userId: 5 }).url), 403, 'ACCESS_ERROR');
		});
	},
};
