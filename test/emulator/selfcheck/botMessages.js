'use strict';
/** imbot.v2 messages, reactions, commands and files. */
module.exports = {
	title: 'imbot.v2 messages, commands and files',
	async run(t) {
		const { assert, expectError, http } = t;
		const emu = await t.emulator();
		const { call, ok } = t.restClient(emu.webhooks.admin.url);
		const register = async (code, token, type = 'bot') =>
			(await ok('imbot.v2.Bot.register', { fields: { code, botToken: token, type, properties: { name: code } } })).bot.id;
		const botId = await register('plain', 'plain-bot-token-1234');
		const superId = await register('watcher', 'super-bot-token-1234', 'supervisor');
		const as = (method, json = {}, id = botId, token = 'plain-bot-token-1234') =>
			call(`imbot.v2.${method}`, Object.assign({ botId: id, botToken: token }, json));
		const okAs = async (method, json, id, token) => t.expectOk(await as(method, json, id, token));
		const asSuper = (method, json) => as(method, json, superId, 'super-bot-token-1234');
		let messageId;

		await t.check('send: text, keyboard, attach; EMPTY_MESSAGE; ACCESS_DENIED outside the bot\'s chats', async () => {
			const r = await okAs('Chat.Message.send', { dialogId: '1', fields: { message: 'Hello', keyboard: [{ TEXT: 'Help', COMMAND: 'help' }],
				attach: [{ MESSAGE: 'block' }], urlPreview: false } });
			messageId = r.id;
			assert.deepEqual(r.uuidMap, {});
			const stored = emu.state.messages[messageId];
			assert.deepEqual([stored.authorId, stored.text, stored.params.KEYBOARD.BOT_ID, stored.params.ATTACH], [botId, 'Hello', botId, [{ MESSAGE: 'block' }]]);
			expectError(await as('Chat.Message.send', { dialogId: '1', fields: { message: '  ' } }), 400, 'EMPTY_MESSAGE');
			expectError(await as('Chat.Message.send', { dialogId: '1', fields: { message: 'x', attach: [{ NOPE: 1 }] } }), 400, 'ATTACH_ERROR');
			expectError(await as('Chat.Message.send', { dialogId: 'chat2', fields: { message: 'x' } }), 403, 'ACCESS_DENIED');
		});
		await t.check('send: text over 20,000 characters is cut and ends with " (...)"; system messages have no author', async () => {
			const r = await okAs('Chat.Message.send', { dialogId: '1', fields: { message: 'a'.repeat(20500) } });
			const text = emu.state.messages[r.id].text;
			assert.deepEqual([text.length, text.endsWith(' (...)')], [20000, true]);
			const s = await okAs('Chat.Message.send', { dialogId: '1', fields: { message: 'note', system: 'Y' } });
			assert.equal(emu.state.messages[s.id].authorId, 0);
		});
		await t.check('update and delete: own messages only; a deleted or missing one is ACCESS_DENIED', async () => {
			await okAs('Chat.Message.update', { messageId, fields: { message: 'Hello again', keyboard: 'N' } });
			const stored = emu.state.messages[messageId];
			assert.deepEqual([stored.text, stored.params.KEYBOARD, stored.params.IS_EDITED], ['Hello again', undefined, 'Y']);
			expectError(await as('Chat.Message.update', { messageId: 101, fields: { message: 'x' } }), 403, 'ACCESS_DENIED');
			await okAs('Chat.Message.delete', { messageId });
			expectError(await as('Chat.Message.delete', { messageId }), 403, 'ACCESS_DENIED');
			expectError(await as('Chat.Message.delete', { messageId: 99999 }), 403, 'ACCESS_DENIED');
		});
		await t.check('read: up to a message or all; MESSAGE_NOT_FOUND for another chat\'s message', async () => {
			const userMessage = await ok('im.message.add', { DIALOG_ID: String(botId), MESSAGE: 'ping' });
			const r = await okAs('Chat.Message.read', { dialogId: '1' });
			assert.deepEqual([r.lastId, r.counter, r.viewedMessages], [userMessage, 0, [userMessage]]);
			expectError(await as('Chat.Message.read', { dialogId: '1', messageId: 101 }), 400, 'MESSAGE_NOT_FOUND');
		});
		await t.check('get / getContext: supervisor and personal bots only; context around a message', async () => {
			expectError(await as('Chat.Message.get', { messageId: 101 }), 400, 'BOT_TYPE_NOT_ALLOWED');
			expectError(await as('Chat.Message.getContext', { messageId: 101 }), 400, 'BOT_TYPE_NOT_ALLOWED');
			expectError(await asSuper('Chat.Message.get', { messageId: 101 }), 403, 'MESSAGE_ACCESS_DENIED');
			expectError(await asSuper('Chat.Message.get', { messageId: 99999 }), 400, 'MESSAGE_NOT_FOUND');
			await ok('im.chat.user.add', { CHAT_ID: 6, USERS: [superId] });
			const one = t.expectOk(await asSuper('Chat.Message.get', { messageId: 200 }));
			assert.deepEqual([one.message.id, one.user.id === one.message.authorId], [200, true]);
			const around = t.expectOk(await asSuper('Chat.Message.getContext', { messageId: 200, range: 2 }));
			assert.deepEqual([around.messages.length, around.hasPrevPage, around.hasNextPage], [5, true, true]);
			assert.ok(around.messages[0].id < around.messages[4].id);
		});
		await t.check('reactions: codes checked, REACTION_ALREADY_SET, delete of an unset one is true', async () => {
			const target = await ok('im.message.add', { DIALOG_ID: String(botId), MESSAGE: 'react to me' });
			await okAs('Chat.Message.Reaction.add', { messageId: target, reaction: 'fire' });
			expectError(await as('Chat.Message.Reaction.add', { messageId: target, reaction: 'fire' }), 400, 'REACTION_ALREADY_SET');
			expectError(await as('Chat.Message.Reaction.add', { messageId: target, reaction: 'unicorn' }), 400, 'REACTION_NOT_FOUND');
			expectError(await as('Chat.Message.Reaction.add', { messageId: 101, reaction: 'fire' }), 403, 'ACCESS_DENIED');
			await okAs('Chat.Message.Reaction.delete', { messageId: target, reaction: 'fire' });
			await okAs('Chat.Message.Reaction.delete', { messageId: target, reaction: 'fire' });
			assert.deepEqual(emu.state.messages[target].reactions.fire, []);
		});
		await t.check('commands: register (idempotent, title required unless hidden), update, list, unregister', async () => {
			const r = await okAs('Command.register', { fields: { command: '/Help', title: { en: 'Help' }, params: { en: 'topic' } } });
			assert.deepEqual([r.command.command, r.command.botId, r.command.common], ['/help', botId, false]);
			assert.equal((await okAs('Command.register', { fields: { command: 'help', title: { en: 'Other' } } })).command.id, r.command.id);
			expectError(await as('Command.register', { fields: { title: { en: 'x' } } }), 400, 'COMMAND_REQUIRED');
			expectError(await as('Command.register', { fields: { command: 5, title: { en: 'x' } } }), 400, 'COMMAND_NAME_INVALID');
			expectError(await as('Command.register', { fields: { command: 'quiet' } }), 400, 'COMMAND_TITLE_REQUIRED');
			await okAs('Command.register', { fields: { command: 'quiet', hidden: true } });
			expectError(await as('Command.update', { commandId: r.command.id, fields: { command: 'quiet' } }), 400, 'COMMAND_ALREADY_EXISTS');
			expectError(await as('Command.update', { commandId: r.command.id, fields: { command: '' } }), 400, 'COMMAND_NAME_EMPTY');
			expectError(await as('Command.update', { commandId: 4242, fields: {} }), 400, 'COMMAND_NOT_FOUND');
			await okAs('Command.update', { commandId: r.command.id, fields: { common: true, title: { de: 'Hilfe' } } });
			const list = (await okAs('Command.list', {})).commands;
			assert.deepEqual(list.map((c) => [c.command, c.title, c.params, c.category, c.common]), [['/help', 'Help', 'topic', 'plain', true], ['/quiet', '', '', 'plain', false]]);
			await okAs('Command.unregister', { commandId: list[1].id });
			expectError(await as('Command.unregister', { commandId: list[1].id }), 400, 'COMMAND_NOT_FOUND');
		});
		await t.check('Command.answer: only on a message the command was used on, in its dialog; no message id back', async () => {
			const [help] = (await okAs('Command.list', {})).commands;
			const typed = await ok('im.message.add', { DIALOG_ID: 'chat2', MESSAGE: '/help billing' }); // common: the bot is not in chat2
			const answer = (json) => as('Command.answer', Object.assign({ commandId: help.id, messageId: typed, dialogId: 'chat2', fields: { message: 'Here is help' } }, json));
			expectError(await answer({ messageId: 101 }), 400, 'COMMAND_ANSWER_FAILED');
			expectError(await answer({ dialogId: 'chat1' }), 400, 'COMMAND_ANSWER_FAILED');
			expectError(await answer({ fields: {} }), 400, 'COMMAND_ANSWER_FAILED');
			assert.deepEqual(t.expectOk(await answer()), { result: true });
			const posted = emu.messagesOf('chat2').at(-1);
			assert.deepEqual([posted.authorId, posted.text], [0, '[b]plain[/b]: Here is help']);
		});
		await t.check('files: upload posts into the dialog; download gives a one-time link that needs no credential', async () => {
			const content = Buffer.from('report body').toString('base64');
			expectError(await as('File.upload', { dialogId: '1', fields: { name: 'r.txt' } }), 400, 'FILE_EMPTY');
			expectError(await as('File.upload', { dialogId: '1', fields: { name: 'r.txt', content: '***' } }), 400, 'FILE_INVALID_CONTENT');
			expectError(await as('File.upload', { dialogId: 'chat2', fields: { name: 'r.txt', content } }), 400, 'FILE_FOLDER_ERROR');
			const up = await okAs('File.upload', { dialogId: '1', fields: { name: 'r.txt', content, message: 'Your report' } });
			assert.deepEqual([up.file.name, up.file.extension, up.file.size, up.dialogId], ['r.txt', 'txt', 11, '1']);
			assert.deepEqual(emu.state.messages[up.messageId].params.FILE_ID, [up.file.id]);
			const { downloadUrl } = await okAs('File.download', { fileId: up.file.id });
			assert.match(downloadUrl, /\/rest\/download\.json\?token=imbot%7C[0-9a-f]+$/);
			assert.ok(!downloadUrl.includes(emu.webhooks.admin.secret));
			const first = await http(downloadUrl, { method: 'GET' });
			assert.deepEqual([first.status, first.text], [200, 'report body']);
			assert.equal((await http(downloadUrl, { method: 'GET' })).status, 404);
			expectError(await as('File.download', { fileId: 999999 }), 400, 'FILE_NOT_FOUND');
			const foreign = await ok('im.disk.folder.get', { CHAT_ID: 2 });
			const file = await ok('disk.folder.uploadfile', { id: foreign.ID, data: { NAME: 'x.txt' }, fileContent: ['x.txt', content] });
			expectError(await as('File.download', { fileId: file.ID }), 403, 'FILE_ACCESS_ERROR');
		});
	},
};
