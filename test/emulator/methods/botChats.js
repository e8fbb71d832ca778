'use strict';
/**
 * imbot.v2 chats and chat interface (b24restdocs imbot.v2/chats/*.md, imbot.v2/ui/*.md): Chat.add, get, update,
 * leave, setOwner, Chat.User.add / delete / list, Chat.Manager.add / delete, Chat.InputAction.notify,
 * Chat.TextField.enabled. After the common checks: an unknown dialog is CHAT_NOT_FOUND, a dialog the bot is not in
 * ACCESS_DENIED (403). Adding and removing members needs the bot to be an admin (owner or manager), managing managers
 * and handing over the chat its owner. Silent no-ops as the docs say: unknown users in add, non-members in
 * Manager.add, removing someone who is not a member (documented idempotent), an unknown colour (automatic).
 */
const st = require('../state');
const { intval } = require('../errors');
const { decodeBase64, imageInfo } = require('./fileData');
const { userV2 } = require('./v2objects');
const core = require('./botCore');

const { accessDenied, object } = core;

/** v2 colour names (chat-add.md) -> the portal's chat colours. */
const COLORS = { red: 'RED', green: 'GREEN', mint: 'MINT', lightBlue: 'LIGHT_BLUE', darkBlue: 'DARK_BLUE', purple: 'PURPLE',
	aqua: 'AQUA', pink: 'PINK', lime: 'LIME', brown: 'BROWN', azure: 'AZURE', khaki: 'KHAKI', sand: 'SAND', marengo: 'MARENGO',
	gray: 'GRAY', graphite: 'GRAPHITE' };
const ACTIONS = ['THINKING', 'SEARCHING', 'GENERATING', 'ANALYZING', 'PROCESSING', 'TRANSLATING', 'CONNECTING', 'CHECKING',
	'CALCULATING', 'READING_DOCS', 'COMPOSING'].map((action) => `IMBOT_AGENT_ACTION_${action}`);
const done = { result: true };

function applyLooks(ctx, chat, fields) {
	if (typeof fields.title === 'string' && fields.title.trim() !== '') chat.title = fields.title.trim();
	if (typeof fields.description === 'string') chat.description = fields.description;
	if (COLORS[fields.color]) chat.color = COLORS[fields.color];
	const buf = typeof fields.avatar === 'string' ? decodeBase64(fields.avatar) : null;
	const img = buf ? imageInfo(buf) : null;
	if (img) chat.avatar = `${ctx.emu.baseUrl || ''}/upload/im/avatar/chat${chat.id}_${Date.now()}.${img.type === 'jpeg' ? 'jpg' : img.type}`;
}

function isAdmin(chat, botId) {
	return ['owner', 'manager'].includes(core.role(chat, botId));
}

/** A group chat the bot administers (private dialogs have no members to manage). */
function adminChat(ctx, bot, { ownerOnly = false } = {}) {
	const chat = core.memberChat(ctx, bot);
	const allowed = chat.type !== 'private' && (ownerOnly ? chat.owner === bot.id : isAdmin(chat, bot.id));
	if (!allowed) throw accessDenied();
	return chat;
}

function chatAdd(ctx) {
	const state = ctx.state;
	const bot = core.requireBot(ctx);
	const fields = object(ctx.params.fields);
	const owner = intval(fields.ownerId) > 0 && state.users[intval(fields.ownerId)] ? intval(fields.ownerId) : bot.id;
	const users = [...new Set([bot.id, owner, ...core.userIdsOf(state, fields.userIds)])];
	const chat = st.createChat(state, { type: 'chat', owner, users,
		title: users.slice(0, 4).map((u) => state.users[u].firstName).join(', ') });
	applyLooks(ctx, chat, fields);
	if (typeof fields.message === 'string' && fields.message.trim() !== '') st.addMessage(state, chat, bot.id, fields.message.trim());
	return { chat: core.chatOutFor(state, chat, bot), users: users.map((u) => userV2(state, u)) };
}

function chatGet(ctx) {
	const bot = core.requireBot(ctx);
	return { chat: core.chatOutFor(ctx.state, core.memberChat(ctx, bot), bot) };
}

function chatUpdate(ctx) {
	const bot = core.requireBot(ctx);
	applyLooks(ctx, core.memberChat(ctx, bot), object(ctx.params.fields));
	return done;
}

