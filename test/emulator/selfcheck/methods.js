'use strict';
/** The other im.* families: messages, chats, recent, notifications, users, search, dialog data. */
module.exports = {
	title: 'Other im.* methods',
	async run(t) {
		const { assert, http, expectError, expectOk } = t;
		const emu = await t.emulator();
		const w = emu.webhooks.admin.url;
		const w2 = emu.webhooks.user2.url;
		const call = (m, json = {}, url = w) => http(`${url}${m}`, { json });
		const ok = async (m, json, url) => expectOk(await call(m, json, url));

		await t.check('im.message.add: id; MESSAGE_EMPTY; wrong type; USER_ID_EMPTY; ACCESS_ERROR', async () => {
			const id = await ok('im.message.add', { DIALOG_ID: 'chat2', MESSAGE: ' hello ' });
			assert.equal(emu.state.messages[id].text, 'hello');
			expectError(await call('im.message.add', { DIALOG_ID: 'chat2', MESSAGE: '  ' }), 400, 'MESSAGE_EMPTY');
			expectError(await call('im.message.add', { DIALOG_ID: 'chat2', MESSAGE: 5 }), 400, 'MESSAGE_EMPTY');
			expectError(await call('im.message.add', { MESSAGE: 'x' }), 400, 'USER_ID_EMPTY');
			expectError(await call('im.message.add', { DIALOG_ID: '99', MESSAGE: 'x' }), 400, 'USER_NOT_FOUND');
			const secret = await ok('im.chat.add', { USERS: [3] });
			expectError(await call('im.message.add', { DIALOG_ID: `chat${secret}`, MESSAGE: 'x' }, w2), 403, 'ACCESS_ERROR');
			assert.ok((await ok('im.message.add', { USER_ID: 4, MESSAGE: 'new dialog' })) > id);
		});
		await t.check('im.message.update / delete / like', async () => {
			const id = await ok('im.message.add', { DIALOG_ID: 'chat1', MESSAGE: 'draft' });
			assert.equal(await ok('im.message.update', { MESSAGE_ID: id, MESSAGE: 'final' }), true);
			assert.equal(emu.state.messages[id].params.IS_EDITED, 'Y');
			expectError(await call('im.message.update', { MESSAGE_ID: id, MESSAGE: 'hack' }, w2), 403, 'CANT_EDIT_MESSAGE');
			expectError(await call('im.message.update', { MESSAGE: 'x' }), 400, 'MESSAGE_ID_ERROR');
			assert.equal(await ok('im.message.like', { MESSAGE_ID: id }, w2), true);
			expectError(await call('im.message.like', { MESSAGE_ID: id, ACTION: 'plus' }, w2), 400, 'WITHOUT_CHANGES');
			assert.equal(await ok('im.message.update', { MESSAGE_ID: id, MESSAGE: '' }), true);
			assert.equal(emu.state.messages[id].deleted, true);
			const id2 = await ok('im.message.add', { DIALOG_ID: 'chat1', MESSAGE: 'bye' });
			assert.equal(await ok('im.message.delete', { ID: id2 }), true);
			expectError(await call('im.message.delete', { MESSAGE_ID: id2 }), 403, 'CANT_EDIT_MESSAGE');
		});
		await t.check('im.dialog.get / messages.get / users.list / writing', async () => {
			const d = await ok('im.dialog.get', { DIALOG_ID: 'sg5' });
			assert.equal(d.entity_type, 'SONET_GROUP');
			assert.equal(d.dialog_id, 'chat3');
			expectError(await call('im.dialog.get', { DIALOG_ID: 'chat777' }), 400, 'ACCESS_ERROR');
			expectError(await call('im.dialog.get', { DIALOG_ID: 'sg5' }, emu.addWebhook({ userId: 5 }).url), 403, 'ACCESS_ERROR');
			expectError(await call('im.dialog.get', {}), 400, 'DIALOG_ID_EMPTY');
			const ids = emu.messagesOf('3').map((m) => m.id);
			const newest = await ok('im.dialog.messages.get', { DIALOG_ID: 3, LIMIT: 3 });
			assert.deepEqual(newest.messages.map((m) => m.id), ids.slice(-3).reverse());
			const older = await ok('im.dialog.messages.get', { DIALOG_ID: 3, LAST_ID: ids[5], LIMIT: 2 });
			assert.deepEqual(older.messages.map((m) => m.id), [ids[4], ids[3]]);
			const newer = await ok('im.dialog.messages.get', { CHAT_ID: newest.chat_id, FIRST_ID: ids[7] });
			assert.deepEqual(newer.messages.map((m) => m.id), [ids[8], ids[9]]);
			assert.equal((await ok('im.dialog.messages.get', { DIALOG_ID: 3, LIMIT: 500 })).messages.length, 10);
			expectError(await call('im.dialog.messages.get', { DIALOG_ID: 3, LAST_ID: 'x' }), 400, 'LAST_ID_STRING');
			const r = await call('im.dialog.users.list', { DIALOG_ID: 'chat1', LIMIT: 2 });
			assert.deepEqual(expectOk(r).map((u) => u.id), [1, 2]);
			assert.equal(r.body.next, 2);
			assert.equal(r.body.total, 5);
			assert.equal(await ok('im.dialog.writing', { DIALOG_ID: 'chat1' }), true);
		});
		await t.check('im.chat.add / get / updateTitle / updateColor / setOwner / user.* / leave', async () => {
			const id = await ok('im.chat.add', { TITLE: 'Ops', USERS: [2, 3], COLOR: 'RED', ENTITY_TYPE: 'CRM', ENTITY_ID: 'DEAL|7', MESSAGE: 'hi' });
			assert.deepEqual(await ok('im.chat.get', { ENTITY_TYPE: 'CRM', ENTITY_ID: 'DEAL|7' }), { ID: id });
			assert.equal(await ok('im.chat.get', { ENTITY_TYPE: 'CRM', ENTITY_ID: 'none' }), null);
			expectError(await call('im.chat.add', { USERS: 'abc' }), 400, 'INVALID_FORMAT');
			assert.equal(await ok('im.chat.updateTitle', { CHAT_ID: id, TITLE: 'Ops 2' }), true);
			assert.equal(emu.state.chats[id].title, 'Ops 2');
			expectError(await call('im.chat.updateTitle', { CHAT_ID: `chat${id}`, TITLE: 'x' }), 400, 'CHAT_ID_EMPTY');
			expectError(await call('im.chat.updateTitle', { DIALOG_ID: '2', TITLE: 'x' }), 400, 'DIALOG_ID_EMPTY');
			expectError(await call('im.chat.updateTitle', { DIALOG_ID: `chat${id}`, TITLE: '' }), 400, 'TITLE_EMPTY');
			expectError(await call('im.chat.updateColor', { CHAT_ID: id, COLOR: 'RED' }), 400, 'WRONG_REQUEST');
			expectError(await call('im.chat.updateColor', { CHAT_ID: id, COLOR: 'NEON' }), 400, 'WRONG_COLOR');
			assert.equal(await ok('im.chat.updateColor', { CHAT_ID: id, COLOR: 'lime' }), true);
			assert.equal(await ok('im.chat.user.add', { CHAT_ID: id, USERS: [4] }), true);
			assert.deepEqual(await ok('im.chat.user.list', { CHAT_ID: id }), [1, 2, 3, 4]);
			expectError(await call('im.chat.setOwner', { CHAT_ID: id, USER_ID: 2 }, w2), 400, 'WRONG_REQUEST');
			assert.equal(await ok('im.chat.setOwner', { CHAT_ID: id, USER_ID: 2 }), true);
			expectError(await call('im.chat.user.delete', { CHAT_ID: id, USER_ID: 3 }), 403, 'ACCESS_DENIED_KICK');
			assert.equal(await ok('im.chat.user.delete', { CHAT_ID: id, USER_ID: 3 }, w2), true);
			assert.equal(await ok('im.chat.leave', { CHAT_ID: id }), true);
			assert.deepEqual(emu.state.chats[id].users, [2, 4]);
			expectError(await call('im.chat.user.list', { CHAT_ID: id }), 403, 'ACCESS_ERROR');
		});
		await t.check('im.recent.list paging (OFFSET/LIMIT, hasMore, next, total -1), pin, hide, unread', async () => {
			const first = await call('im.recent.list', { LIMIT: 2 });
			const r = expectOk(first);
			assert.equal(r.items.length, 2);
			assert.equal(r.hasMore, true);
			assert.equal(first.body.next, 2);
			assert.equal(first.body.total, -1);
			const all = (await ok('im.recent.list', {})).items;
			assert.equal(await ok('im.recent.pin', { DIALOG_ID: 'chat2', PIN: 'Y' }), true);
			assert.equal((await ok('im.recent.list', {})).items[0].id, 'chat2');
			assert.equal(await ok('im.recent.hide', { DIALOG_ID: 'chat2' }), true);
			assert.equal((await ok('im.recent.list', {})).items.length, all.length - 1);
			assert.equal(await ok('im.recent.unread', { DIALOG_ID: 'chat1', ACTION: 'Y' }), true);
			assert.deepEqual((await ok('im.counters.get')).CHAT_UNREAD, [1]);
			assert.equal(await ok('im.recent.unread', { DIALOG_ID: 'chat1', ACTION: 'N' }), true);
			assert.equal(emu.readState(1, 'chat1').unreadCount, 0);
			expectError(await call('im.recent.unread', { DIALOG_ID: 'x' }), 400, 'DIALOG_ID_EMPTY');
		});
		await t.check('im.notify.*: add, get, read, delete; counters NOTIFY', async () => {
			const id = await ok('im.notify.personal.add', { USER_ID: 2, MESSAGE: 'Look!' });
			const sys = await ok('im.notify.system.add', { USER_ID: 2, MESSAGE: 'System says' });
			expectError(await call('im.notify.personal.add', { USER_ID: 2 }), 400, 'MESSAGE_EMPTY');
			expectError(await call('im.notify.system.add', { MESSAGE: 'x' }), 400, 'USER_ID_EMPTY');
			const list = await ok('im.notify.get', {}, w2);
			assert.deepEqual(list.notifications.map((n) => n.id), [sys, id]);
			assert.equal(list.total_unread_count, 2);
			assert.equal((await ok('im.counters.get', {}, w2)).TYPE.NOTIFY, 2);
			expectError(await call('im.notify.get', { LAST_ID: 5 }, w2), 400, 'LAST_ID_AND_LAST_TYPE');
			assert.equal(await ok('im.notify.read', { ID: sys, ONLY_CURRENT: 'Y' }, w2), true);
			assert.equal((await ok('im.counters.get', {}, w2)).TYPE.NOTIFY, 1);
			assert.deepEqual(await ok('im.notify.read.all', {}, w2), { result: true, newCounter: 0 });
			assert.equal(await ok('im.notify.delete', { ID: id }), true);
			expectError(await call('im.notify.delete', {}), 400, 'PARAMS_ERROR');
			assert.equal((await ok('im.notify.get', {}, w2)).total_count, 1);
		});
		await t.check('im.user.get / list.get / status.get / status.set', async () => {
			assert.equal((await ok('im.user.get')).name, 'Alice Admin');
			assert.equal((await ok('im.user.get', { ID: 3 })).first_name, 'Carol');
			expectError(await call('im.user.get', { ID: 99 }), 400, 'USER_NOT_EXISTS');
			const map = await ok('im.user.list.get', { ID: [2, 99] });
			assert.equal(map[2].id, 2);
			assert.equal(map[99], null);
			assert.equal((await ok('im.user.list.get', { ID: '[1,2]', RESULT_TYPE: 'array' })).length, 2);
			expectError(await call('im.user.list.get', { ID: 5 }), 400, 'INVALID_FORMAT');
			assert.equal(await ok('im.user.status.set', { STATUS: 'dnd' }), true);
			assert.equal(await ok('im.user.status.get'), 'dnd');
			expectError(await call('im.user.status.set', { STATUS: 'sleeping' }), 400, 'STATUS_ERROR');
		});
		await t.check('im.search.user.list / chat.list with FIND_SHORT and paging', async () => {
			const r = await call('im.search.user.list', { FIND: 'a', LIMIT: 1 });
			expectError(r, 400, 'FIND_SHORT');
			const found = await call('im.search.user.list', { FIND: 'example.com', LIMIT: 2 });
			assert.deepEqual(Object.keys(expectOk(found)), ['1', '2']);
			assert.equal(found.body.next, 2);
			assert.equal(found.body.total, 5);
			assert.deepEqual(Object.keys(await ok('im.search.chat.list', { FIND: 'apollo' })), ['2']);
			assert.deepEqual(await ok('im.search.chat.list', { FIND: 'zzz' }), []);
		});
	},
};
