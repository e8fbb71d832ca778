'use strict';
/**
 * Credentials: incoming webhooks (/rest/<userId>/<secret>/...) and OAuth access/refresh tokens.
 * Resolution follows the server: Bearer header first, then the `auth` / `access_token` parameters,
 * which are removed from the method parameters.
 */
const crypto = require('node:crypto');
const { RestError } = require('./errors');

const DEFAULT_APP_SCOPES = ['im', 'imbot', 'imopenlines', 'user', 'department', 'disk'];

function randomToken(bytes) {
	return crypto.randomBytes(bytes).toString('hex');
}

/** Secrets look like Bitrix24's: 16 lower-case alphanumerics. */
function webhookSecret() {
	const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
	const bytes = crypto.randomBytes(16);
	return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

class CredentialStore {
	constructor({ accessTokenLifetimeSec = 3600, clientId, clientSecret }) {
		this.accessTokenLifetimeSec = accessTokenLifetimeSec;
		this.clientId = clientId || `local.${randomToken(7)}.${String(crypto.randomInt(10000000, 99999999))}`;
		this.clientSecret = clientSecret || randomToken(25);
		this.webhooks = new Map(); // secret -> { userId, secret, scopes }
		this.clear();
	}

	clear() {
		this.accessTokens = new Map(); // token -> { userId, scopes, expires (unix s) }
		this.refreshTokens = new Map(); // token -> { userId, scopes, used }
		this.codes = new Map(); // code -> { userId, scopes, expiresAt (ms), used }
	}

	addWebhook(userId, scopes, secret = webhookSecret()) {
		const hook = { userId, secret, scopes: scopes.slice() };
		this.webhooks.set(secret, hook);
		return hook;
	}

	issueTokens({ userId = 1, scopes = DEFAULT_APP_SCOPES } = {}, endpoints) {
		const now = Math.floor(Date.now() / 1000);
		const access = randomToken(35);
		const refresh = randomToken(35);
		const list = Array.isArray(scopes) ? scopes.slice() : String(scopes).split(',').map((s) => s.trim()).filter(Boolean);
		const expires = now + this.accessTokenLifetimeSec;
		this.accessTokens.set(access, { userId: Number(userId), scopes: list, expires });
		this.refreshTokens.set(refresh, { userId: Number(userId), scopes: list, used: false });
		return {
			access_token: access,
			expires,
			expires_in: this.accessTokenLifetimeSec,
			scope: list.join(','),
			domain: endpoints.oauthHost,
			server_endpoint: endpoints.serverEndpoint,
			status: 'L',
			client_endpoint: endpoints.clientEndpoint,
			member_id: endpoints.memberId,
			user_id: Number(userId),
			refresh_token: refresh,
		};
	}

	issueCode({ userId = 1, scopes = DEFAULT_APP_SCOPES } = {}) {
		const code = randomToken(35);
		this.codes.set(code, { userId: Number(userId), scopes: scopes.slice(), expiresAt: Date.now() + 30000, used: false });
		return code;
	}

	expireAll() {
		const past = Math.floor(Date.now() / 1000) - 1;
		for (const t of this.accessTokens.values()) t.expires = Math.min(t.expires, past);
	}
}

/** Takes the OAuth token out of the request: Bearer header first, then `auth`, then `access_token`. */
function takeToken(headers, params) {
	const header = headers.authorization || '';
	const m = /^Bearer\s+(\S+)/i.exec(header);
	let token = m ? m[1] : null;
	for (const name of ['auth', 'access_token']) {
		if (!token && typeof params[name] === 'string' && params[name] !== '') token = params[name];
		delete params[name];
	}
	return token;
}

/**
 * Resolves the caller. `target` is { kind: 'webhook', userId, secret } or { kind: 'oauth' }.
 * Returns { type, userId, scopes, credentialKey } or throws the RestError the server would send.
 */
function authenticate(store, target, headers, params) {
	if (target.kind === 'webhook') {
		delete params.auth;
		delete params.access_token;
		const hook = store.webhooks.get(target.secret);
		if (!hook || String(hook.userId) !== target.userId) {
			throw new RestError('INVALID_CREDENTIALS', 'Invalid request credentials', 401);
		}
		return { type: 'webhook', userId: hook.userId, scopes: hook.scopes, credentialKey: `webhook:${hook.secret}` };
	}
	const token = takeToken(headers, params);
	if (!token) throw new RestError('NO_AUTH_FOUND', 'Wrong authorization data', 401);
	const info = store.accessTokens.get(token);
	if (!info) throw new RestError('invalid_token', 'The access token provided is invalid', 401);
	if (info.expires <= Math.floor(Date.now() / 1000)) {
		throw new RestError('expired_token', 'The access token provided has expired', 401);
	}
	return { type: 'oauth', userId: info.userId, scopes: info.scopes, credentialKey: `oauth:${store.clientId}`, token };
}

/** Throws insufficient_scope when the credential lacks the method's scope (null scope = always allowed). */
function checkScope(auth, scope) {
	if (!scope || auth.scopes.includes(scope)) return;
	const by = auth.type === 'webhook' ? 'webhook token' : 'access token';
	throw new RestError('insufficient_scope', `The request requires higher privileges than provided by the ${by}`, 401);
}

module.exports = { CredentialStore, authenticate, checkScope, DEFAULT_APP_SCOPES };
