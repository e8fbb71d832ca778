'use strict';
/** im.dialog.unread (validation order, markers, counters) and im.dialog.read. */
module.exports = {
	title: 'im.dialog.unread / im.dialog.read / counters',
	async run(t) {
		const { assert, http, expectError, expectOk } = t;
		const emu = await t.emulator();
		const w = emu.webhooks.admin.url;
		const unread = (json) => http(`${w}im.dialog.unread`, { json });

		await t.check('seed: user 1 has 3 unread in chat1 and 2 in dialog 2; counters agree', async () => {
			assert.equal(emu.readState(1, 'chat1').unreadCount, 3);
			assert.equal(emu.readState(1, '2').unreadCount, 2);
			const c = expectOk(await http(`${w}im.counters.get`, { json: {} }));
			assert.deepEqual(c.CHAT, { 1: 3 });
			assert.deepEqual(c.DIALOG, { 2: 2 });
			assert.deepEqual(c.CHAT_MUTED, []);
			assert.deepEqual(c.LINES, []);
			assert.equal(c.TYPE.ALL, 3 + 2 + 2);
		});
		await t.check('MESSAGE_ID is checked first: no params -> MESSAGE_ID_ERROR', async () => {
			const r = await unread({});
			expectError(r, 400, 'MESSAGE_ID_ERROR');
			assert.equal(r.body.error_description, "First unread message id can't be empty");
		});
		await t.check("MESSAGE_ID 'abc', 0, -5 -> MESSAGE_ID_ERROR even with a bad DIALOG_ID", async () => {
			for (const m of ['abc', 0, -5, '']) expectError(await unread({ DIALOG_ID: 'bad', MESSAGE_ID: m }), 400, 'MESSAGE_ID_ERROR');
		});
		await t.check('bad DIALOG_ID -> DIALOG_ID_EMPTY "Dialog ID can\'t be empty"', async () => {
			for (const d of [undefined, '', 'notify', 'chat', 'chatx1', 'user1', '1 ']) {
				const r = await unread({ DIALOG_ID: d, MESSAGE_ID: 5 });
				expectError(r, 400, 'DIALOG_ID_EMPTY');
				assert.equal(r.body.error_description, "Dialog ID can't be empty");
			}
		});
		await t.check('unread sets the caller\'s markers and counter; numeric-string id', async () => {
			const ids = emu.messagesOf('chat2').map((m) => m.id);
			assert.equal(expectOk(await unread({ DIALOG_ID: 'chat2', MESSAGE_ID: String(ids[6]) })), true);
			const s = emu.readState(1, 'chat2');
			assert.equal(s.firstUnreadMessageId, ids[6]);
			assert.equal(s.lastReadMessageId, ids[5]);
			const own = emu.messagesOf('chat2').slice(6).filter((m) => m.authorId === 1).length;
			assert.equal(s.unreadCount, 4 - own);
			const c = expectOk(await http(`${w}im.counters.get`, { json: {} }));
			assert.equal(c.CHAT[2], s.unreadCount);
			assert.equal(emu.readState(2, 'chat2').firstUnreadMessageId, null, 'other users unaffected');
		});
		await t.check('unread works for private dialogs, sgN and upper-case CHAT', async () => {
			const ids = emu.messagesOf('3').map((m) => m.id);
			expectOk(await unread({ DIALOG_ID: 3, MESSAGE_ID: ids[0] }));
			assert.equal(emu.readState(1, '3').unreadCount, 5);
			const sg = emu.messagesOf('sg5').map((m) => m.id);
			expectOk(await unread({ DIALOG_ID: 'SG5', MESSAGE_ID: sg[8] }));
			assert.equal(emu.readState(1, 'sg5').firstUnreadMessageId, sg[8]);
			expectOk(await unread({ DIALOG_ID: 'CHAT1', MESSAGE_ID: 141 }));
			assert.equal(emu.readState(1, 'chat1').firstUnreadMessageId, 141);
		});
		await t.check('unknown dialogs and crmN still answer true (like the server)', async () => {
			assert.equal(expectOk(await unread({ DIALOG_ID: 'chat999', MESSAGE_ID: 1 })), true);
			assert.equal(expectOk(await unread({ DIALOG_ID: 'crm12', MESSAGE_ID: 1 })), true);
			assert.equal(expectOk(await unread({ DIALOG_ID: '999', MESSAGE_ID: 1 })), true);
		});
		await t.check('im.dialog.read with MESSAGE_ID moves the marker forward and returns the counter', async () => {
			const ids = emu.messagesOf('chat2').map((m) => m.id);
			const r = expectOk(await http(`${w}im.dialog.read`, { json: { DIALOG_ID: 'chat2', MESSAGE_ID: ids[8] } }));
			assert.deepEqual(Object.keys(r).sort(), ['chatId', 'counter', 'dialogId', 'lastId']);
			assert.equal(r.chatId, 2);
			assert.equal(r.lastId, ids[8]);
			assert.equal(r.counter, emu.readState(1, 'chat2').unreadCount);
			assert.equal(emu.readState(1, 'chat2').firstUnreadMessageId, null);
		});
		await t.check('im.dialog.read without MESSAGE_ID reads all; LAST_ID alias', async () => {
			const r = expectOk(await http(`${w}im.dialog.read`, { json: { DIALOG_ID: 'chat1' } }));
			assert.equal(r.counter, 0);
			assert.equal(r.lastId, emu.messagesOf('chat1').at(-1).id);
			const ids = emu.messagesOf('2').map((m) => m.id);
			expectOk(await unread({ DIALOG_ID: '2', MESSAGE_ID: ids[2] }));
			assert.equal(expectOk(await http(`${w}im.dialog.read`, { json: { DIALOG_ID: '2', LAST_ID: ids[9] } })).counter, 0);
		});
		await t.check('im.dialog.read: false for non-members; DIALOG_ID_EMPTY; notify accepted', async () => {
			const chatId = expectOk(await http(`${w}im.chat.add`, { json: { USERS: [3], TITLE: 'Secret' } }));
			const r = await http(`${emu.webhooks.user2.url}im.dialog.read`, { json: { DIALOG_ID: `chat${chatId}` } });
			assert.equal(expectOk(r), false);
			expectError(await http(`${w}im.dialog.read`, { json: { DIALOG_ID: 'x' } }), 400, 'DIALOG_ID_EMPTY');
			assert.equal(expectOk(await http(`${w}im.dialog.read`, { json: { DIALOG_ID: 'notify' } })).dialogId, 'notify');
		});
		await t.check('im.dialog.read.all zeroes every counter', async () => {
			expectOk(await unread({ DIALOG_ID: 'chat1', MESSAGE_ID: 101 }));
			assert.equal(expectOk(await http(`${w}im.dialog.read.all`, { json: {} })), true);
			const c = expectOk(await http(`${w}im.counters.get`, { json: {} }));
			assert.equal(c.TYPE.ALL, 0);
			assert.deepEqual(c.CHAT, []);
			assert.deepEqual(c.DIALOG, []);
		});
		await t.check('a muted chat counts under CHAT_MUTED, not in TYPE.CHAT', async () => {
			expectOk(await http(`${w}im.chat.mute`, { json: { CHAT_ID: 1, MUTE: 'Y' } }));
			expectOk(await unread({ DIALOG_ID: 'chat1', MESSAGE_ID: 131 }));
			const c = expectOk(await http(`${w}im.counters.get`, { json: {} }));
			assert.ok(c.CHAT_MUTED[1] > 0);
			assert.equal(c.TYPE.CHAT, 0);
		});
		await t.check('a new message from someone else is unread for the reader, read for the author', async () => {
			const user2 = emu.webhooks.user2.url;
			expectOk(await http(`${w}im.dialog.read`, { json: { DIALOG_ID: '2' } }));
			const id = expectOk(await http(`${user2}im.message.add`, { json: { DIALOG_ID: 1, MESSAGE: 'ping' } }));
			assert.equal(emu.readState(1, '2').unreadCount, 1);
			assert.equal(emu.readState(2, '1').lastReadMessageId, id);
			assert.equal(emu.messagesOf('2').at(-1).text, 'ping');
		});
		await t.check('im.revision.get shape', async () => {
			const r = expectOk(await http(`${w}im.revision.get`, { json: {} }));
			assert.deepEqual(Object.keys(r).sort(), ['desktop', 'im_revision_mobile', 'mobile', 'rest', 'web']);
		});
	},
};
