'use strict';
/**
 * Open Channels for chat bots (b24restdocs api-reference/imopenlines/openlines/chat-bots/*.md,
 * tutorials/chat-bots/open-lines-bot.md): imopenlines.bot.session.transfer and .finish (scope `imopenlines`), and
 * customerMessage(), the test API's stand-in for a customer writing to an Open Channel the bot serves.
 *
 * The bot is found by the application: a webhook passes the bot's `botToken` as CLIENT_ID, an OAuth app is its client
 * id. One of the application's bots must be in the chat, else BOT_ID_ERROR ("no registered chat bot found").
 * - transfer: CHAT_ID_EMPTY, USER_ID_EMPTY / QUEUE_ID_EMPTY (sent but <= 0), TRANSFER_ID_EMPTY (no target at all;
 *   USER_ID wins over QUEUE_ID over TRANSFER_ID, which is a user id or `queue<ID>`), BOT_ID_ERROR, OPERATOR_WRONG (no
 *   session waiting on the bot, an unknown or inactive user, a bot, the customer, an unknown queue). The operator
 *   joins; LEAVE=Y makes the bot leave at once (N: it stays). Answers true.
 * - finish: CHAT_ID_EMPTY, BOT_ID_ERROR; the session closes (a closed one stays closed: true again).
 *
 * state.openlines { configs: {id: {id, name, queue: [userIds]}}, sessions: {chatId: {chatId, configId, botId,
 *   customerId, status: 'bot' | 'operator' | 'closed', operatorId}} }. The seed has line 1 "Website chat" with the
 *   queue [4, 5].
 */
const { RestError, intval } = require('../errors');
const st = require('../state');
const core = require('./botCore');

const wrong = () => new RestError('OPERATOR_WRONG', 'You cannot redirect to this operator');

function lines(state) {
	if (!state.openlines) state.openlines = { configs: { 1: { id: 1, name: 'Website chat', queue: [4, 5] } }, sessions: {} };
	return state.openlines;
}

function chatIdOf(params) {
	const chatId = intval(params.CHAT_ID);
	if (chatId <= 0) throw new RestError('CHAT_ID_EMPTY', "Chat ID can't be empty");
	return chatId;
}

/** The application's bot in the chat (CLIENT_ID = the bot's token for a webhook). */
function sessionBot(ctx, chatId) {
	const token = core.tokenOf(ctx.params.CLIENT_ID);
	const app = ctx.auth.type === 'webhook' ? token && `token:${token}` : ctx.auth.credentialKey;
	const chat = ctx.state.chats[chatId];
	const bot = app && chat && core.liveBots(ctx.state).find((entry) => entry.owner === app && chat.users.includes(entry.id));
	if (!bot) throw new RestError('BOT_ID_ERROR', 'Bot not found');
	return { bot, chat };
}

/** The transfer's target: { userId } or { queueId }, in the server's order of precedence. */
function targetOf(p) {
	if (p.USER_ID !== undefined && p.USER_ID !== null) {
		if (intval(p.USER_ID) <= 0) throw new RestError('USER_ID_EMPTY', "User ID can't be empty");
		return { userId: intval(p.USER_ID) };
	}
	if (p.QUEUE_ID !== undefined && p.QUEUE_ID !== null) {
		if (intval(p.QUEUE_ID) <= 0) throw new RestError('QUEUE_ID_EMPTY', "QUEUE ID can't be empty");
		return { queueId: intval(p.QUEUE_ID) };
	}
	const transfer = String(p.TRANSFER_ID === undefined || p.TRANSFER_ID === null ? '' : p.TRANSFER_ID).trim();
	const queue = /^queue(\d+)$/i.exec(transfer);
	if (queue) return { queueId: intval(queue[1]) };
	if (/^\d+$/.test(transfer) && intval(transfer) > 0) return { userId: intval(transfer) };
	throw new RestError('TRANSFER_ID_EMPTY', "Queue ID or User ID can't be empty");
}

