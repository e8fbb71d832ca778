'use strict';
/** imbot.v2 bot event queues: what feeds them, Event.get offsets, withUserEvents, deletion, batch. */
module.exports = {
	title: 'imbot.v2 events (bot queues) and batch',
	async run(t) {
		const { assert, expectError } = t;
		const emu = await t.emulator();
		const w1 = emu.webhooks.admin.url;
		const w2 = emu.webhooks.user2.url;
		const { call, ok } = t.restClient(w1);
		const register = async (code, token, fields = {}) => (await ok('imbot.v2.Bot.register',
			{ fields: Object.assign({ code, botToken: token, properties: { name: code } }, fields) })).bot.id;
		const botId = await register('plain', 'plain-events-token-1');
		const superId = await register('watcher', 'super-events-token-1', { type: 'supervisor' });
		const events = (id = botId) => emu.botEventsOf(id);
		const types = (id) => events(id).map((e) => e.type);
		const read = (json, id = botId, token = 'plain-events-token-1', url = w1) =>
			call('imbot.v2.Event.get', Object.assign({ botId: id, botToken: token }, json), url);
		const drain = async (id, token) => t.expectOk(await read({ offset: 1e9 }, id, token));

		await t.check('a user writes to the bot: JOINCHAT (dialog opened), then MESSAGEADD, as the bot sees the dialog', async () => {
			const id = await ok('im.message.add', { DIALOG_ID: String(botId), MESSAGE: 'hi bot' }, w2);
			const [join, add] = events();
			assert.deepEqual([join.type, join.data.dialogId, join.data.user.id, join.data.bot.id], ['ONIMBOTV2JOINCHAT', '2', 2, botId]);
			assert.deepEqual([add.type, add.data.message.id, add.data.message.text, add.data.chat.dialogId, add.data.user.id, add.data.language],
				['ONIMBOTV2MESSAGEADD', id, 'hi bot', '2', 2, 'en']);
			assert.deepEqual([add.data.bot.eventMode, add.data.bot.auth], ['fetch', undefined]);
			assert.ok(add.eventId > join.eventId);
			await drain(botId, 'plain-events-token-1');
		});
		await t.check('group chats: a plain bot only when mentioned, a supervisor always, never its own messages', async () => {
			await ok('im.chat.user.add', { CHAT_ID: 2, USERS: [botId, superId] });
			await drain(botId, 'plain-events-token-1');
			await drain(superId, 'super-events-token-1');
			await ok('im.message.add', { DIALOG_ID: 'chat2', MESSAGE: 'no mention' }, w2);
			await ok('im.message.add', { DIALOG_ID: 'chat2', MESSAGE: `[USER=${botId}]plain[/USER] ping` }, w2);
			await call('imbot.v2.Chat.Message.send', { botId: superId, botToken: 'super-events-token-1', dialogId: 'chat2', fields: { message: 'from watcher' } });
			assert.deepEqual(events().map((e) => e.data.message.text), [`[USER=${botId}]plain[/USER] ping`]);
			assert.deepEqual(events(superId).map((e) => e.data.message.text), ['no mention', `[USER=${botId}]plain[/USER] ping`]);
			assert.equal(events(superId)[0].data.chat.dialogId, 'chat2');
		});
		await t.check('update and delete of an addressed message; a mention edited away still reaches the bot', async () => {
			await drain(botId, 'plain-events-token-1');
			const id = await ok('im.message.add', { DIALOG_ID: 'chat2', MESSAGE: `[USER=${botId}]x[/USER] draft` }, w2);
			await ok('im.message.update', { MESSAGE_ID: id, MESSAGE: 'no longer addressed' }, w2);
			await ok('im.message.delete', { MESSAGE_ID: id }, w2);
			assert.deepEqual(types(), ['ONIMBOTV2MESSAGEADD', 'ONIMBOTV2MESSAGEUPDATE']);
			const privateId = await ok('im.message.add', { DIALOG_ID: String(botId), MESSAGE: 'oops' }, w2);
			await ok('im.message.delete', { MESSAGE_ID: privateId }, w2);
			assert.deepEqual(events().at(-1).data.messageId, privateId);
			assert.equal(events().at(-1).type, 'ONIMBOTV2MESSAGEDELETE');
		});
		await t.check('commands typed (context textarea, no MESSAGEADD) and keyboard presses (context keyboard)', async () => {
			await drain(botId, 'plain-events-token-1');
			const help = (await ok('imbot.v2.Command.register', { botId, botToken: 'plain-events-token-1', fields: { command: 'help', title: { en: 'Help' } } })).command;
			const typed = await ok('im.message.add', { DIALOG_ID: String(botId), MESSAGE: '/help billing please' }, w2);
			const [cmd] = events();
			assert.deepEqual([events().length, cmd.type, cmd.data.command, cmd.data.message.id, cmd.data.user.id],
				[1, 'ONIMBOTV2COMMANDADD', { id: help.id, command: '/help', params: 'billing please', context: 'textarea' }, typed, 2]);
			const withButton = await ok('imbot.v2.Chat.Message.send', { botId, botToken: 'plain-events-token-1', dialogId: '2',
				fields: { message: 'Pick', keyboard: [{ TEXT: 'Help', COMMAND: 'help', COMMAND_PARAMS: 'menu' }] } });
			assert.equal(await ok('im.message.command', { MESSAGE_ID: withButton.id, BOT_ID: botId, COMMAND: 'help', COMMAND_PARAMS: 'menu' }, w2), true);
			const press = events().at(-1);
			assert.deepEqual([press.data.command.context, press.data.command.params, press.data.message.id, press.data.user.id],
				['keyboard', 'menu', withButton.id, 2]);
			assert.equal(emu.messagesOf('2', botId).at(-1).id, withButton.id); // no automatic answer for a v2 bot
			t.expectOk(await call('imbot.v2.Command.answer', { botId, botToken: 'plain-events-token-1', commandId: help.id,
				messageId: withButton.id, dialogId: '2', fields: { message: 'Help is here' } }));
			assert.equal(emu.messagesOf('2', botId).at(-1).authorId, botId);
		});
		await t.check('joins (who added the bot), reactions on the bot\'s messages, context of an opened dialog', async () => {
			await drain(botId, 'plain-events-token-1');
			await ok('im.chat.user.add', { CHAT_ID: 6, USERS: [botId] }, w2);
			const join = events().at(-1);
			assert.deepEqual([join.type, join.data.dialogId, join.data.user.id], ['ONIMBOTV2JOINCHAT', 'chat6', 2]);
			await call('imbot.v2.Chat.add', { botId, botToken: 'plain-events-token-1', fields: { userIds: [3] } });
			assert.equal(events().length, 1); // not for a chat the bot made
			const own = (await ok('imbot.v2.Chat.Message.send', { botId, botToken: 'plain-events-token-1', dialogId: '2', fields: { message: 'rate me' } })).id;
			await ok('im.message.like', { MESSAGE_ID: own, ACTION: 'plus' }, w2);
			await ok('im.message.like', { MESSAGE_ID: own, ACTION: 'minus' }, w2);
			assert.deepEqual(events().slice(1).map((e) => [e.data.reaction, e.data.action, e.data.user.id, e.data.message.id]),
				[['like', 'add', 2, own], ['like', 'delete', 2, own]]);
			t.expectOk(await call('im.v2.Chat.Bot.sendContext', { dialogId: String(botId), context: { entityType: 'task', entityId: 164 } }, w2));
			await ok('im.v2.Chat.Bot.sendContext', { dialogId: String(botId), context: '{"source":"link"}' }, emu.webhooks.user3.url);
			const [ctx2, join3, ctx3] = events().slice(3);
			assert.deepEqual([ctx2.type, ctx2.data.dialogId, ctx2.data.context, ctx2.data.user.id], ['ONIMBOTV2CONTEXTGET', '2', { entityType: 'task', entityId: 164 }, 2]);
			assert.deepEqual([join3.type, ctx3.type, ctx3.data.dialogId, ctx3.data.context], ['ONIMBOTV2JOINCHAT', 'ONIMBOTV2CONTEXTGET', '3', { source: 'link' }]);
		});
		await t.check('Event.get: no offset confirms nothing, offset deletes below it, limit and hasMore, owner only', async () => {
			const first = t.expectOk(await read({ limit: 2 }));
			assert.equal(first.hasMore, true);
			assert.deepEqual(t.expectOk(await read({ limit: 2 })).events.map((e) => e.eventId), first.events.map((e) => e.eventId));
			const next = t.expectOk(await read({ offset: first.nextOffset, limit: 1000 }));
			assert.ok(next.events[0].eventId >= first.nextOffset);
			assert.equal(events().length, next.events.length);
			const done = t.expectOk(await read({ offset: next.nextOffset }));
			assert.deepEqual([done.events, done.nextOffset, done.hasMore], [[], next.nextOffset, false]);
			expectError(await read({}, botId, 'super-events-token-1'), 403, 'BOT_OWNERSHIP_ERROR');
			expectError(await call('imbot.v2.Event.get', { botToken: 'plain-events-token-1' }), 400, 'BOT_ID_REQUIRED');
		});
		await t.check('withUserEvents: scope im, a subscribed user; one offset confirms both kinds, merged by id', async () => {
			const noIm = emu.addWebhook({ userId: 1, scopes: ['imbot'] });
			expectError(await read({ withUserEvents: true }, botId, 'plain-events-token-1', noIm.url), 403, 'SCOPE_ERROR');
			expectError(await read({ withUserEvents: true }), 400, 'USER_NOT_SUBSCRIBED');
			await ok('im.v2.Event.subscribe');
			await ok('im.message.add', { DIALOG_ID: String(botId), MESSAGE: 'both queues' }); // user 1 writes to the bot
			const both = t.expectOk(await read({ withUserEvents: true }));
			assert.deepEqual(both.events.map((e) => e.type), ['ONIMV2JOINCHAT', 'ONIMV2JOINCHAT', 'ONIMV2MESSAGEADD', 'ONIMBOTV2JOINCHAT', 'ONIMBOTV2MESSAGEADD']);
			for (let i = 1; i < both.events.length; i++) assert.ok(both.events[i].eventId > both.events[i - 1].eventId);
			assert.equal(t.expectOk(await read({})).events.length, 2);
			t.expectOk(await read({ offset: both.nextOffset, withUserEvents: true }));
			assert.deepEqual([events(), t.expectOk(await call('im.v2.Event.get', {})).events], [[], []]);
		});
		await t.check('unregister: ONIMBOTV2DELETE is the last event, readable until confirmed, then BOT_NOT_FOUND', async () => {
			await ok('im.message.add', { DIALOG_ID: String(botId), MESSAGE: 'last words' }, w2);
			await ok('imbot.v2.Bot.unregister', { botId, botToken: 'plain-events-token-1' });
			await ok('im.message.add', { DIALOG_ID: String(botId), MESSAGE: 'too late' }, w2);
			const last = t.expectOk(await read({}));
			assert.deepEqual(last.events.map((e) => e.type), ['ONIMBOTV2MESSAGEADD', 'ONIMBOTV2DELETE']);
			assert.deepEqual(Object.keys(last.events[1].data), ['bot']);
			t.expectOk(await read({ offset: last.nextOffset }));
			expectError(await read({}), 400, 'BOT_NOT_FOUND');
		});
		await t.check('batch serves imbot.v2 with the bot token inside each command; events are recorded there too', async () => {
			await drain(superId, 'super-events-token-1');
			const r = t.expectOk(await call('batch', { halt: 0, cmd: {
				a: `imbot.v2.Chat.Message.send?botId=${superId}&botToken=super-events-token-1&dialogId=2&fields[message]=one&fields[system]=0&fields[keyboard][0][TEXT]=OK&fields[keyboard][0][COMMAND]=ok`,
				b: `imbot.v2.Chat.Message.send?botId=${superId}&botToken=wrong-token-000000&dialogId=2&fields[message]=two`,
				c: `imbot.v2.Chat.Message.send?botId=${superId}&dialogId=2&fields[message]=three`,
				d: `imbot.v2.Bot.get?botId=${superId}&botToken=super-events-token-1`,
			} }));
			const sent = emu.state.messages[r.result.a.id];
			assert.deepEqual([sent.text, sent.authorId, sent.params.KEYBOARD.BUTTONS[0].COMMAND], ['one', superId, 'ok']);
			assert.deepEqual([r.result_error.b.error, r.result_error.c.error, r.result.d.bot.eventMode], ['BOT_OWNERSHIP_ERROR', 'BOT_TOKEN_NOT_SPECIFIED', 'fetch']);
			await ok('im.message.add', { DIALOG_ID: 'chat2', MESSAGE: 'in batch' }, w2);
			const batched = t.expectOk(await call('batch', { cmd: { e: `imbot.v2.Event.get?botId=${superId}&botToken=super-events-token-1` } }, w1));
			assert.deepEqual(batched.result.e.events.map((e) => e.data.message.text), ['in batch']);
		});
	},
};
