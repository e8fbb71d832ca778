'use strict';
/**
 * The OAuth server part: /oauth/token/ (authorization_code and refresh_token grants, GET query or
 * POST form/JSON, client credentials also from an HTTP Basic header) and /oauth/authorize/.
 * Refresh tokens rotate: a used one answers 400 invalid_grant.
 */
const { parseRequestParams } = require('./parsing');

function oauthError(status, error, description) {
	return { status, body: { error, error_description: description } };
}

function basicCredentials(header) {
	const m = /^Basic\s+(\S+)/i.exec(header || '');
	if (!m) return {};
	const decoded = Buffer.from(m[1], 'base64').toString('utf8');
	const i = decoded.indexOf(':');
	if (i < 0) return {};
	return { clientId: decodeURIComponent(decoded.slice(0, i)), clientSecret: decodeURIComponent(decoded.slice(i + 1)) };
}

/** Runs the token endpoint; returns { status, body, params } (params for the log, secrets masked). */
function tokenEndpoint(emu, req, url, body) {
	const params = parseRequestParams(url.search, body, req.headers['content-type']);
	const basic = basicCredentials(req.headers.authorization);
	const clientId = params.client_id || basic.clientId;
	const clientSecret = params.client_secret || basic.clientSecret;
	const logged = Object.assign({}, params, params.client_secret ? { client_secret: '***' } : {});
	const store = emu.credentials;
	const grant = params.grant_type;
	const done = (r) => Object.assign(r, { params: logged });

	if (grant !== 'authorization_code' && grant !== 'refresh_token') {
		return done(oauthError(400, 'invalid_request', 'Unsupported or missing grant_type'));
	}
	if (clientId !== store.clientId || clientSecret !== store.clientSecret) {
		return done(oauthError(401, 'invalid_client', 'Invalid client credentials'));
	}
	if (grant === 'authorization_code') {
		const code = store.codes.get(params.code);
		if (!code || code.used) return done(oauthError(400, 'invalid_grant', 'Invalid authorization code'));
		code.used = true;
		if (code.expiresAt < Date.now()) return done(oauthError(400, 'invalid_grant', 'The authorization code has expired'));
		return done({ status: 200, body: emu.issueTokens({ userId: code.userId, scopes: code.scopes }) });
	}
	const refresh = store.refreshTokens.get(params.refresh_token);
	if (!refresh || refresh.used) return done(oauthError(400, 'invalid_grant', 'Invalid refresh token'));
	refresh.used = true;
	return done({ status: 200, body: emu.issueTokens({ userId: refresh.userId, scopes: refresh.scopes }) });
}

function htmlPage(res, status, text) {
	res.writeHead(status, { 'Content-Type': 'text/html; charset=UTF-8' });
	res.end(`<!DOCTYPE html><html><body><h1>Authorization error</h1><p>${text}</p></body></html>`);
}

/**
 * /oauth/authorize/?client_id=..&state=..[&redirect_uri=..][&user_id=N]: the user is taken as logged in
 * (user_id, an emulator extension, default 1), so it redirects at once with code, state, domain, member_id,
 * scope and server_domain. Failures show an HTML page, like Bitrix24.
 */
function authorizeEndpoint(emu, req, res, url) {
	const q = Object.fromEntries(url.searchParams);
	if (q.client_id !== emu.credentials.clientId) return htmlPage(res, 400, 'Application not found');
	const redirect = q.redirect_uri || emu.options.oauthRedirectUri;
	if (!redirect) return htmlPage(res, 400, 'The application has no redirect URL');
	const userId = Number(q.user_id || 1);
	if (!emu.state.users[userId]) return htmlPage(res, 400, 'User not found');
	const scopes = emu.options.oauthScopes;
	const code = emu.issueAuthorizationCode({ userId, scopes });
	const target = new URL(redirect);
	const host = new URL(emu.baseUrl).host;
	const add = { code, state: q.state, domain: host, member_id: emu.state.portal.memberId, scope: scopes.join(','),
		server_domain: host };
	for (const [k, v] of Object.entries(add)) if (v !== undefined) target.searchParams.set(k, v);
	res.writeHead(302, { Location: target.toString() });
	res.end();
}

module.exports = { tokenEndpoint, authorizeEndpoint };
