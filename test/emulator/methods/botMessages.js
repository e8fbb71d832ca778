'use strict';
/**
 * imbot.v2 messages (b24restdocs imbot.v2/messages/*.md): Chat.Message.send, update, delete, read, get, getContext,
 * Chat.Message.Reaction.add / delete.
 *
 * - send: EMPTY_MESSAGE without text and attach; `attach` checked like im.message.add (ATTACH_ERROR, ATTACH_OVERSIZE
 *   over 60 000 characters); text over 20 000 characters is cut and ends with " (...)" (no error, as documented);
 *   `keyboard` as a JSON string, {BOT_ID, BUTTONS} or a button list (stored as {BOT_ID, BUTTONS}); `system` posts
 *   without an author. Answers {id, uuidMap}.
 * - update / delete: the bot's own message (delete also any message of a chat the bot administers); anything else,
 *   a missing or an already deleted message included, is ACCESS_DENIED. `keyboard: "N"` (or empty) removes it.
 * - get / getContext: BOT_TYPE_NOT_ALLOWED but for `supervisor` and `personal`; then MESSAGE_NOT_FOUND,
 *   MESSAGE_ACCESS_DENIED (the bot is not in the message's chat).
 * - Reaction.add: ACCESS_DENIED, REACTION_NOT_FOUND (not one of the 48 codes), REACTION_ALREADY_SET; delete of a
 *   reaction that is not set answers true.
 */
const { intval } = require('../errors');
const st = require('../state');
const { checkAttach, jsonValue } = require('./message');
const { messageV2, userV2 } = require('./v2objects');
const core = require('./botCore');

const { fail, accessDenied, object } = core;

const MAX_TEXT = 20000;
const CUT_MARK = ' (...)';
const REACTIONS = ('like dislike faceWithTearsOfJoy redHeart neutralFace fire cry slightlySmilingFace winkingFace laugh kiss '
	+ 'wonder slightlyFrowningFace loudlyCryingFace faceWithStuckOutTongue faceWithStuckOutTongueAndWinkingEye '
	+ 'smilingFaceWithSunglasses confusedFace flushedFace thinkingFace angry smilingFaceWithHorns faceWithThermometer '
	+ 'facepalm poo flexedBiceps clappingHands raisedHand smilingFaceWithHeartEyes smilingFaceWithHearts pleadingFace '
	+ 'relievedFace foldedHands okHand signHorns loveYouGesture clownFace partyingFace questionMark exclamationMark '
	+ 'lightBulb bomb sleepingSymbol crossMark whiteHeavyCheckMark eyes handshake hundredPoints').split(' ');
const done = { result: true };