function operatorFor(state, session, target) {
	if (target.queueId) {
		const config = lines(state).configs[target.queueId];
		return config ? config.queue.find((u) => state.users[u] && state.users[u].active) : undefined;
	}
	const user = state.users[target.userId];
	return user && user.active && !user.bot && target.userId !== session.customerId ? target.userId : undefined;
}

function transfer(ctx) {
	const state = ctx.state;
	const p = ctx.params;
	const chatId = chatIdOf(p);
	const target = targetOf(p);
	const { bot, chat } = sessionBot(ctx, chatId);
	const session = lines(state).sessions[chatId];
	const operatorId = session && session.status === 'bot' ? operatorFor(state, session, target) : undefined;
	if (!operatorId) throw wrong();
	Object.assign(session, { status: 'operator', operatorId });
	if (!chat.users.includes(operatorId)) chat.users.push(operatorId);
	const operator = state.users[operatorId];
	st.addMessage(state, chat, 0, `The conversation was transferred to ${operator.firstName} ${operator.lastName}`, { OPENLINES: 'TRANSFER' });
	if (String(p.LEAVE || 'N').toUpperCase() === 'Y') chat.users = chat.users.filter((u) => u !== bot.id);
	return true;
}

function finish(ctx) {
	const state = ctx.state;
	const chatId = chatIdOf(ctx.params);
	const { chat } = sessionBot(ctx, chatId);
	const session = lines(state).sessions[chatId];
	if (session && session.status !== 'closed') {
		session.status = 'closed';
		st.addMessage(state, chat, 0, 'The conversation is finished', { OPENLINES: 'FINISH' });
	}
	return true;
}

/**
 * A customer's message to an Open Channel served by `botId` (a v2 bot of type openline, or one that supports Open
 * Channels): the customer's chat and session are created on their first message. Returns { chatId, dialogId,
 * messageId, customerId }. Run it through the method recorder (index.js), so that the bot's queue gets the events.
 */
function customerMessage(state, { botId, text, customerName = 'Website visitor', configId = 1 }) {
	const bot = core.liveBots(state).find((entry) => entry.id === Number(botId));
	if (!bot || !(bot.type === 'openline' || bot.isSupportOpenline)) throw new Error(`Bot ${botId} does not serve Open Channels`);
	if (!lines(state).configs[configId]) throw new Error(`Unknown Open Channel ${configId}`);
	let session = Object.values(lines(state).sessions).find((s) => s.botId === bot.id && s.status !== 'closed'
		&& state.users[s.customerId].firstName === customerName && s.configId === configId);
	if (!session) {
		state.seq.user = Math.max(state.seq.user || 0, ...Object.keys(state.users).map(Number)) + 1;
		const customerId = state.seq.user;
		state.users[customerId] = { id: customerId, active: true, firstName: customerName, lastName: '', workPosition: '',
			gender: 'M', admin: false, email: '', color: 'gray', status: 'online', departments: [], lastActivityDate: false,
			connector: true };
		const chat = st.createChat(state, { type: 'lines', title: customerName, owner: 0, users: [customerId, bot.id],
			entityType: 'LINES', entityId: `livechat|${configId}|${customerId}` });
		session = { chatId: chat.id, configId, botId: bot.id, customerId, status: 'bot', operatorId: 0 };
		lines(state).sessions[chat.id] = session;
	}
	const chat = state.chats[session.chatId];
	const msg = st.addMessage(state, chat, session.customerId, String(text));
	return { chatId: chat.id, dialogId: `chat${chat.id}`, messageId: msg.id, customerId: session.customerId };
}

module.exports = {
	scope: 'imopenlines',
	upper: true,
	methods: {
		'imopenlines.bot.session.transfer': transfer,
		'imopenlines.bot.session.finish': finish,
	},
	customerMessage, lines,
};
