'use strict';
/**
 * imbot.v2 shared rules (b24restdocs api-reference/chat-bots/chat-bots-v2, facts `bitrix24-chatbots.md` §1): who may
 * act for a bot, the bot objects, and a bot's view of dialogs.
 *
 * A bot belongs to the application that registered it: an OAuth app by its client id, a webhook by the bot's
 * `botToken` (any webhook of the portal that sends the token acts for the bot; the docs do not tie it to one webhook).
 * The common checks run in the docs' order: BOT_TOKEN_NOT_SPECIFIED (webhook without a token), BOT_ID_REQUIRED,
 * BOT_NOT_FOUND, BOT_OWNERSHIP_ERROR (another app, or another token). A token belongs to one bot.
 *
 * state.bots[id] { id, version: 2, code, type, owner ('token:<botToken>' | 'oauth:<client id>'), eventMode, webhookUrl,
 *   isHidden, isReactionsEnabled, isSupportOpenline, backgroundId, commands[], deleted } (id = the bot's user id; the
 *   seed's v1 bot 6 has no `version`).
 */
const { RestError, intval } = require('../errors');
const st = require('../state');
const { chatV2, userV2 } = require('./v2objects');

const fail = (code, description, status = 400) => new RestError(code, description, status);
const accessDenied = () => fail('ACCESS_DENIED', 'Access denied', 403);

/** Booleans as the v2 controllers read them: true/false, 'Y'/'N', '1'/'0', 'true'/'false' (batch sends '1'/'0'). */
function bool(value, fallback) {
	if (value === undefined || value === null || value === '') return fallback;
	if (typeof value === 'boolean') return value;
	return ['y', '1', 'true'].includes(String(value).toLowerCase());
}

/** A token as sent: a string that is not blank, else null. */
function tokenOf(value) {
	return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function object(value) {
	return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

/** The application of the call: the webhook's bot token (from `token`), or the OAuth app. */
function callerApp(ctx, token) {
	if (ctx.auth.type !== 'webhook') return ctx.auth.credentialKey;
	if (!tokenOf(token)) throw fail('BOT_TOKEN_NOT_SPECIFIED', 'Bot token is not specified');
	return `token:${token}`;
}

function v2Bots(state) {
	return Object.values(state.bots).filter((bot) => bot.version === 2);
}

function liveBots(state) {
	return v2Bots(state).filter((bot) => !bot.deleted);
}

/** The bot the call acts for, after the common checks; `allowDeleted` for reading a deleted bot's last events. */
function requireBot(ctx, { allowDeleted = false } = {}) {
	const app = callerApp(ctx, ctx.params.botToken);
	const botId = intval(ctx.params.botId);
	if (botId <= 0) throw fail('BOT_ID_REQUIRED', 'Bot ID is required');
	const bot = ctx.state.bots[botId];
	if (!bot || bot.version !== 2 || (bot.deleted && !allowDeleted)) throw fail('BOT_NOT_FOUND', 'Bot not found');
	if (bot.owner !== app) throw fail('BOT_OWNERSHIP_ERROR', 'Bot is registered by another application', 403);
	ctx.actingBotId = bot.id;
	return bot;
}

/** The brief Bot object (any caller). */
function botBrief(bot) {
	return { id: bot.id, code: bot.code, type: bot.type, isHidden: bot.isHidden, isSupportOpenline: bot.isSupportOpenline,
		isReactionsEnabled: bot.isReactionsEnabled, backgroundId: bot.backgroundId, language: 'en' };
}

/** The extended Bot object (the owner, and fetch-mode events). */
function botOut(state, bot) {
	const chats = Object.values(state.chats).filter((chat) => chat.users.includes(bot.id));
	return Object.assign(botBrief(bot), {
		moduleId: 'rest', eventMode: bot.eventMode,
		countMessage: Object.values(state.messages).filter((msg) => msg.authorId === bot.id).length,
		countCommand: bot.commands.length, countChat: chats.filter((chat) => chat.type !== 'private').length,
		countUser: chats.filter((chat) => chat.type === 'private').length,
	});
}

/** Register / update / get answer: the bot and its user. */
function botAnswer(state, bot) {
	return { bot: botOut(state, bot), users: [userV2(state, bot.id)] };
}

/**
 * A dialog as the bot names it: `chatN`, or a user id for the private chat with that user (created on first use).
 * Anything else, or a chat that does not exist, is CHAT_NOT_FOUND.
 */
function botChat(ctx, bot, dialogId = ctx.params.dialogId) {
	const text = typeof dialogId === 'number' ? String(dialogId) : typeof dialogId === 'string' ? dialogId.trim() : '';
	const chat = /^(chat\d+|\d+)$/i.test(text) ? st.resolveDialog(ctx.state, bot.id, text) : null;
	if (!chat) throw fail('CHAT_NOT_FOUND', 'Chat not found');
	return chat;
}

/** The dialog, which the bot must be a member of (else ACCESS_DENIED). */
function memberChat(ctx, bot, dialogId) {
	const chat = botChat(ctx, bot, dialogId);
	if (!st.isMember(chat, bot.id)) throw accessDenied();
	return chat;
}

function role(chat, userId) {
	if (chat.owner === userId) return 'owner';
	if ((chat.managers || []).includes(userId)) return 'manager';
	return st.isMember(chat, userId) ? 'member' : 'none';
}

/** A chat as imbot.v2's chat methods answer it for the bot. */
function chatOutFor(state, chat, bot) {
	return Object.assign(chatV2(state, chat, bot.id), {
		role: role(chat, bot.id), managerList: (chat.managers || []).slice(), userCounter: chat.users.length,
		messageCount: chat.messageIds.length, lastMessageId: chat.lastMessageId, dateCreate: chat.dateCreate,
	});
}

/** A list of user ids from an array, a map or a comma list; unknown users are dropped. */
function userIdsOf(state, value) {
	const list = Array.isArray(value) ? value : value && typeof value === 'object' ? Object.values(value)
		: typeof value === 'string' || typeof value === 'number' ? String(value).split(',') : [];
	return [...new Set(list.map(intval))].filter((id) => id > 0 && state.users[id]);
}

module.exports = { fail, accessDenied, bool, tokenOf, object, callerApp, v2Bots, liveBots, requireBot, botBrief, botOut,
	botAnswer, botChat, memberChat, role, chatOutFor, userIdsOf };
