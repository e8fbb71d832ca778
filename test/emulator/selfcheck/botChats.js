'use strict';
/** imbot.v2 chats and chat interface: create, get, update, members, managers, owner, leave, typing, text field. */
module.exports = {
	title: 'imbot.v2 chats',
	async run(t) {
		const { assert, expectError } = t;
		const emu = await t.emulator();
		const { call, ok } = t.restClient(emu.webhooks.admin.url);
		const TOKEN = 'chat-bot-token-123456';
		const botId = (await ok('imbot.v2.Bot.register', { fields: { code: 'chatter', botToken: TOKEN, properties: { name: 'Chatter' } } })).bot.id;
		const as = (method, json = {}) => call(`imbot.v2.${method}`, Object.assign({ botId, botToken: TOKEN }, json));
		const okAs = async (method, json) => t.expectOk(await as(method, json));
		let dialogId;

		await t.check('Chat.add: the bot owns it unless ownerId; users, title, colour, first message', async () => {
			const r = await okAs('Chat.add', { fields: { title: 'Support', color: 'lightBlue', userIds: [2, 3, 999], message: 'Welcome' } });
			dialogId = r.chat.dialogId;
			assert.deepEqual([r.chat.owner, r.chat.role, r.chat.name], [botId, 'owner', 'Support']);
			assert.deepEqual(r.users.map((u) => u.id).sort(), [2, 3, botId].sort());
			assert.equal(emu.state.chats[r.chat.id].color, 'LIGHT_BLUE');
			assert.equal(emu.messagesOf(dialogId).at(-1).text, 'Welcome');
		});
		await t.check('Chat.get / update: members only (ACCESS_DENIED), unknown dialogs CHAT_NOT_FOUND', async () => {
			assert.equal((await okAs('Chat.get', { dialogId })).chat.name, 'Support');
			assert.deepEqual(await okAs('Chat.update', { dialogId, fields: { title: 'Help desk', color: 'nope' } }), { result: true });
			assert.equal((await okAs('Chat.get', { dialogId })).chat.name, 'Help desk');
			expectError(await as('Chat.get', { dialogId: 'chat2' }), 403, 'ACCESS_DENIED');
			expectError(await as('Chat.get', { dialogId: 'chat999' }), 400, 'CHAT_NOT_FOUND');
			expectError(await as('Chat.get', { dialogId: 'sg5' }), 400, 'CHAT_NOT_FOUND');
		});
		await t.check('Chat.User.add / delete / list; delete of a non-member is true (documented idempotent)', async () => {
			await okAs('Chat.User.add', { dialogId, userIds: [4, 12345] });
			assert.deepEqual((await okAs('Chat.User.list', { dialogId })).map((u) => u.id), [2, 3, 4, botId]);
			assert.deepEqual((await okAs('Chat.User.list', { dialogId, limit: 2, order: { id: 'DESC' } })).map((u) => u.id), [botId, 4]);
			await okAs('Chat.User.delete', { dialogId, userId: 4 });
			await okAs('Chat.User.delete', { dialogId, userId: 4 });
			assert.ok(!emu.state.chats[Number(dialogId.slice(4))].users.includes(4));
		});
		await t.check('managers: owner only, EMPTY_USER_IDS first, non-members skipped', async () => {
			expectError(await as('Chat.Manager.add', { dialogId, userIds: [] }), 400, 'EMPTY_USER_IDS');
			expectError(await call('imbot.v2.Chat.Manager.add', { botId: 999, botToken: TOKEN, dialogId }), 400, 'EMPTY_USER_IDS');
			await okAs('Chat.Manager.add', { dialogId, userIds: [2, 5] });
			assert.deepEqual((await okAs('Chat.get', { dialogId })).chat.managerList, [2]);
			await okAs('Chat.Manager.delete', { dialogId, userIds: [2] });
			assert.deepEqual((await okAs('Chat.get', { dialogId })).chat.managerList, []);
		});
		await t.check('typing, text field (private dialogs too); a chat the bot is not in is ACCESS_DENIED', async () => {
			await okAs('Chat.InputAction.notify', { dialogId, statusMessageCode: 'IMBOT_AGENT_ACTION_THINKING', duration: 20 });
			await okAs('Chat.TextField.enabled', { dialogId: '2', enabled: false });
			assert.equal(emu.state.chats[emu.state.privateChats[`2:${botId}`]].textFieldEnabled, false);
			expectError(await as('Chat.InputAction.notify', { dialogId: 'chat1' }), 403, 'ACCESS_DENIED');
		});
		await t.check('setOwner: to a member only; afterwards the bot cannot manage members or hand over again', async () => {
			expectError(await as('Chat.setOwner', { dialogId, userId: 5 }), 403, 'ACCESS_DENIED');
			await okAs('Chat.setOwner', { dialogId, userId: 2 });
			expectError(await as('Chat.setOwner', { dialogId, userId: 3 }), 403, 'ACCESS_DENIED');
			expectError(await as('Chat.User.add', { dialogId, userIds: [5] }), 403, 'ACCESS_DENIED');
		});
		await t.check('leave: a chat the bot is in; then ACCESS_DENIED; private dialogs cannot be left', async () => {
			await okAs('Chat.leave', { dialogId });
			expectError(await as('Chat.leave', { dialogId }), 403, 'ACCESS_DENIED');
			expectError(await as('Chat.leave', { dialogId: '2' }), 403, 'ACCESS_DENIED');
		});
	},
};
