'use strict';
/** Webhook and OAuth authentication errors, scopes, token placement. */
module.exports = {
	title: 'Authentication',
	async run(t) {
		const { assert, http, expectError, expectOk } = t;
		const emu = await t.emulator();
		const admin = emu.webhooks.admin;
		const rest = `${emu.baseUrl}/rest/`;

		await t.check('webhook with a wrong secret -> 401 INVALID_CREDENTIALS', async () => {
			const r = await http(`${emu.baseUrl}/rest/1/wrongsecret12345/im.revision.get`, { json: {} });
			expectError(r, 401, 'INVALID_CREDENTIALS');
			assert.equal(r.body.error_description, 'Invalid request credentials');
		});
		await t.check('webhook secret with another user id -> 401 INVALID_CREDENTIALS', async () => {
			expectError(await http(`${emu.baseUrl}/rest/2/${admin.secret}/im.revision.get`, { json: {} }), 401, 'INVALID_CREDENTIALS');
		});
		await t.check('webhook without the im scope -> 401 insufficient_scope; global methods still work', async () => {
			const r = await http(`${emu.webhooks.noIm.url}im.dialog.get`, { json: { DIALOG_ID: 'chat1' } });
			expectError(r, 401, 'insufficient_scope');
			assert.match(r.body.error_description, /webhook token/);
			assert.equal(typeof expectOk(await http(`${emu.webhooks.noIm.url}server.time`, { json: {} })), 'string');
			expectOk(await http(`${emu.webhooks.noIm.url}profile`, { method: 'GET' }));
		});
		await t.check('webhooks expose userId, secret (>= 16 chars), scopes and url', async () => {
			assert.equal(admin.userId, 1);
			assert.ok(admin.secret.length >= 16);
			assert.ok(admin.scopes.includes('im'));
			assert.equal(admin.url, `${emu.baseUrl}/rest/1/${admin.secret}/`);
			assert.equal(emu.webhooks.user2.userId, 2);
			assert.ok(!emu.webhooks.noIm.scopes.includes('im'));
		});
		await t.check('OAuth without any token -> 401 NO_AUTH_FOUND', async () => {
			const r = await http(`${rest}im.revision.get`, { json: {} });
			expectError(r, 401, 'NO_AUTH_FOUND');
			assert.equal(r.body.error_description, 'Wrong authorization data');
		});
		await t.check('OAuth with an unknown token -> 401 invalid_token', async () => {
			expectError(await http(`${rest}im.revision.get`, { json: { auth: 'nope' } }), 401, 'invalid_token');
		});
		const tokens = emu.issueTokens({ userId: 2, scopes: ['im'] });
		await t.check('issueTokens returns the Bitrix24 token response shape', async () => {
			for (const k of ['access_token', 'refresh_token', 'expires_in', 'expires', 'client_endpoint', 'server_endpoint',
				'domain', 'member_id', 'scope', 'status', 'user_id']) assert.ok(k in tokens, k);
			assert.equal(tokens.client_endpoint, `${emu.baseUrl}/rest/`);
			assert.equal(tokens.scope, 'im');
			assert.equal(tokens.status, 'L');
			assert.ok(!('token_type' in tokens));
		});
		await t.check('OAuth token via Bearer header, auth body param, access_token query param', async () => {
			const a = await http(`${rest}profile`, { json: {}, headers: { Authorization: `Bearer ${tokens.access_token}` } });
			assert.equal(expectOk(a).ID, '2');
			expectOk(await http(`${rest}im.revision.get`, { json: { auth: tokens.access_token } }));
			expectOk(await http(`${rest}im.revision.get?access_token=${tokens.access_token}`, { method: 'GET' }));
			expectOk(await http(`${rest}im.revision.get`, { form: `auth=${tokens.access_token}` }));
		});
		await t.check('auth parameters are removed from the logged method params', async () => {
			emu.clearLog();
			await http(`${rest}im.dialog.get`, { json: { auth: tokens.access_token, DIALOG_ID: 'chat1' } });
			const e = emu.log[0];
			assert.equal(e.auth, 'oauth');
			assert.equal(e.userId, 2);
			assert.deepEqual(e.params, { DIALOG_ID: 'chat1' });
		});
		await t.check('OAuth token without a scope -> insufficient_scope (access token wording)', async () => {
			const r = await http(`${rest}user.current`, { json: { auth: tokens.access_token } });
			expectError(r, 401, 'insufficient_scope');
			assert.match(r.body.error_description, /access token/);
		});
		await t.check('expireAllTokens -> 401 expired_token; new tokens work', async () => {
			emu.expireAllTokens();
			const r = await http(`${rest}im.revision.get`, { json: { auth: tokens.access_token } });
			expectError(r, 401, 'expired_token');
			assert.equal(r.body.error_description, 'The access token provided has expired');
			const fresh = emu.issueTokens({ userId: 1 });
			expectOk(await http(`${rest}im.revision.get`, { json: { auth: fresh.access_token } }));
		});
		await t.check('accessTokenLifetimeSec: a token with lifetime 1 s expires', async () => {
			const short = await t.emulator({ accessTokenLifetimeSec: 1 });
			const tk = short.issueTokens({ userId: 1 });
			assert.equal(tk.expires_in, 1);
			expectOk(await http(`${short.baseUrl}/rest/server.time`, { json: { auth: tk.access_token } }));
			await new Promise((r) => setTimeout(r, 1100));
			expectError(await http(`${short.baseUrl}/rest/server.time`, { json: { auth: tk.access_token } }), 401, 'expired_token');
		});
	},
};
