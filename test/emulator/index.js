'use strict';
/**
 * A stateful Bitrix24 portal emulator for tests, demos and benchmarks: a real HTTP server on 127.0.0.1
 * with webhook and OAuth auth, the im.* methods, batch, limits and injectable faults.
 * Usage: const emu = await startEmulator({ port: 0 }); ... await emu.close();
 */
const { createServer } = require('./server');
const { createSeedState } = require('./seed');
const { CredentialStore, DEFAULT_APP_SCOPES } = require('./auth');
const { LeakyBucket, OperatingTracker } = require('./limits');
const { FaultQueue, Refusals } = require('./faults');
const { callMethod } = require('./rest');
const { buildRegistry, recorded } = require('./methods');
const { customerMessage } = require('./methods/openlines');
const { botEventsOf } = require('./methods/botEvents');
const stateLib = require('./state');

const ADMIN_SCOPES = ['im', 'imbot', 'imopenlines', 'user', 'user_basic', 'department', 'disk', 'crm', 'task'];

class Emulator {
	constructor(options = {}) {
		this.options = Object.assign({
			port: 0, host: '127.0.0.1', rateLimit: { burst: 50, drainPerSecond: 2 }, latencyMs: 0,
			accessTokenLifetimeSec: 3600, operatingLimit: false, oauthRedirectUri: undefined,
			oauthScopes: DEFAULT_APP_SCOPES, verbose: false,
		}, options);
		this.latencyMs = Number(this.options.latencyMs) || 0;
		this.credentials = new CredentialStore(this.options);
		this.hooks = {
			admin: this.credentials.addWebhook(1, ADMIN_SCOPES, this.options.adminSecret),
			noIm: this.credentials.addWebhook(1, ['user', 'crm', 'task']),
			user2: this.credentials.addWebhook(2, ['im', 'user']),
			user3: this.credentials.addWebhook(3, ['im', 'user']),
		};
		this.methods = buildRegistry();
		this.bucket = new LeakyBucket(this.options.rateLimit);
		this.operating = new OperatingTracker(this.options.operatingLimit);
		this.faults = new FaultQueue();
		this.refusals = new Refusals();
		this.log = [];
		this.seq = 0;
		this.state = createSeedState();
		this.hanging = new Set();
		this.timers = new Set();
		this.closed = false;
		this.baseUrl = null;
	}

