'use strict';
/** The OAuth server: code grant, refresh rotation, invalid_grant/invalid_client, Basic auth, authorize redirect. */
module.exports = {
	title: 'OAuth token endpoint',
	async run(t) {
		const { assert, http, expectError, expectOk } = t;
		const emu = await t.emulator();
		const o = emu.oauth;
		const form = (obj) => new URLSearchParams(obj).toString();
		const codeGrant = (code, extra = {}) => form(Object.assign({ grant_type: 'authorization_code', client_id: o.clientId,
			client_secret: o.clientSecret, code }, extra));

		await t.check('emu.oauth exposes client id/secret and the URLs', async () => {
			assert.equal(o.tokenUrl, `${emu.baseUrl}/oauth/token/`);
			assert.equal(o.clientEndpoint, `${emu.baseUrl}/rest/`);
			assert.equal(o.authorizeUrl, `${emu.baseUrl}/oauth/authorize/`);
			assert.equal(o.serverUrl, emu.baseUrl);
			assert.ok(o.clientId && o.clientSecret);
		});
		let tokens;
		await t.check('authorization_code grant (POST form) -> token response; the code is single-use', async () => {
			const code = emu.issueAuthorizationCode({ userId: 1 });
			const r = await http(o.tokenUrl, { form: codeGrant(code) });
			assert.equal(r.status, 200, r.text);
			tokens = r.body;
			assert.equal(tokens.user_id, 1);
			assert.equal(tokens.expires_in, 3600);
			assert.equal(tokens.client_endpoint, o.clientEndpoint);
			assert.equal(tokens.domain, new URL(emu.baseUrl).host);
			assert.ok(!('token_type' in tokens));
			expectOk(await http(`${o.clientEndpoint}im.revision.get`, { json: {}, headers: { Authorization: `Bearer ${tokens.access_token}` } }));
			expectError(await http(o.tokenUrl, { form: codeGrant(code) }), 400, 'invalid_grant');
		});
		await t.check('client credentials via HTTP Basic are accepted', async () => {
			const code = emu.issueAuthorizationCode({ userId: 2 });
			const basic = Buffer.from(`${o.clientId}:${o.clientSecret}`).toString('base64');
			const r = await http(o.tokenUrl, { form: form({ grant_type: 'authorization_code', code }),
				headers: { Authorization: `Basic ${basic}` } });
			assert.equal(r.status, 200, r.text);
			assert.equal(r.body.user_id, 2);
		});
		await t.check('wrong client secret -> 401 invalid_client', async () => {
			const code = emu.issueAuthorizationCode({ userId: 1 });
			expectError(await http(o.tokenUrl, { form: codeGrant(code, { client_secret: 'wrong' }) }), 401, 'invalid_client');
		});
		await t.check('unknown grant type -> 400 invalid_request', async () => {
			expectError(await http(o.tokenUrl, { form: form({ grant_type: 'password' }) }), 400, 'invalid_request');
		});
		await t.check('refresh_token grant (GET query) rotates; reuse -> 400 invalid_grant', async () => {
			const q = (rt) => `${o.tokenUrl}?${form({ grant_type: 'refresh_token', client_id: o.clientId,
				client_secret: o.clientSecret, refresh_token: rt })}`;
			const r = await http(q(tokens.refresh_token), { method: 'GET' });
			assert.equal(r.status, 200, r.text);
			assert.notEqual(r.body.refresh_token, tokens.refresh_token);
			assert.notEqual(r.body.access_token, tokens.access_token);
			const again = await http(q(tokens.refresh_token), { method: 'GET' });
			expectError(again, 400, 'invalid_grant');
			assert.ok(again.body.error_description);
			tokens = r.body;
		});
		await t.check('expired access token -> refresh (POST form) -> new token works', async () => {
			emu.expireAllTokens();
			expectError(await http(`${o.clientEndpoint}server.time`, { json: { auth: tokens.access_token } }), 401, 'expired_token');
			const r = await http(o.tokenUrl, { form: form({ grant_type: 'refresh_token', client_id: o.clientId,
				client_secret: o.clientSecret, refresh_token: tokens.refresh_token }) });
			assert.equal(r.status, 200, r.text);
			expectOk(await http(`${o.clientEndpoint}server.time`, { json: { auth: r.body.access_token } }));
		});
		await t.check('token requests are logged as method "oauth.token" with the secret masked', async () => {
			const e = emu.log.filter((x) => x.method === 'oauth.token').at(-1);
			assert.equal(e.params.grant_type, 'refresh_token');
			assert.equal(e.params.client_secret, '***');
			assert.equal(e.status, 200);
		});
		await t.check('/oauth/authorize/ redirects with code, state, domain, member_id, scope, server_domain', async () => {
			const url = `${o.authorizeUrl}?${form({ client_id: o.clientId, state: 'xyz', redirect_uri: 'http://localhost:5678/cb' })}`;
			const r = await http(url, { method: 'GET', redirect: 'manual' });
			assert.equal(r.status, 302);
			const loc = new URL(r.headers.get('location'));
			assert.equal(loc.origin + loc.pathname, 'http://localhost:5678/cb');
			assert.equal(loc.searchParams.get('state'), 'xyz');
			for (const k of ['code', 'domain', 'member_id', 'scope', 'server_domain']) assert.ok(loc.searchParams.get(k), k);
			const tk = await http(o.tokenUrl, { form: codeGrant(loc.searchParams.get('code')) });
			assert.equal(tk.status, 200);
			const bad = await http(`${o.authorizeUrl}?client_id=nope&redirect_uri=http://x/`, { method: 'GET', redirect: 'manual' });
			assert.equal(bad.status, 400);
		});
		await t.check('POST /_emulator/tokens issues tokens out of process', async () => {
			const r = await http(`${emu.baseUrl}/_emulator/tokens`, { json: { userId: 3, scopes: ['im'] } });
			assert.equal(r.body.user_id, 3);
			assert.equal(expectOk(await http(`${o.clientEndpoint}im.user.get`, { json: { auth: r.body.access_token } })).id, 3);
		});
	},
};