function cut(text) {
	return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - CUT_MARK.length)}${CUT_MARK}` : text;
}

/** A keyboard as sent -> {BOT_ID, BUTTONS}; `N` or empty -> null (none); anything unreadable is ignored (undefined). */
function keyboardOf(value, botId) {
	if (value === undefined) return undefined;
	if (value === null || value === '' || value === 'N') return null;
	const parsed = jsonValue(value);
	const buttons = Array.isArray(parsed) ? parsed : parsed && typeof parsed === 'object' ? parsed.BUTTONS : undefined;
	const list = Array.isArray(buttons) ? buttons : buttons && typeof buttons === 'object' ? Object.values(buttons) : null;
	if (!list) return undefined;
	return { BOT_ID: intval(parsed.BOT_ID) || botId, BUTTONS: list };
}

/** The message content of send, update and Command.answer: text (cut), attach, keyboard, urlPreview. */
function content(fields, botId) {
	const text = typeof fields.message === 'string' ? cut(fields.message.trim()) : undefined;
	const attach = checkAttach(fields.attach, { allowN: false });
	const keyboard = keyboardOf(fields.keyboard, botId);
	const params = {};
	if (attach !== undefined) params.ATTACH = attach;
	if (keyboard) params.KEYBOARD = keyboard;
	if (core.bool(fields.urlPreview, true) === false) params.URL_PREVIEW = 'N';
	return { text, attach, keyboard, params };
}

function send(ctx) {
	const state = ctx.state;
	const bot = core.requireBot(ctx);
	const chat = core.memberChat(ctx, bot);
	const fields = object(ctx.params.fields);
	const { text, attach, params } = content(fields, bot.id);
	if (!text && attach === undefined) throw fail('EMPTY_MESSAGE', 'Message is empty');
	const reply = state.messages[intval(fields.replyId)];
	if (reply && reply.chatId === chat.id) params.REPLY_ID = reply.id;
	const system = core.bool(fields.system, false);
	const msg = st.addMessage(state, chat, system ? 0 : bot.id, text || '', params);
	if (system) st.markRead(state, bot.id, chat, msg.id);
	return { id: msg.id, uuidMap: {} };
}

/** The message the bot may change: its own, or (`adminToo`) any in a chat it administers; else ACCESS_DENIED. */
function changeable(ctx, bot, { adminToo = false } = {}) {
	const msg = ctx.state.messages[intval(ctx.params.messageId)];
	const chat = msg && ctx.state.chats[msg.chatId];
	const own = msg && msg.authorId === bot.id;
	const admin = adminToo && chat && ['owner', 'manager'].includes(core.role(chat, bot.id));
	if (!msg || msg.deleted || !chat || !(own || admin)) throw accessDenied();
	return msg;
}

function update(ctx) {
	const bot = core.requireBot(ctx);
	const msg = changeable(ctx, bot);
	const fields = object(ctx.params.fields);
	const { text, attach, keyboard } = content(fields, bot.id);
	if (text) msg.text = text;
	if (attach !== undefined) msg.params.ATTACH = attach;
	if (keyboard === null) delete msg.params.KEYBOARD;
	else if (keyboard) msg.params.KEYBOARD = keyboard;
	if (fields.urlPreview !== undefined) msg.params.URL_PREVIEW = core.bool(fields.urlPreview, true) ? 'Y' : 'N';
	msg.params.IS_EDITED = 'Y';
	return done;
}

function remove(ctx) {
	const bot = core.requireBot(ctx);
	const msg = changeable(ctx, bot, { adminToo: true });
	msg.deleted = true;
	msg.text = '';
	msg.params = { IS_DELETED: 'Y' };
	return done;
}

function read(ctx) {
	const state = ctx.state;
	const bot = core.requireBot(ctx);
	const chat = core.memberChat(ctx, bot);
	const upTo = intval(ctx.params.messageId);
	if (upTo > 0 && !chat.messageIds.includes(upTo)) throw fail('MESSAGE_NOT_FOUND', 'Message not found');
	const before = st.relation(state, bot.id, chat.id).lastReadMessageId;
	const rel = st.markRead(state, bot.id, chat, upTo > 0 ? upTo : null);
	const viewed = chat.messageIds.filter((id) => id > before && id <= rel.lastReadMessageId && state.messages[id].authorId !== bot.id);
	return { chatId: chat.id, lastId: rel.lastReadMessageId, counter: st.unreadCount(state, bot.id, chat), viewedMessages: viewed };
}

/** Message.get / getContext: only supervisor and personal bots, then the message, then the bot's access to it. */
function readable(ctx, bot) {
	if (!['supervisor', 'personal'].includes(bot.type)) throw fail('BOT_TYPE_NOT_ALLOWED', 'Bot type not allowed');
	const msg = ctx.state.messages[intval(ctx.params.messageId)];
	if (!msg || msg.deleted) throw fail('MESSAGE_NOT_FOUND', 'Message not found');
	if (!st.isMember(ctx.state.chats[msg.chatId], bot.id)) throw fail('MESSAGE_ACCESS_DENIED', 'Message access denied', 403);
	return msg;
}

function get(ctx) {
	const bot = core.requireBot(ctx);
	const msg = readable(ctx, bot);
	return { message: messageV2(msg), user: userV2(ctx.state, msg.authorId) };
}

function getContext(ctx) {
	const state = ctx.state;
	const bot = core.requireBot(ctx);
	const msg = readable(ctx, bot);
	const range = Math.min(50, intval(ctx.params.range) > 0 ? intval(ctx.params.range) : 50);
	const ids = state.chats[msg.chatId].messageIds.filter((id) => !state.messages[id].deleted);
	const at = ids.indexOf(msg.id);
	const picked = ids.slice(Math.max(0, at - range), at + range + 1).map((id) => state.messages[id]);
	const authors = [...new Set(picked.map((m) => m.authorId).filter((id) => id > 0))];
	return { messages: picked.map(messageV2), users: authors.map((id) => userV2(state, id)),
		hasPrevPage: at - range > 0, hasNextPage: at + range + 1 < ids.length };
}

/** The message a reaction goes on (the bot must be in its chat), and the reaction's users. */
function reactionTarget(ctx, bot) {
	const msg = ctx.state.messages[intval(ctx.params.messageId)];
	if (!msg || msg.deleted || !st.isMember(ctx.state.chats[msg.chatId], bot.id)) throw accessDenied();
	const code = String(ctx.params.reaction || '');
	if (!REACTIONS.includes(code)) throw fail('REACTION_NOT_FOUND', 'Reaction not found');
	if (code === 'like') return msg.likes;
	msg.reactions = msg.reactions || {};
	return msg.reactions[code] || (msg.reactions[code] = []);
}

function reactionAdd(ctx) {
	const bot = core.requireBot(ctx);
	const users = reactionTarget(ctx, bot);
	if (users.includes(bot.id)) throw fail('REACTION_ALREADY_SET', 'Reaction already set');
	users.push(bot.id);
	return done;
}

function reactionDelete(ctx) {
	const bot = core.requireBot(ctx);
	const users = reactionTarget(ctx, bot);
	if (users.includes(bot.id)) users.splice(users.indexOf(bot.id), 1);
	return done;
}

module.exports = {
	scope: 'imbot',
	upper: false,
	methods: {
		'imbot.v2.chat.message.send': send,
		'imbot.v2.chat.message.update': update,
		'imbot.v2.chat.message.delete': remove,
		'imbot.v2.chat.message.read': read,
		'imbot.v2.chat.message.get': get,
		'imbot.v2.chat.message.getcontext': getContext,
		'imbot.v2.chat.message.reaction.add': reactionAdd,
		'imbot.v2.chat.message.reaction.delete': reactionDelete,
	},
	content,
};
