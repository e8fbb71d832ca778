'use strict';
/**
 * imbot.v2 bot events: one queue per bot, read with imbot.v2.Event.get (b24restdocs imbot.v2/events/*.md), and
 * im.v2.Chat.Bot.sendContext (imbot.v2/bot-context.md), which delivers ONIMBOTV2CONTEXTGET.
 *
 * Fed from what each method call changed (changes.js), for every live v2 bot:
 * - ONIMBOTV2MESSAGEADD / MESSAGEUPDATE / MESSAGEDELETE: messages of others (never the bot's own, never system
 *   messages) in chats the bot is in, when addressed to it: always in a private chat or an Open Channel chat
 *   (`LINES`), always for `supervisor` and `personal` bots, otherwise only when the text mentions it
 *   (`[USER=<botId>]`; for an update, the text before or after; for a delete, the text before).
 * - ONIMBOTV2COMMANDADD: a message whose text starts with one of the bot's commands (`/help text`, context
 *   `textarea`; the bot then gets no MESSAGEADD for it), where the command is usable (`common`, or the bot is in the
 *   chat), and a keyboard button pressed (im.message.command on a message, context `keyboard`).
 * - ONIMBOTV2JOINCHAT: the bot added to a chat, or a user's private chat with it opened (its first message or
 *   sendContext); `user` is who added it (the other party of a private chat). Not for a chat the bot made itself.
 * - ONIMBOTV2REACTIONCHANGE: a reaction of someone else on the bot's message, when the bot has reactions enabled.
 * - ONIMBOTV2CONTEXTGET: sendContext {dialogId: the bot's id, context} by a user (after the JOINCHAT of a new dialog).
 * - ONIMBOTV2DELETE: the bot unregistered; its last event.
 *
 * Event.get {botId, offset, limit, withUserEvents}: ids come from the portal-wide counter the user events use, so
 * one `offset` confirms (deletes) the bot's events below it and, with withUserEvents (scope `im`, the caller
 * subscribed with im.v2.Event.subscribe), the caller's user events below it; the answer merges both by id. Bot
 * events are kept until confirmed (the docs give no retention). A deleted bot's queue stays readable by its owner
 * until ONIMBOTV2DELETE is confirmed; then the bot is BOT_NOT_FOUND like for every other method.
 */
const { RestError, intval, isoDate } = require('../errors');
const st = require('../state');
const userEvents = require('./events');
const { chatV2, userV2, messageV2 } = require('./v2objects');
const core = require('./botCore');

function store(state) {
	if (!state.imbotEvents) state.imbotEvents = { queues: {}, commandCalls: [] };
	return state.imbotEvents;
}

function push(state, bot, type, data) {
	const ts = userEvents.now(state);
	const queue = store(state).queues[bot.id] || (store(state).queues[bot.id] = []);
	queue.push({ eventId: userEvents.nextEventId(state), type, ts, date: isoDate(ts),
		data: Object.assign({ bot: core.botOut(state, bot) }, data) });
}

const mentions = (text, botId) => new RegExp(`\\[user=${botId}(?:\\D[^\\]]*)?\\]`, 'i').test(text || '');

function addressed(bot, chat, authorId, text) {
	if (authorId === bot.id || authorId === 0 || !chat.users.includes(bot.id)) return false;
	if (chat.type === 'private' || chat.entityType === 'LINES') return true;
	return bot.type === 'supervisor' || bot.type === 'personal' || mentions(text, bot.id);
}

/** The message data of an event for `bot` (chat as the bot names it, the author as `user`). */
function about(state, bot, chat, userId, extra) {
	return Object.assign(extra, { chat: chatV2(state, chat, bot.id), user: userV2(state, userId), language: 'en' });
}

function commandEvent(state, bot, command, { params, context, msg, chat, userId }) {
	store(state).commandCalls.push({ botId: bot.id, commandId: command.id, messageId: msg.id });
	push(state, bot, 'ONIMBOTV2COMMANDADD', about(state, bot, chat, userId, {
		command: { id: command.id, command: `/${command.command}`, params, context }, message: messageV2(msg) }));
}

/** The bots a typed command goes to (each gets COMMANDADD instead of MESSAGEADD). */
function typedCommands(state, bots, msg, chat) {
	const handled = new Set();
	const m = /^\/([^\s/]+)(?:\s+([\s\S]*))?$/.exec((msg.text || '').trim());
	if (!m || msg.authorId === 0) return handled;
	for (const bot of bots) {
		const command = bot.id !== msg.authorId && bot.commands.find((c) => c.command.toLowerCase() === m[1].toLowerCase());
		if (!command || !(command.common || chat.users.includes(bot.id))) continue;
		commandEvent(state, bot, command, { params: (m[2] || '').trim(), context: 'textarea', msg, chat, userId: msg.authorId });
		handled.add(bot.id);
	}
	return handled;
}

function recordMessages(state, bots, changes) {
	for (const msg of changes.added) {
		const chat = state.chats[msg.chatId];
		const handled = typedCommands(state, bots, msg, chat);
		for (const bot of bots) {
			if (handled.has(bot.id) || !addressed(bot, chat, msg.authorId, msg.text)) continue;
			push(state, bot, 'ONIMBOTV2MESSAGEADD', about(state, bot, chat, msg.authorId, { message: messageV2(msg) }));
		}
	}
	const changed = changes.deleted || changes.updated;
	if (!changed) return;
	const chat = state.chats[changed.chatId];
	const text = changes.deleted ? changes.previousText : `${changes.previousText}\n${changed.text}`;
	for (const bot of bots) {
		if (!addressed(bot, chat, changed.authorId, text)) continue;
		if (changes.deleted) push(state, bot, 'ONIMBOTV2MESSAGEDELETE', about(state, bot, chat, changed.authorId, { messageId: changed.id }));
		else push(state, bot, 'ONIMBOTV2MESSAGEUPDATE', about(state, bot, chat, changed.authorId, { message: messageV2(changed) }));
	}
}

