'use strict';
/** imbot.v2.Bot.*: registration, the bot token (webhook) and the app (OAuth), rotation, get, list, unregister. */
module.exports = {
	title: 'imbot.v2 bots and tokens',
	async run(t) {
		const { assert, expectError } = t;
		const emu = await t.emulator();
		const w = emu.webhooks.admin.url;
		const { call, ok } = t.restClient(w);
		const TOKEN = 'token-abcdefghijklmnop';
		const register = (fields, url) => call('imbot.v2.Bot.register', { fields }, url);
		const PNG = '89504e470d0a1a0a0000000d4948445200000001000000010806000000';
		const png = (w2, h2) => Buffer.from(PNG.replace('0000000100000001', `${w2.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}`), 'hex').toString('base64');
		let botId;

		await t.check('register: fields.botToken (webhook), answers {bot, users}; the bot is a user of the portal', async () => {
			const r = await ok('imbot.v2.Bot.register', { fields: { code: 'echo', botToken: TOKEN, type: 'personal',
				properties: { name: 'Echo', lastName: 'Bot', color: 'mint', avatar: png(64, 64) } } });
			botId = r.bot.id;
			assert.ok(botId > 6);
			assert.deepEqual([r.bot.code, r.bot.type, r.bot.eventMode, r.bot.moduleId, r.bot.isReactionsEnabled], ['echo', 'personal', 'fetch', 'rest', true]);
			assert.equal(r.bot.appId, undefined);
			assert.deepEqual([r.users[0].id, r.users[0].name, r.users[0].bot, r.users[0].type], [botId, 'Echo Bot', true, 'bot']);
			assert.ok(emu.state.users[botId].bot);
		});
		await t.check('register is idempotent by code: the same app gets the existing bot, new data ignored', async () => {
			const r = await ok('imbot.v2.Bot.register', { fields: { code: 'echo', botToken: TOKEN, properties: { name: 'Other' } } });
			assert.equal(r.bot.id, botId);
			assert.equal(r.users[0].name, 'Echo Bot');
		});
		await t.check('register refusals, in the docs order', async () => {
			expectError(await register({ code: 'x', properties: { name: 'X' } }), 400, 'BOT_TOKEN_NOT_SPECIFIED');
			expectError(await call('imbot.v2.Bot.register', { botToken: 'top-level-token-xyz', fields: { code: 'x', properties: { name: 'X' } } }),
				400, 'BOT_TOKEN_NOT_SPECIFIED');
			expectError(await register({ code: 'x', botToken: 'y'.repeat(41), properties: { name: 'X' } }), 400, 'BOT_TOKEN_INVALID_LENGTH');
			expectError(await register({ botToken: 'another-token-0001', properties: { name: 'X' } }), 400, 'BOT_CODE_REQUIRED');
			expectError(await register({ code: 'echo', botToken: 'another-token-0001', properties: { name: 'X' } }), 400, 'BOT_CODE_ALREADY_TAKEN');
			expectError(await register({ code: 'x', botToken: 'another-token-0001', properties: { lastName: 'X' } }), 400, 'BOT_PROPERTIES_REQUIRED');
			expectError(await register({ code: 'x', botToken: 'another-token-0001', type: 'human', properties: { name: 'X' } }), 400, 'BOT_INVALID_TYPE');
			expectError(await register({ code: 'x', botToken: 'another-token-0001', eventMode: 'push', properties: { name: 'X' } }), 400, 'BOT_INVALID_EVENT_MODE');
			expectError(await register({ code: 'x', botToken: 'another-token-0001', eventMode: 'webhook', properties: { name: 'X' } }), 400, 'BOT_WEBHOOK_URL_REQUIRED');
			expectError(await register({ code: 'x', botToken: 'another-token-0001', eventMode: 'webhook', webhookUrl: 'ftp:x', properties: { name: 'X' } }), 400, 'BOT_INVALID_CALLBACK');
			expectError(await register({ code: 'x', botToken: 'another-token-0001', properties: { name: 'X', avatar: Buffer.from('%PDF').toString('base64') } }), 400, 'BOT_AVATAR_INCORRECT_TYPE');
			expectError(await register({ code: 'x', botToken: 'another-token-0001', properties: { name: 'X', avatar: png(5001, 10) } }), 400, 'BOT_AVATAR_INCORRECT_SIZE');
			expectError(await register({ code: 'x', botToken: TOKEN, properties: { name: 'X' } }), 400, 'BOT_REGISTER_FAILED');
		});
		await t.check('a webhook without imbot gets insufficient_scope; Revision.get needs no bot or token', async () => {
			expectError(await register({ code: 'x', botToken: TOKEN, properties: { name: 'X' } }, emu.webhooks.user2.url), 401, 'insufficient_scope');
			const r = await ok('imbot.v2.Revision.get', {});
			assert.ok(r.rest >= 36 && r.web && r.mobile && r.desktop);
		});
		await t.check('the token authorizes: missing, wrong, other webhook of the portal', async () => {
			expectError(await call('imbot.v2.Bot.get', { botId }), 400, 'BOT_TOKEN_NOT_SPECIFIED');
			expectError(await call('imbot.v2.Chat.Message.send', { botToken: TOKEN, dialogId: '1', fields: { message: 'x' } }), 400, 'BOT_ID_REQUIRED');
			expectError(await call('imbot.v2.Chat.Message.send', { botId: 999, botToken: TOKEN, dialogId: '1', fields: { message: 'x' } }), 400, 'BOT_NOT_FOUND');
			expectError(await call('imbot.v2.Chat.Message.send', { botId, botToken: 'wrong-token-000000', dialogId: '1', fields: { message: 'x' } }), 403, 'BOT_OWNERSHIP_ERROR');
			const other = emu.addWebhook({ userId: 2, scopes: ['imbot'] });
			assert.ok((await ok('imbot.v2.Chat.Message.send', { botId, botToken: TOKEN, dialogId: '1', fields: { message: 'x' } }, other.url)).id);
		});
		await t.check('get: by id or code; the owner sees the extended bot, another app the brief one', async () => {
			expectError(await call('imbot.v2.Bot.get', { botToken: TOKEN }), 400, 'PARAMS_REQUIRED');
			const own = await ok('imbot.v2.Bot.get', { code: 'echo', botToken: TOKEN });
			assert.deepEqual([own.bot.id, own.bot.eventMode, own.bot.countMessage], [botId, 'fetch', 1]);
			const brief = await ok('imbot.v2.Bot.get', { botId, botToken: 'someone-elses-token' });
			assert.equal(brief.bot.eventMode, undefined);
			expectError(await call('imbot.v2.Bot.get', { botId: 999, botToken: TOKEN }), 400, 'BOT_NOT_FOUND');
		});
		await t.check('list: the caller\'s bots only, filter by type, limit/offset with hasNextPage', async () => {
			const tokens = emu.issueTokens({ userId: 1 });
			const oauth = `${emu.baseUrl}/rest/`;
			const app = (method, json) => t.http(`${oauth}${method}`, { json: Object.assign({ auth: tokens.access_token }, json) });
			for (const code of ['a1', 'a2', 'a3']) t.expectOk(await app('imbot.v2.Bot.register', { fields: { code, type: code === 'a3' ? 'openline' : 'bot', properties: { name: code } } }));
			const mine = await ok('imbot.v2.Bot.list', { botToken: TOKEN });
			assert.deepEqual(mine.bots.map((b) => b.code), ['echo']);
			const page = t.expectOk(await app('imbot.v2.Bot.list', { limit: 2 }));
			assert.deepEqual([page.bots.map((b) => b.code), page.users.length, page.hasNextPage], [['a1', 'a2'], 2, true]);
			const rest = t.expectOk(await app('imbot.v2.Bot.list', { limit: 2, offset: 2 }));
			assert.deepEqual([rest.bots.map((b) => b.code), rest.hasNextPage], [['a3'], false]);
			assert.deepEqual(t.expectOk(await app('imbot.v2.Bot.list', { filter: { type: 'openline' } })).bots.map((b) => b.code), ['a3']);
			expectError(await call('imbot.v2.Bot.list', {}), 400, 'BOT_TOKEN_NOT_SPECIFIED');
			// OAuth: the bot belongs to the app; a webhook with any token does not own it
			expectError(await call('imbot.v2.Bot.update', { botId: page.bots[0].id, botToken: TOKEN, fields: {} }), 403, 'BOT_OWNERSHIP_ERROR');
			assert.equal(t.expectOk(await app('imbot.v2.Bot.update', { botId: page.bots[0].id, fields: { isHidden: true } })).bot.isHidden, true);
		});
		await t.check('update: properties, flags, background (invalid -> null), bad colour ignored', async () => {
			const r = await ok('imbot.v2.Bot.update', { botId, botToken: TOKEN, fields: { isReactionsEnabled: 'N', backgroundId: 'peach',
				properties: { workPosition: 'Helper', color: 'nope' } } });
			assert.deepEqual([r.bot.isReactionsEnabled, r.bot.backgroundId, r.users[0].workPosition], [false, 'peach', 'Helper']);
			assert.equal(emu.state.users[botId].color, 'mint');
			assert.equal((await ok('imbot.v2.Bot.update', { botId, botToken: TOKEN, fields: { backgroundId: 'neon' } })).bot.backgroundId, null);
			expectError(await call('imbot.v2.Bot.update', { botId, botToken: TOKEN, fields: { eventMode: 'x' } }), 400, 'BOT_INVALID_EVENT_MODE');
		});
		await t.check('rotation: the old token stops at once; blank ignored; collisions and long tokens refused', async () => {
			const NEW = 'rotated-token-qrstuvwx';
			const other = await ok('imbot.v2.Bot.register', { fields: { code: 'other', botToken: 'other-bot-token-1234', properties: { name: 'O' } } });
			expectError(await call('imbot.v2.Bot.update', { botId, botToken: TOKEN, fields: { botToken: 'other-bot-token-1234' } }), 400, 'BOT_TOKEN_ROTATION_FAILED');
			expectError(await call('imbot.v2.Bot.update', { botId, botToken: TOKEN, fields: { botToken: 'z'.repeat(41) } }), 400, 'BOT_TOKEN_INVALID_LENGTH');
			await ok('imbot.v2.Bot.update', { botId, botToken: TOKEN, fields: { botToken: '   ' } });
			await ok('imbot.v2.Bot.update', { botId, botToken: TOKEN, fields: { botToken: NEW } });
			assert.equal((await ok('imbot.v2.Bot.get', { botId, botToken: TOKEN })).bot.eventMode, undefined); // now just another app
			expectError(await call('imbot.v2.Chat.Message.send', { botId, botToken: TOKEN, dialogId: '1', fields: { message: 'x' } }), 403, 'BOT_OWNERSHIP_ERROR');
			await ok('imbot.v2.Bot.update', { botId, botToken: NEW, fields: { botToken: NEW } }); // its own token again: no change
			assert.equal((await ok('imbot.v2.Bot.list', { botToken: NEW })).bots[0].id, botId);
			assert.equal(other.bot.id, (await ok('imbot.v2.Bot.list', { botToken: 'other-bot-token-1234' })).bots[0].id);
		});
		await t.check('unregister: gone for every method, code free again', async () => {
			const NEW = 'rotated-token-qrstuvwx';
			assert.deepEqual(await ok('imbot.v2.Bot.unregister', { botId, botToken: NEW }), { result: true });
			expectError(await call('imbot.v2.Bot.unregister', { botId, botToken: NEW }), 400, 'BOT_NOT_FOUND');
			expectError(await call('imbot.v2.Chat.Message.send', { botId, botToken: NEW, dialogId: '1', fields: { message: 'x' } }), 400, 'BOT_NOT_FOUND');
			assert.equal(emu.state.users[botId].active, false);
			const again = await ok('imbot.v2.Bot.register', { fields: { code: 'echo', botToken: NEW, properties: { name: 'Echo 2' } } });
			assert.notEqual(again.bot.id, botId);
		});
	},
};