function leave(ctx) {
	const bot = core.requireBot(ctx);
	const chat = core.memberChat(ctx, bot);
	if (chat.type === 'private') throw accessDenied();
	chat.users = chat.users.filter((u) => u !== bot.id);
	chat.managers = (chat.managers || []).filter((u) => u !== bot.id);
	return done;
}

function setOwner(ctx) {
	const bot = core.requireBot(ctx);
	const chat = adminChat(ctx, bot, { ownerOnly: true });
	const userId = intval(ctx.params.userId);
	if (!st.isMember(chat, userId)) throw accessDenied();
	chat.owner = userId;
	return done;
}

function userAdd(ctx) {
	const bot = core.requireBot(ctx);
	const chat = adminChat(ctx, bot);
	for (const userId of core.userIdsOf(ctx.state, ctx.params.userIds)) if (!chat.users.includes(userId)) chat.users.push(userId);
	return done;
}

function userDelete(ctx) {
	const bot = core.requireBot(ctx);
	const chat = adminChat(ctx, bot);
	const userId = intval(ctx.params.userId);
	chat.users = chat.users.filter((u) => u !== userId || u === bot.id);
	chat.managers = (chat.managers || []).filter((u) => u !== userId);
	return done;
}

function userList(ctx) {
	const bot = core.requireBot(ctx);
	const chat = core.memberChat(ctx, bot);
	const limit = Math.min(200, intval(ctx.params.limit) > 0 ? intval(ctx.params.limit) : 50);
	const order = object(ctx.params.order);
	const desc = String(order.id || order.userId || 'ASC').toUpperCase() === 'DESC';
	const ids = chat.users.slice().sort((a, b) => (desc ? b - a : a - b));
	return ids.slice(0, limit).map((u) => userV2(ctx.state, u));
}

/** Chat.Manager.add / delete: EMPTY_USER_IDS comes before the bot is looked up (the docs' order). */
function managers(add) {
	return (ctx) => {
		core.callerApp(ctx, ctx.params.botToken);
		if (intval(ctx.params.botId) <= 0) throw core.fail('BOT_ID_REQUIRED', 'Bot ID is required');
		const ids = core.userIdsOf(ctx.state, ctx.params.userIds);
		const sent = ctx.params.userIds;
		if (sent === undefined || sent === null || sent === '' || (Array.isArray(sent) && sent.length === 0)) {
			throw core.fail('EMPTY_USER_IDS', 'Empty user IDs');
		}
		const bot = core.requireBot(ctx);
		const chat = adminChat(ctx, bot, { ownerOnly: true });
		const current = chat.managers || [];
		chat.managers = add ? [...new Set([...current, ...ids.filter((u) => st.isMember(chat, u))])] : current.filter((u) => !ids.includes(u));
		return done;
	};
}

function inputAction(ctx) {
	const bot = core.requireBot(ctx);
	const chat = core.memberChat(ctx, bot);
	const code = ACTIONS.includes(ctx.params.statusMessageCode) ? ctx.params.statusMessageCode : null;
	const duration = Math.min(600, Math.max(1, intval(ctx.params.duration) || 30));
	chat.inputAction = { botId: bot.id, code, until: Date.now() + duration * 1000 };
	return done;
}

function textField(ctx) {
	const bot = core.requireBot(ctx);
	core.memberChat(ctx, bot).textFieldEnabled = core.bool(ctx.params.enabled, true);
	return done;
}

module.exports = {
	scope: 'imbot',
	upper: false,
	methods: {
		'imbot.v2.chat.add': chatAdd,
		'imbot.v2.chat.get': chatGet,
		'imbot.v2.chat.update': chatUpdate,
		'imbot.v2.chat.leave': leave,
		'imbot.v2.chat.setowner': setOwner,
		'imbot.v2.chat.user.add': userAdd,
		'imbot.v2.chat.user.delete': userDelete,
		'imbot.v2.chat.user.list': userList,
		'imbot.v2.chat.manager.add': managers(true),
		'imbot.v2.chat.manager.delete': managers(false),
		'imbot.v2.chat.inputaction.notify': inputAction,
		'imbot.v2.chat.textfield.enabled': textField,
	},
};
