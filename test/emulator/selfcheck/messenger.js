'use strict';
/** The methods added for the whole messenger: share, bot command, chat avatar, ATTACH/KEYBOARD/MENU checks, history. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const GIF = 'R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==';
// A minimal JPEG header (SOI, APP0, SOF0 2x3) - enough for the magic bytes and the size.
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01,
	0x00, 0x01, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x03, 0x00, 0x02, 0x01, 0x01, 0x11, 0x00, 0xff, 0xd9])
	.toString('base64');

module.exports = {
	title: 'Messenger additions: share, command, avatar, message params, hidden history',
	PNG, GIF, JPEG,
	async run(t) {
		const { assert, http, expectError, expectOk } = t;
		const emu = await t.emulator();
		const w = emu.webhooks.admin.url;
		const w2 = emu.webhooks.user2.url;
		const { call, ok } = t.restClient(w);

		await t.check('im.message.share: TASK/POST/CALEND/CHAT -> true, a note in the dialog, CHAT opens a new chat', async () => {
			const msgId = emu.messagesOf('chat1')[1].id; // by user 2
			for (const type of ['TASK', 'post', 'CALEND']) {
				assert.equal(await ok('im.message.share', { MESSAGE_ID: msgId, DIALOG_ID: 'chat1', TYPE: type }), true);
			}
			assert.deepEqual(emu.state.shares.map((s) => s.type), ['TASK', 'POST', 'CALEND']);
			const last = emu.messagesOf('chat1').at(-1);
			assert.equal(last.authorId, 1);
			assert.equal(last.params.IS_SHARE, 'CALEND');
			assert.equal(last.params.SHARE_MESSAGE_ID, msgId);
			assert.equal(await ok('im.message.share', { MESSAGE_ID: msgId, DIALOG_ID: 'chat1', TYPE: 'CHAT' }), true);
			const created = emu.state.chats[emu.state.shares.at(-1).entityId];
			assert.deepEqual(created.users, [1, 2]);
			assert.equal(emu.state.messages[created.lastMessageId].text, emu.state.messages[msgId].text);
		});
		await t.check('im.message.share errors in server order: MESSAGE_ID_ERROR, DIALOG_ID_EMPTY, ACCESS_ERROR, PARAMS_ERROR', async () => {
			const msgId = emu.messagesOf('chat1')[0].id;
			expectError(await call('im.message.share', { DIALOG_ID: 'bad', TYPE: 'x' }), 400, 'MESSAGE_ID_ERROR');
			expectError(await call('im.message.share', { MESSAGE_ID: msgId, DIALOG_ID: 'bad', TYPE: 'TASK' }), 400, 'DIALOG_ID_EMPTY');
			expectError(await call('im.message.share', { MESSAGE_ID: msgId, DIALOG_ID: 'chat1', TYPE: 'NOTE' }), 400, 'PARAMS_ERROR');
			expectError(await call('im.message.share', { MESSAGE_ID: msgId, DIALOG_ID: 'chat1' }), 400, 'PARAMS_ERROR');
			expectError(await call('im.message.share', { MESSAGE_ID: msgId, DIALOG_ID: 'chat777', TYPE: 'TASK' }), 400, 'ACCESS_ERROR');
			const inChat2 = emu.messagesOf('chat2')[0].id;
			const w5 = emu.addWebhook({ userId: 5 }).url;
			expectError(await call('im.message.share', { MESSAGE_ID: inChat2, DIALOG_ID: 'chat2', TYPE: 'TASK' }, w5), 403, 'ACCESS_ERROR');
			// The dialog is only checked for access; a message the caller cannot read fails in Share itself.
			expectError(await call('im.message.share', { MESSAGE_ID: inChat2, DIALOG_ID: 'chat1', TYPE: 'TASK' }, w5), 400, 'PARAMS_ERROR');
			expectError(await call('im.message.share', { ID: 999999, DIALOG_ID: 'chat1', TYPE: 'TASK' }), 400, 'PARAMS_ERROR');
		});
		await t.check('im.message.command: seed bot 6, common /echo answers in the chat; errors in server order', async () => {
			const bot = await ok('im.user.get', { ID: 6 });
			assert.equal(bot.bot, true);
			assert.equal(bot.type, 'bot');
			const msgId = emu.messagesOf('chat2')[0].id;
			assert.equal(await ok('im.message.command', { MESSAGE_ID: msgId, BOT_ID: 6, COMMAND: 'echo', COMMAND_PARAMS: 'ping 1' }), true);
			const answer = emu.messagesOf('chat2').at(-1);
			assert.equal(answer.authorId, 6);
			assert.equal(answer.text, 'ping 1');
			assert.deepEqual(emu.state.commands.at(-1), { botId: 6, command: 'echo', params: 'ping 1', messageId: msgId, chatId: 2, userId: 1 });
			expectError(await call('im.message.command', { BOT_ID: 6, COMMAND: 'echo' }), 400, 'MESSAGE_ID_ERROR');
			expectError(await call('im.message.command', { MESSAGE_ID: msgId, COMMAND: 'echo' }), 400, 'BOT_ID_ERROR');
			expectError(await call('im.message.command', { MESSAGE_ID: msgId, BOT_ID: 6, COMMAND: '' }), 400, 'COMMAND_ERROR');
			expectError(await call('im.message.command', { MESSAGE_ID: msgId, BOT_ID: 6, COMMAND: ' ' }), 400, 'PARAMS_ERROR');
			expectError(await call('im.message.command', { MESSAGE_ID: msgId, BOT_ID: 6, COMMAND: 'dance' }), 400, 'PARAMS_ERROR');
			expectError(await call('im.message.command', { MESSAGE_ID: msgId, BOT_ID: 2, COMMAND: 'echo' }), 400, 'PARAMS_ERROR');
			expectError(await call('im.message.command', { MESSAGE_ID: 999999, BOT_ID: 6, COMMAND: 'echo' }), 400, 'PARAMS_ERROR');
		});
		await t.check('im.message.command: /help is not common, so the bot must be a member of the chat', async () => {
			const msgId = emu.messagesOf('chat2')[0].id;
			expectError(await call('im.message.command', { MESSAGE_ID: msgId, BOT_ID: 6, COMMAND: 'help' }), 400, 'PARAMS_ERROR');
			assert.equal(await ok('im.chat.user.add', { CHAT_ID: 2, USERS: [6] }), true);
			assert.equal(await ok('im.message.command', { MESSAGE_ID: msgId, BOT_ID: 6, COMMAND: '/help' }), true);
			assert.match(emu.messagesOf('chat2').at(-1).text, /\/echo text/);
		});
		await t.check('im.chat.updateAvatar: PNG, GIF, JPEG (also [name, base64]) -> true and the avatar URL changes', async () => {
			const before = (await ok('im.dialog.get', { DIALOG_ID: 'chat2' })).avatar;
			assert.equal(before, '');
			assert.equal(await ok('im.chat.updateAvatar', { CHAT_ID: 2, AVATAR: PNG }), true);
			const png = (await ok('im.dialog.get', { DIALOG_ID: 'chat2' })).avatar;
			assert.match(png, /\.png$/);
			assert.equal(await ok('im.chat.updateAvatar', { DIALOG_ID: 'chat2', AVATAR: ['a.gif', GIF] }), true);
			assert.match((await ok('im.dialog.get', { DIALOG_ID: 'chat2' })).avatar, /\.gif$/);
			assert.equal(await ok('im.chat.updateAvatar', { CHAT_ID: 2, AVATAR: `data:image/jpeg;base64,${JPEG}` }), true);
			assert.match((await ok('im.dialog.get', { DIALOG_ID: 'chat2' })).avatar, /\.jpg$/);
		});
		await t.check('im.chat.updateAvatar errors: AVATAR_ERROR (empty, not base64, not an image), CHAT_ID_EMPTY, 403', async () => {
			const empty = await call('im.chat.updateAvatar', { CHAT_ID: 2 });
			expectError(empty, 400, 'AVATAR_ERROR');
			assert.equal(empty.body.error_description, 'Avatar incorrect type');
			expectError(await call('im.chat.updateAvatar', { CHAT_ID: 2, AVATAR: 'not base64 at all!' }), 400, 'AVATAR_ERROR');
			expectError(await call('im.chat.updateAvatar', { CHAT_ID: 2, AVATAR: Buffer.from('hello world').toString('base64') }), 400, 'AVATAR_ERROR');
			expectError(await call('im.chat.updateAvatar', { CHAT_ID: 'chat2', AVATAR: PNG }), 400, 'CHAT_ID_EMPTY');
			expectError(await call('im.chat.updateAvatar', { DIALOG_ID: '2', AVATAR: PNG }), 400, 'DIALOG_ID_EMPTY');
			const w5 = emu.addWebhook({ userId: 5 }).url;
			expectError(await call('im.chat.updateAvatar', { CHAT_ID: 2, AVATAR: PNG }, w5), 403, 'ACCESS_ERROR');
		});
		await t.check('im.chat.* in the server\'s order: DIALOG_ID chat ids only, general chat 403, WRONG_REQUEST on no change', async () => {
			const w3 = emu.webhooks.user3.url;
			expectError(await call('im.chat.user.add', { CHAT_ID: 1, USERS: [6] }), 403, 'ACCESS_ERROR');
			expectError(await call('im.chat.user.list', { CHAT_ID: 1 }), 403, 'ACCESS_ERROR');
			expectError(await call('im.chat.user.delete', { DIALOG_ID: 'chat1', USER_ID: 2 }), 403, 'ACCESS_ERROR');
			expectError(await call('im.chat.updateTitle', { DIALOG_ID: '2', TITLE: 'x' }), 400, 'DIALOG_ID_EMPTY');
			expectError(await call('im.chat.updateTitle', { DIALOG_ID: '', CHAT_ID: 2, TITLE: 'x' }), 400, 'DIALOG_ID_EMPTY');
			expectError(await call('im.chat.updateTitle', { CHAT_ID: 2, TITLE: ' ' }), 400, 'TITLE_EMPTY');
			expectError(await call('im.chat.updateTitle', { CHAT_ID: 2, TITLE: 'Project Apollo' }), 400, 'WRONG_REQUEST');
			expectError(await call('im.chat.updateTitle', { CHAT_ID: 3, TITLE: 'Mine now' }, w3), 403, 'ACCESS_ERROR');
			expectError(await call('im.chat.updateTitle', { CHAT_ID: 4, TITLE: 'Private' }), 403, 'ACCESS_ERROR');
			assert.equal(await ok('im.chat.updateTitle', { DIALOG_ID: 'sg5', TITLE: 'Marketing 2' }), true);
			assert.equal(emu.state.chats[3].title, 'Marketing 2');
			expectError(await call('im.chat.updateColor', { CHAT_ID: 3, COLOR: 'RED' }, w3), 400, 'WRONG_REQUEST');
			expectError(await call('im.chat.updateColor', { CHAT_ID: 3, COLOR: 'NEON' }, w3), 400, 'WRONG_COLOR');
			expectError(await call('im.chat.setOwner', { CHAT_ID: 2 }), 400, 'USER_ID_EMPTY');
			expectError(await call('im.chat.setOwner', { CHAT_ID: 2, USER_ID: 5 }), 400, 'WRONG_REQUEST');
			expectError(await call('im.chat.user.add', { CHAT_ID: 2, USERS: [2, 3] }), 400, 'WRONG_REQUEST');
			expectError(await call('im.chat.user.add', { CHAT_ID: 3, USERS: [5] }, w3), 403, 'ACCESS_ERROR');
			expectError(await call('im.chat.user.delete', { CHAT_ID: 2 }), 400, 'USER_ID_EMPTY');
			expectError(await call('im.chat.user.delete', { CHAT_ID: 2, USER_ID: 5 }), 400, 'WRONG_REQUEST');
			assert.equal(await ok('im.chat.mute', { DIALOG_ID: 'chat2', ACTION: 'Y' }), true);
			assert.ok(emu.readState(1, 'chat2').muted);
			assert.equal(await ok('im.chat.mute', { CHAT_ID: 2, MUTE: 'N' }), true);
			assert.equal(emu.readState(1, 'chat2').muted, false);
			expectError(await call('im.chat.mute', { CHAT_ID: 3 }, w3), 403, 'ACCESS_ERROR');
			const viaDialog = await ok('im.chat.get', { DIALOG_ID: 'sg5' });
			assert.equal(viaDialog.id, 3);
			assert.equal(viaDialog.dialog_id, 'sg5');
			expectError(await call('im.chat.get', { DIALOG_ID: 'sg5' }, w3), 403, 'ACCESS_ERROR');
			expectError(await call('im.chat.get', { DIALOG_ID: 'nope' }), 400, 'DIALOG_ID_EMPTY');
			assert.equal(await ok('im.chat.get', { ENTITY_TYPE: 'SONET_GROUP', ENTITY_ID: '5' }).then((r) => r.ID), 3);
		});
		await t.check('im.message.add/update: ATTACH_ERROR, KEYBOARD_ERROR, MENU_ERROR, menu_ERROR (sic); valid ones stored', async () => {
			expectError(await call('im.message.add', { DIALOG_ID: 'chat2', MESSAGE: 'x', ATTACH: 'garbage' }), 400, 'ATTACH_ERROR');
			expectError(await call('im.message.add', { DIALOG_ID: 'chat2', MESSAGE: 'x', ATTACH: [{ FOO: 1 }] }), 400, 'ATTACH_ERROR');
			expectError(await call('im.message.add', { DIALOG_ID: 'chat2', MESSAGE: 'x', KEYBOARD: [{ TEXT: 'no action' }] }), 400, 'KEYBOARD_ERROR');
			expectError(await call('im.message.add', { DIALOG_ID: 'chat2', MESSAGE: 'x', MENU: 'nope' }), 400, 'MENU_ERROR');
			const attach = { ID: 1, COLOR: '#29619b', BLOCKS: [{ MESSAGE: 'API will be available' }, { DELIMITER: { SIZE: 200 } }] };
			const keyboard = [{ TEXT: 'Echo', COMMAND: 'echo', BOT_ID: 6 }, { TYPE: 'NEWLINE' }, { TEXT: 'Site', LINK: 'https://example.com' }];
			const id = await ok('im.message.add', { DIALOG_ID: 'chat2', ATTACH: JSON.stringify(attach), KEYBOARD: keyboard,
				MENU: [{ TEXT: 'Open', LINK: 'https://example.com' }] });
			assert.deepEqual(emu.state.messages[id].params.ATTACH, attach);
			assert.deepEqual(emu.state.messages[id].params.KEYBOARD, keyboard);
			expectError(await call('im.message.update', { MESSAGE_ID: id, MENU: [{ LINK: 'x' }] }), 400, 'menu_ERROR');
			expectError(await call('im.message.update', { MESSAGE_ID: id, KEYBOARD: 5 }), 400, 'KEYBOARD_ERROR');
			assert.equal(await ok('im.message.update', { MESSAGE_ID: id, KEYBOARD: 'N', ATTACH: '' }), true);
			assert.deepEqual(Object.keys(emu.state.messages[id].params).sort(), ['MENU']);
			const big = { BLOCKS: [{ MESSAGE: 'x'.repeat(60001) }] };
			expectError(await call('im.message.add', { DIALOG_ID: 'chat2', MESSAGE: 'x', ATTACH: big }), 400, 'ATTACH_OVERSIZE');
		});
		await t.check('im.chat.user.add: HIDE_HISTORY=Y (default) hides older messages from the new member, N shows them', async () => {
			const w4 = emu.addWebhook({ userId: 4 }).url;
			const w5 = emu.addWebhook({ userId: 5 }).url;
			assert.equal(await ok('im.chat.user.add', { CHAT_ID: 2, USERS: [4] }), true);
			assert.equal(await ok('im.chat.user.add', { CHAT_ID: 2, USERS: [5], HIDE_HISTORY: 'N' }), true);
			assert.equal((await ok('im.dialog.messages.get', { DIALOG_ID: 'chat2' }, w4)).messages.length, 0);
			const all = emu.messagesOf('chat2').map((m) => m.id);
			assert.ok(all.length >= 10);
			assert.deepEqual((await ok('im.dialog.messages.get', { DIALOG_ID: 'chat2', LIMIT: 50 }, w5)).messages.map((m) => m.id),
				all.slice().reverse());
			const id = await ok('im.message.add', { DIALOG_ID: 'chat2', MESSAGE: 'welcome' });
			assert.deepEqual((await ok('im.dialog.messages.get', { DIALOG_ID: 'chat2' }, w4)).messages.map((m) => m.id), [id]);
		});
		await t.check('im.notify: TO alias, ATTACH_ERROR; TAG kept and replaced only for an OAuth app; delete by TAG', async () => {
			const viaHook = await ok('im.notify.personal.add', { TO: 2, MESSAGE: 'hook', TAG: 'build' });
			assert.equal(emu.state.notifications[viaHook].tag, '', 'a webhook has no client id: TAG is ignored');
			expectError(await call('im.notify.system.add', { USER_ID: 2, MESSAGE: 'x', ATTACH: 'nope' }), 400, 'ATTACH_ERROR');
			const tokens = emu.issueTokens({ userId: 1 });
			const oauth = (m, json) => http(`${emu.baseUrl}/rest/${m}`, { json: Object.assign({ auth: tokens.access_token }, json) });
			const first = expectOk(await oauth('im.notify.system.add', { USER_ID: 2, MESSAGE: 'v1', TAG: 'build' }));
			assert.match(emu.state.notifications[first].tag, /^MP\|[0-9a-f]{5}\|build$/);
			assert.match(emu.state.notifications[first].text, /#BR#v1$/, 'system notifications of an app start with its name');
			const second = expectOk(await oauth('im.notify.system.add', { USER_ID: 2, MESSAGE: 'v2', TAG: 'build' }));
			assert.equal(emu.state.notifications[first], undefined, 'the same TAG replaces the older one');
			const listed = (await ok('im.notify.get', {}, w2)).notifications.find((n) => n.id === second);
			assert.equal(listed.notify_tag, emu.state.notifications[second].tag);
			assert.equal(expectOk(await oauth('im.notify.delete', { TAG: 'build' })), true);
			assert.equal(emu.state.notifications[second], undefined);
			assert.equal(expectOk(await oauth('im.notify.delete', { TAG: 'build' })), false);
			assert.ok(emu.state.notifications[viaHook]);
		});
		await t.check('im.notify.read.list: IDS must be an array (PARAMS_ERROR); stops at the first id that is not positive', async () => {
			const a = await ok('im.notify.personal.add', { USER_ID: 2, MESSAGE: 'a' });
			const b = await ok('im.notify.personal.add', { USER_ID: 2, MESSAGE: 'b' });
			expectError(await call('im.notify.read.list', { IDS: 5 }, w2), 400, 'PARAMS_ERROR');
			assert.equal(await ok('im.notify.read.list', { IDS: [a, 0, b] }, w2), true);
			assert.equal(emu.state.notifications[a].read, true);
			assert.equal(emu.state.notifications[b].read, false);
		});
		await t.check('im.message.like: ID alias; no access or no change -> WITHOUT_CHANGES', async () => {
			const msgId = emu.messagesOf('chat2')[0].id;
			assert.equal(await ok('im.message.like', { ID: msgId, ACTION: 'plus' }), true);
			assert.deepEqual(emu.state.messages[msgId].likes, [1]);
			expectError(await call('im.message.like', { ID: msgId, ACTION: 'plus' }), 400, 'WITHOUT_CHANGES');
			const privateMsg = emu.messagesOf('2')[0].id; // dialog of users 1 and 2
			expectError(await call('im.message.like', { MESSAGE_ID: privateMsg }, emu.webhooks.user3.url), 400, 'WITHOUT_CHANGES');
			assert.equal(await ok('im.message.like', { MESSAGE_ID: msgId, ACTION: 'whatever' }), true, 'unknown ACTION is auto');
			assert.deepEqual(emu.state.messages[msgId].likes, []);
		});
		await t.check('im.dialog.messages.get / writing / user.*: the server\'s parameter precedence and errors', async () => {
			const ids = emu.messagesOf('chat1').map((m) => m.id);
			const byChat = await ok('im.dialog.messages.get', { CHAT_ID: 1, DIALOG_ID: 'chat2', LIMIT: 1 });
			assert.equal(byChat.chat_id, 1, 'CHAT_ID wins over DIALOG_ID');
			const first = await ok('im.dialog.messages.get', { DIALOG_ID: 'chat1', FIRST_ID: ids[0], LAST_ID: 'junk', LIMIT: 2 });
			assert.deepEqual(first.messages.map((m) => m.id), [ids[1], ids[2]], 'FIRST_ID wins; LAST_ID is not read');
			expectError(await call('im.dialog.messages.get', { DIALOG_ID: 'chat777' }), 403, 'ACCESS_ERROR');
			expectError(await call('im.dialog.messages.get', { CHAT_ID: 0 }), 400, 'DIALOG_ID_EMPTY');
			expectError(await call('im.dialog.writing', {}), 403, 'ACCESS_ERROR');
			expectError(await call('im.dialog.writing', { CHAT_ID: 'x' }), 400, 'CHAT_ID_EMPTY');
			assert.equal(await ok('im.dialog.writing', { CHAT_ID: 1 }), true);
			const missing = await call('im.user.get', { ID: 424242 });
			expectError(missing, 400, 'USER_NOT_EXISTS');
			assert.equal(missing.body.error_description, 'User is not exists');
			expectError(await call('im.user.get', { ID: 'abc' }), 400, 'ID_EMPTY');
			expectError(await call('im.user.status.set', { STATUS: 'DND' }), 400, 'STATUS_ERROR');
			expectError(await call('im.user.list.get', { ID: [] }), 400, 'INVALID_FORMAT');
		});
		await t.check('im.notify.read.all answers { result: true, newCounter: 0 }', async () => {
			assert.deepEqual(await ok('im.notify.read.all'), { result: true, newCounter: 0 });
			assert.equal((await ok('im.counters.get')).TYPE.NOTIFY, 0);
		});
		await t.check('im.user.status.set is seen by im.user.status.get of another webhook of the same user', async () => {
			assert.equal(await ok('im.user.status.set', { STATUS: 'away' }, w2), true);
			assert.equal(await ok('im.user.status.get', {}, w2), 'away');
			assert.equal((await ok('im.user.get', { ID: 2 })).status, 'away');
		});
	},
};
