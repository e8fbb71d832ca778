'use strict';
/** Every paging scheme of the im.* methods, walked to the end over the seeded data (chat6: 120 messages, user 3: 60 notifications). */
module.exports = {
	title: 'Paging: LAST_ID/FIRST_ID, OFFSET/LIMIT with next/hasMore/total, LAST_ID+LAST_TYPE',
	async run(t) {
		const { assert, expectError, expectOk } = t;
		const emu = await t.emulator();
		const w = emu.webhooks.admin.url;
		const w3 = emu.webhooks.user3.url;
		const { call, ok } = t.restClient(w);

		await t.check('seed: chat6 "Long history" has 120 messages, read by users 1 and 2', async () => {
			assert.equal(emu.messagesOf('chat6').length, 120);
			assert.equal(emu.readState(1, 'chat6').unreadCount, 0);
			assert.equal(emu.readState(2, 'chat6').unreadCount, 0);
		});
		await t.check('im.dialog.messages.get: LAST_ID walk gives 50, 50, 20, then nothing; newest first, no gaps', async () => {
			const all = emu.messagesOf('chat6').map((m) => m.id);
			const sizes = [];
			const seen = [];
			let lastId;
			for (let i = 0; i < 5; i++) {
				const page = await ok('im.dialog.messages.get', Object.assign({ DIALOG_ID: 'chat6', LIMIT: 50 }, lastId ? { LAST_ID: lastId } : {}));
				sizes.push(page.messages.length);
				if (page.messages.length === 0) break;
				seen.push(...page.messages.map((m) => m.id));
				lastId = page.messages.at(-1).id;
			}
			assert.deepEqual(sizes, [50, 50, 20, 0]);
			assert.deepEqual(seen, all.slice().reverse());
		});
		await t.check('im.dialog.messages.get: FIRST_ID walk oldest first; LIMIT capped at 50, default 20', async () => {
			const all = emu.messagesOf('chat6').map((m) => m.id);
			const seen = [];
			let firstId = 0;
			for (;;) {
				const page = await ok('im.dialog.messages.get', { CHAT_ID: 6, FIRST_ID: firstId, LIMIT: 500 });
				assert.ok(page.messages.length <= 50);
				if (page.messages.length === 0) break;
				seen.push(...page.messages.map((m) => m.id));
				firstId = page.messages.at(-1).id;
			}
			assert.deepEqual(seen, all);
			assert.equal((await ok('im.dialog.messages.get', { DIALOG_ID: 'chat6' })).messages.length, 20);
			expectError(await call('im.dialog.messages.get', { DIALOG_ID: 'chat6', FIRST_ID: '1a' }), 400, 'FIRST_ID_STRING');
		});
		await t.check('im.recent.list: OFFSET/LIMIT walk by top-level next while hasMore; total -1; start works too', async () => {
			const full = (await ok('im.recent.list', { LIMIT: 200 })).items.map((i) => i.id);
			assert.ok(full.includes('chat6'));
			const seen = [];
			let offset = 0;
			let pages = 0;
			for (;;) {
				const res = await call('im.recent.list', { OFFSET: offset, LIMIT: 2 });
				const r = expectOk(res);
				pages++;
				seen.push(...r.items.map((i) => i.id));
				assert.equal(res.body.total, -1);
				assert.equal(r.hasMorePages, r.hasMore);
				if (!r.hasMore) {
					assert.equal('next' in res.body, false, 'no next on the last page');
					break;
				}
				assert.equal(res.body.next, offset + r.items.length);
				offset = res.body.next;
			}
			assert.deepEqual(seen, full);
			assert.equal(pages, Math.ceil(full.length / 2));
			assert.deepEqual((await ok('im.recent.list', { LIMIT: 2, start: 2 })).items.map((i) => i.id), full.slice(2, 4));
		});
		await t.check('im.recent.list: LAST_MESSAGE_DATE returns only dialogs whose last message is older', async () => {
			const items = (await ok('im.recent.list', {})).items;
			const cut = items[1].message.date;
			const older = (await ok('im.recent.list', { LAST_MESSAGE_DATE: cut })).items;
			assert.ok(older.length > 0 && older.length < items.length);
			for (const i of older) assert.ok(Date.parse(i.message.date) < Date.parse(cut));
		});
		await t.check('im.dialog.users.list: OFFSET/LIMIT with next/total; LAST_ID without them', async () => {
			const ids = [];
			let offset = 0;
			for (;;) {
				const res = await call('im.dialog.users.list', { DIALOG_ID: 'chat1', OFFSET: offset, LIMIT: 2 });
				ids.push(...expectOk(res).map((u) => u.id));
				assert.equal(res.body.total, 5);
				if (res.body.next === undefined) break;
				offset = res.body.next;
			}
			assert.deepEqual(ids, [1, 2, 3, 4, 5]);
			const byId = await call('im.dialog.users.list', { DIALOG_ID: 'chat1', LAST_ID: 2, LIMIT: 2 });
			assert.deepEqual(expectOk(byId).map((u) => u.id), [3, 4]);
			assert.equal('next' in byId.body || 'total' in byId.body, false);
		});
		await t.check('im.notify.get: LAST_ID + LAST_TYPE walk over user 3\'s 60 notifications: 50, 10, 0', async () => {
			const first = await ok('im.notify.get', {}, w3);
			assert.equal(first.total_count, 60);
			assert.equal(first.total_unread_count, 5);
			assert.equal(first.notifications.length, 50);
			const ids = first.notifications.map((n) => n.id);
			assert.deepEqual(ids, ids.slice().sort((a, b) => b - a), 'newest first');
			const second = await ok('im.notify.get', { LAST_ID: ids.at(-1), LAST_TYPE: 3 }, w3);
			assert.equal(second.notifications.length, 10);
			assert.ok(second.notifications.every((n) => n.id < ids.at(-1)));
			const third = await ok('im.notify.get', { LAST_ID: second.notifications.at(-1).id, LAST_TYPE: 3 }, w3);
			assert.equal(third.notifications.length, 0);
			assert.equal((await ok('im.notify.get', { LIMIT: 100 }, w3)).notifications.length, 50);
			assert.equal((await ok('im.notify.get', { LIMIT: 7 }, w3)).notifications.length, 7);
			expectError(await call('im.notify.get', { LAST_TYPE: 3 }, w3), 400, 'LAST_ID_AND_LAST_TYPE');
			expectError(await call('im.notify.get', { LAST_ID: 'abc', LAST_TYPE: 3 }, w3), 400, 'LAST_ID_STRING');
			assert.equal((await ok('im.counters.get', {}, w3)).TYPE.NOTIFY, 5);
		});
		await t.check('im.search.user.list / chat.list: OFFSET/LIMIT (default 10, max 50) with next/total', async () => {
			const ids = [];
			let offset = 0;
			for (;;) {
				const res = await call('im.search.user.list', { FIND: 'example.com', OFFSET: offset, LIMIT: 2 });
				ids.push(...Object.keys(expectOk(res)).map(Number));
				assert.equal(res.body.total, 5);
				if (res.body.next === undefined) break;
				assert.equal(res.body.next, offset + 2);
				offset = res.body.next;
			}
			assert.deepEqual(ids, [1, 2, 3, 4, 5]);
			for (let i = 0; i < 12; i++) await ok('im.chat.add', { TITLE: `Paging room ${i}`, USERS: [2] });
			const def = await call('im.search.chat.list', { FIND: 'paging room' });
			assert.equal(Object.keys(expectOk(def)).length, 10);
			assert.equal(def.body.next, 10);
			assert.equal(def.body.total, 12);
			const rest = await call('im.search.chat.list', { FIND: 'paging room', OFFSET: 10 });
			const oldest = Object.values(expectOk(rest)).map((c) => c.name).sort();
			assert.deepEqual(oldest, ['Paging room 0', 'Paging room 1'], 'newest first, so the last page has the oldest');
			assert.equal(rest.body.next, undefined);
			assert.equal(Object.keys(await ok('im.search.chat.list', { FIND: 'paging room', LIMIT: 500 })).length, 12);
			assert.equal(Object.keys(await ok('im.search.user.list', { FIND: 'bot' })).length, 1, 'the seed bot is found by name');
		});
	},
};
