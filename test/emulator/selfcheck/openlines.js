'use strict';
/** Open Channels: a customer writes to the bot's line; the bot transfers the session or finishes it. */
module.exports = {
	title: 'Open Channels (imopenlines.bot.session.*)',
	async run(t) {
		const { assert, expectError } = t;
		const emu = await t.emulator();
		const { call, ok } = t.restClient(emu.webhooks.admin.url);
		const TOKEN = 'line-bot-token-123456';
		const botId = (await ok('imbot.v2.Bot.register', { fields: { code: 'line', botToken: TOKEN, type: 'openline', properties: { name: 'Line' } } })).bot.id;
		const plainId = (await ok('imbot.v2.Bot.register', { fields: { code: 'plain', botToken: 'plain-line-token-1234', properties: { name: 'Plain' } } })).bot.id;
		const transfer = (json) => call('imopenlines.bot.session.transfer', Object.assign({ CLIENT_ID: TOKEN }, json));
		let chatId;

		await t.check('a customer\'s message reaches the bot as MESSAGEADD with chat.entityType LINES', async () => {
			assert.throws(() => emu.openlineMessage({ botId: plainId, text: 'x' }), /does not serve Open Channels/);
			const first = emu.openlineMessage({ botId, text: 'I need help', customerName: 'Mia' });
			chatId = first.chatId;
			const again = emu.openlineMessage({ botId, text: 'anyone?', customerName: 'Mia' });
			assert.equal(again.chatId, chatId);
			const [join, add1, add2] = emu.botEventsOf(botId);
			assert.deepEqual([join.type, join.data.user.id, join.data.chat.entityType], ['ONIMBOTV2JOINCHAT', first.customerId, 'LINES']);
			assert.deepEqual([add1.data.message.text, add1.data.chat.entityType, add1.data.chat.dialogId, add1.data.user.connector], ['I need help', 'LINES', `chat${chatId}`, true]);
			assert.equal(add2.data.message.text, 'anyone?');
		});
		await t.check('transfer refusals in the docs order; CLIENT_ID is the bot token for a webhook', async () => {
			expectError(await transfer({ USER_ID: 4 }), 400, 'CHAT_ID_EMPTY');
			expectError(await transfer({ CHAT_ID: chatId, USER_ID: 0 }), 400, 'USER_ID_EMPTY');
			expectError(await transfer({ CHAT_ID: chatId, QUEUE_ID: -1 }), 400, 'QUEUE_ID_EMPTY');
			expectError(await transfer({ CHAT_ID: chatId }), 400, 'TRANSFER_ID_EMPTY');
			expectError(await call('imopenlines.bot.session.transfer', { CHAT_ID: chatId, USER_ID: 4 }), 400, 'BOT_ID_ERROR');
			expectError(await transfer({ CHAT_ID: chatId, USER_ID: 4, CLIENT_ID: 'plain-line-token-1234' }), 400, 'BOT_ID_ERROR');
			expectError(await transfer({ CHAT_ID: chatId, USER_ID: 999 }), 400, 'OPERATOR_WRONG');
			expectError(await transfer({ CHAT_ID: chatId, USER_ID: botId }), 400, 'OPERATOR_WRONG');
			expectError(await transfer({ CHAT_ID: chatId, TRANSFER_ID: 'queue9' }), 400, 'OPERATOR_WRONG');
			expectError(await call('imopenlines.bot.session.transfer', { CHAT_ID: chatId, USER_ID: 4, CLIENT_ID: TOKEN }, emu.webhooks.user2.url), 401, 'insufficient_scope');
		});
		await t.check('transfer to an operator: the operator joins, the bot stays (LEAVE=N); no second transfer', async () => {
			assert.equal(await ok('imopenlines.bot.session.transfer', { CHAT_ID: chatId, USER_ID: 3, CLIENT_ID: TOKEN }), true);
			const chat = emu.state.chats[chatId];
			assert.ok(chat.users.includes(3) && chat.users.includes(botId));
			assert.deepEqual([emu.state.openlines.sessions[chatId].status, emu.state.openlines.sessions[chatId].operatorId], ['operator', 3]);
			assert.equal(emu.messagesOf(`chat${chatId}`).at(-1).authorId, 0);
			expectError(await transfer({ CHAT_ID: chatId, USER_ID: 4 }), 400, 'OPERATOR_WRONG');
		});
		await t.check('transfer to a queue with LEAVE=Y (OAuth app): the first operator, the bot leaves at once', async () => {
			const tokens = emu.issueTokens({ userId: 1 });
			const app = (method, json) => t.http(`${emu.baseUrl}/rest/${method}`, { json: Object.assign({ auth: tokens.access_token }, json) });
			const appBot = t.expectOk(await app('imbot.v2.Bot.register', { fields: { code: 'app-line', type: 'bot', isSupportOpenline: true, properties: { name: 'App line' } } })).bot.id;
			const { chatId: other } = emu.openlineMessage({ botId: appBot, text: 'hello', customerName: 'Max' });
			assert.equal(t.expectOk(await app('imopenlines.bot.session.transfer', { CHAT_ID: other, QUEUE_ID: 1, LEAVE: 'Y' })), true);
			assert.deepEqual(emu.state.chats[other].users.includes(appBot), false);
			assert.equal(emu.state.openlines.sessions[other].operatorId, 4);
		});
		await t.check('finish: CHAT_ID_EMPTY, BOT_ID_ERROR; closes the session; a closed one answers true again', async () => {
			expectError(await call('imopenlines.bot.session.finish', { CLIENT_ID: TOKEN }), 400, 'CHAT_ID_EMPTY');
			expectError(await call('imopenlines.bot.session.finish', { CHAT_ID: chatId, CLIENT_ID: 'nobodys-token-1234' }), 400, 'BOT_ID_ERROR');
			assert.equal(await ok('imopenlines.bot.session.finish', { CHAT_ID: chatId, CLIENT_ID: TOKEN }), true);
			assert.equal(emu.state.openlines.sessions[chatId].status, 'closed');
			assert.equal(await ok('imopenlines.bot.session.finish', { CHAT_ID: chatId, CLIENT_ID: TOKEN }), true);
			const next = emu.openlineMessage({ botId, text: 'back again', customerName: 'Mia' });
			assert.notEqual(next.chatId, chatId);
		});
		await t.check('a lost answer (resetAfterApply): the bot\'s message is posted although the caller never learns it', async () => {
			const before = emu.messagesOf('1', botId).length;
			emu.injectFault('resetAfterApply', { method: 'imbot.v2.Chat.Message.send' });
			await assert.rejects(call('imbot.v2.Chat.Message.send', { botId, botToken: TOKEN, dialogId: '1', fields: { message: 'posted' } }));
			assert.equal(emu.messagesOf('1', botId).length, before + 1);
		});
	},
};