function record(ctx, changes) {
	const state = ctx.state;
	const bots = core.liveBots(state);
	const byId = (id) => bots.find((bot) => bot.id === id);
	for (const { chat, userId } of changes.joins) {
		const bot = byId(userId);
		if (!bot || bot.id === ctx.actingBotId) continue;
		// A private or Open Channel chat opens with its other party; elsewhere someone added the bot.
		const opened = chat.type === 'private' || chat.entityType === 'LINES';
		const by = opened ? chat.users.find((u) => u !== bot.id) : ctx.actingBotId || ctx.userId;
		push(state, bot, 'ONIMBOTV2JOINCHAT', about(state, bot, chat, by, { dialogId: st.dialogIdFor(chat, bot.id) }));
	}
	if (ctx.botContext) {
		const { bot, chat, context } = ctx.botContext;
		push(state, bot, 'ONIMBOTV2CONTEXTGET', about(state, bot, chat, ctx.userId, { dialogId: st.dialogIdFor(chat, bot.id), context }));
	}
	recordMessages(state, bots, changes);
	for (const entry of changes.commands) {
		const bot = byId(entry.botId);
		const command = bot && bot.commands.find((c) => c.command === entry.command);
		if (!command) continue;
		commandEvent(state, bot, command, { params: entry.params, context: 'keyboard', msg: state.messages[entry.messageId],
			chat: state.chats[entry.chatId], userId: entry.userId });
	}
	for (const { msg, userId, reaction, action } of changes.reactions) {
		const bot = byId(msg.authorId);
		if (!bot || !bot.isReactionsEnabled || userId === bot.id) continue;
		push(state, bot, 'ONIMBOTV2REACTIONCHANGE', about(state, bot, state.chats[msg.chatId], userId,
			{ reaction, action, message: messageV2(msg) }));
	}
}

/** ONIMBOTV2DELETE with the bot as it was (unregister). */
function botDeleted(state, bot, last) {
	push(state, bot, 'ONIMBOTV2DELETE', {});
	const queue = store(state).queues[bot.id];
	queue[queue.length - 1].data = { bot: last };
}

function userEventsAllowed(ctx) {
	if (!ctx.auth.scopes.includes('im')) throw core.fail('SCOPE_ERROR', 'Scope error', 403);
	if (!ctx.state.users[ctx.userId]) throw core.fail('AUTH_ERROR', 'Auth error', 401);
	if (!userEvents.isSubscribed(ctx.state, ctx.userId)) throw core.fail('USER_NOT_SUBSCRIBED', 'User not subscribed');
}

function get(ctx) {
	const state = ctx.state;
	const bot = core.requireBot(ctx, { allowDeleted: true });
	const queues = store(state).queues;
	if (bot.deleted && !(queues[bot.id] || []).length) throw core.fail('BOT_NOT_FOUND', 'Bot not found');
	const withUserEvents = core.bool(ctx.params.withUserEvents, false);
	if (withUserEvents) userEventsAllowed(ctx);
	const cursor = userEvents.readCursor(ctx.params);
	if (cursor.hasOffset && cursor.offset > 0) queues[bot.id] = (queues[bot.id] || []).filter((e) => e.eventId >= cursor.offset);
	let events = (queues[bot.id] || []).filter((e) => e.eventId >= cursor.offset);
	if (withUserEvents) {
		events = events.concat(userEvents.takeFrom(state, ctx.userId, cursor.offset, cursor.hasOffset))
			.sort((a, b) => a.eventId - b.eventId);
	}
	return userEvents.page(events, cursor);
}

/** im.v2.Chat.Bot.sendContext {dialogId: the bot's id, context}: as when a user opens the bot's dialog with context. */
function sendContext(ctx) {
	const p = ctx.params;
	const botId = intval(p.dialogId);
	const bot = String(p.dialogId === undefined ? '' : p.dialogId).trim() === String(botId)
		&& core.liveBots(ctx.state).find((entry) => entry.id === botId);
	if (!bot) throw new RestError('BOT_NOT_FOUND', 'Bot not found');
	let context = p.context;
	if (typeof context === 'string') {
		try {
			context = JSON.parse(context);
		} catch {
			context = {};
		}
	}
	const chat = st.privateChat(ctx.state, ctx.userId, bot.id, true);
	ctx.botContext = { bot, chat, context: core.object(context) };
	return true;
}

/** The events waiting in a bot's queue (tests). */
function botEventsOf(state, botId) {
	return (store(state).queues[Number(botId)] || []).slice();
}

/** Whether `commandId` of the bot was used on `messageId` (Command.answer's access). */
function commandUsedOn(state, botId, commandId, messageId) {
	return store(state).commandCalls.some((c) => c.botId === botId && c.commandId === commandId && c.messageId === messageId);
}

module.exports = {
	scope: 'imbot',
	upper: false,
	methods: {
		'imbot.v2.event.get': get,
		'im.v2.chat.bot.sendcontext': { fn: sendContext, scope: 'im' },
	},
	recorder: { active: (state) => core.liveBots(state).length > 0, record },
	botDeleted, botEventsOf, commandUsedOn,
};