	async listen() {
		this.server = createServer(this);
		await new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(this.options.port, this.options.host, () => resolve());
		});
		this.baseUrl = `http://${this.options.host}:${this.server.address().port}`;
		return this;
	}

	get webhooks() {
		const out = {};
		for (const [name, h] of Object.entries(this.hooks)) {
			out[name] = { userId: h.userId, secret: h.secret, scopes: h.scopes.slice(), url: `${this.baseUrl}/rest/${h.userId}/${h.secret}/` };
		}
		return out;
	}

	/** Adds another webhook (e.g. for user 3); returns it like emu.webhooks.* */
	addWebhook({ userId, scopes = ['im', 'user'], name }) {
		const h = this.credentials.addWebhook(Number(userId), scopes);
		this.hooks[name || `user${userId}_${h.secret.slice(0, 4)}`] = h;
		return { userId: h.userId, secret: h.secret, scopes: h.scopes.slice(), url: `${this.baseUrl}/rest/${h.userId}/${h.secret}/` };
	}

	get oauth() {
		return {
			clientId: this.credentials.clientId, clientSecret: this.credentials.clientSecret, serverUrl: this.baseUrl,
			tokenUrl: `${this.baseUrl}/oauth/token/`, clientEndpoint: `${this.baseUrl}/rest/`,
			authorizeUrl: `${this.baseUrl}/oauth/authorize/`, scopes: this.options.oauthScopes.slice(),
		};
	}

	endpoints() {
		return { oauthHost: new URL(this.baseUrl).host, serverEndpoint: `${this.baseUrl}/rest/`,
			clientEndpoint: `${this.baseUrl}/rest/`, memberId: this.state.portal.memberId };
	}

	issueTokens({ userId = 1, scopes = this.options.oauthScopes } = {}) {
		return this.credentials.issueTokens({ userId, scopes }, this.endpoints());
	}

	issueAuthorizationCode({ userId = 1, scopes = this.options.oauthScopes } = {}) {
		return this.credentials.issueCode({ userId, scopes });
	}

	expireAllTokens() {
		this.credentials.expireAll();
	}

	callMethod(auth, method, params, extra) {
		return callMethod(this, auth, method, params, extra);
	}

	record(entry) {
		entry.seq = ++this.seq;
		this.log.push(entry);
	}

	clearLog() {
		this.log.length = 0;
	}

	setLatency(ms) {
		this.latencyMs = Math.max(0, Number(ms) || 0);
	}

	injectFault(kind, opts) {
		this.faults.add(kind, opts);
	}

	/** Refuses calls of `method` with these parameters from now on (see Refusals); reset() forgets them. */
	refuseCalls(rule) {
		this.refusals.add(rule);
	}

	setRateLimit(rateLimit) {
		this.bucket.configure(rateLimit);
	}

	setOperatingLimit(operatingLimit) {
		this.operating.configure(operatingLimit);
	}

	reset() {
		this.state = createSeedState();
		this.clearLog();
		this.bucket.reset();
		this.operating.reset();
		this.faults.clear();
		this.refusals.clear();
	}

	/** Read markers of `userId` in `dialogId` (as that user names it), or null when the dialog does not exist. */
	readState(userId, dialogId) {
		const chat = /^\d+$/.test(String(dialogId))
			? stateLib.privateChat(this.state, Number(userId), Number(dialogId), false)
			: stateLib.resolveDialog(this.state, Number(userId), String(dialogId));
		if (!chat) return null;
		const rel = stateLib.relation(this.state, Number(userId), chat.id);
		return {
			chatId: chat.id, lastReadMessageId: rel.lastReadMessageId, firstUnreadMessageId: rel.firstUnreadMessageId,
			unreadCount: stateLib.unreadCount(this.state, Number(userId), chat), manualUnread: rel.manualUnread,
			pinned: rel.pinned, hidden: rel.hidden, muted: chat.muted.includes(Number(userId)),
		};
	}

	/** Messages of a dialog (as `userId`, default 1, names it), oldest first. */
	messagesOf(dialogId, userId = 1) {
		const chat = /^\d+$/.test(String(dialogId))
			? stateLib.privateChat(this.state, Number(userId), Number(dialogId), false)
			: stateLib.resolveDialog(this.state, Number(userId), String(dialogId));
		return chat ? chat.messageIds.map((id) => this.state.messages[id]) : [];
	}

	/**
	 * A customer writes to an Open Channel served by the v2 bot `botId` (see methods/openlines.js); the bot's queue
	 * gets the events. Returns { chatId, dialogId, messageId, customerId }.
	 */
	openlineMessage(options) {
		return recorded({ state: this.state, userId: 0 }, () => customerMessage(this.state, options));
	}

	/** The events waiting in the queue of the imbot.v2 bot `botId`, oldest first. */
	botEventsOf(botId) {
		return botEventsOf(this.state, botId);
	}

	countersOf(userId) {
		return this.methods.get('im.counters.get').fn({ userId: Number(userId), state: this.state, params: {} });
	}

	info() {
		return { baseUrl: this.baseUrl, webhooks: this.webhooks, oauth: this.oauth, rateLimit: this.bucket.enabled
			? { burst: this.bucket.burst, drainPerSecond: this.bucket.drainPerSecond } : false, latencyMs: this.latencyMs,
		operatingLimit: this.operating.enabled ? { limitSec: this.operating.limitSec, windowSec: this.operating.windowMs / 1000 } : false };
	}

	sleep(ms) {
		if (!ms) return Promise.resolve();
		return new Promise((resolve) => {
			const t = setTimeout(() => {
				this.timers.delete(t);
				resolve();
			}, ms);
			this.timers.add(t);
		});
	}

	trackHanging(res) {
		this.hanging.add(res);
		res.on('close', () => this.hanging.delete(res));
	}

	onHandlerError(err) {
		if (this.options.verbose) process.stderr.write(`[emulator] handler error: ${err.stack || err}\n`);
	}

	async close() {
		if (this.closed) return;
		this.closed = true;
		for (const t of this.timers) clearTimeout(t);
		this.timers.clear();
		for (const res of this.hanging) res.destroy();
		this.hanging.clear();
		const done = new Promise((resolve) => this.server.close(() => resolve()));
		this.server.closeAllConnections();
		await done;
	}
}

async function startEmulator(options) {
	const emu = new Emulator(options);
	return emu.listen();
}

module.exports = { startEmulator, Emulator };
