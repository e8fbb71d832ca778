'use strict';
/** im.chat.*: create, look up, title/color/avatar/owner, mute, leave, members. */
const { RestError, intval, toList } = require('../errors');
const st = require('../state');
const { readChatId, readDialog, requireMember, chatOut, isGeneral, CHAT_COLORS } = require('./common');
const { restFile, imageInfo } = require('./fileData');

const forbidden = (text) => new RestError('ACCESS_ERROR', text, 403);
const wrongRequest = (text) => new RestError('WRONG_REQUEST', text);

/** Chat::isActionAllowed: a member of an existing group chat (private dialogs cannot be renamed, extended, ...). */
function allowed(ctx, chatId, { privateToo = false } = {}) {
	const chat = ctx.state.chats[chatId];
	return chat && st.isMember(chat, ctx.userId) && (privateToo || chat.type !== 'private') ? chat : null;
}

/** An AVATAR value (base64, [name, base64] or a data: URL) -> imageInfo of its bytes, or null. */
function avatarImage(value) {
	const file = value ? restFile(value) : null;
	return file && file.buf ? imageInfo(file.buf) : null;
}

/** The next avatar version of the chat, served under /upload/im/avatar/. */
function setAvatar(ctx, chat, img) {
	chat.avatarVersion = (chat.avatarVersion || 0) + 1;
	chat.avatar = `${ctx.emu.baseUrl || ''}/upload/im/avatar/chat${chat.id}_${chat.avatarVersion}.${img.type === 'jpeg' ? 'jpg' : img.type}`;
}

function userIds(ctx, value) {
	if (value === undefined || value === null || value === '') return [];
	const list = toList(value);
	if (!list) throw new RestError('INVALID_FORMAT', 'Parameter USERS has wrong type');
	return [...new Set(list.map(intval))].filter((id) => ctx.state.users[id]);
}

function chatAdd(ctx) {
	const p = ctx.params;
	const users = userIds(ctx, p.USERS);
	const owner = intval(p.OWNER_ID) > 0 && ctx.state.users[intval(p.OWNER_ID)] ? intval(p.OWNER_ID) : ctx.userId;
	const members = [...new Set([ctx.userId, owner, ...users])];
	const color = String(p.COLOR || '').toUpperCase();
	const title = String(p.TITLE || '').trim()
		|| members.slice(0, 4).map((u) => ctx.state.users[u].firstName).join(', ');
	const chat = st.createChat(ctx.state, {
		type: String(p.TYPE || '').toUpperCase() === 'OPEN' ? 'open' : 'chat', title, owner, users: members,
		description: String(p.DESCRIPTION || ''), color: CHAT_COLORS[color] !== undefined ? color : 'AZURE',
		entityType: String(p.ENTITY_TYPE || ''), entityId: String(p.ENTITY_ID || ''),
	});
	const img = avatarImage(p.AVATAR);
	if (img && img.width <= 5000 && img.height <= 5000) setAvatar(ctx, chat, img);
	if (typeof p.MESSAGE === 'string' && p.MESSAGE.trim() !== '') st.addMessage(ctx.state, chat, ctx.userId, p.MESSAGE.trim());
	return chat.id;
}

/**
 * DIALOG_ID when sent: DIALOG_ID_EMPTY, 403 ACCESS_ERROR without access, 400 when it does not resolve, else the chat
 * data (with dialog_id). Otherwise ENTITY_TYPE + ENTITY_ID (both non-empty) -> { ID }, or null.
 */
function chatGet(ctx) {
	const p = ctx.params;
	if (p.DIALOG_ID !== undefined && p.DIALOG_ID !== null) {
		const { chat, dialogId } = readDialog(ctx);
		requireMember(chat, ctx.userId);
		return Object.assign(chatOut(ctx.state, chat, ctx.userId), { dialog_id: dialogId });
	}
	if (!p.ENTITY_TYPE || !p.ENTITY_ID) return null;
	const chat = Object.values(ctx.state.chats).find((c) => c.entityType === String(p.ENTITY_TYPE)
		&& c.entityId === String(p.ENTITY_ID));
	return chat ? { ID: chat.id } : null;
}

/** CHAT_ID, TITLE_EMPTY, then RENAME allowed (403), then "This title currently set or chat isn't exists". */
function updateTitle(ctx) {
	const chatId = readChatId(ctx);
	const title = String(ctx.params.TITLE === undefined || ctx.params.TITLE === null ? '' : ctx.params.TITLE).trim();
	if (title === '' || title === '0') throw new RestError('TITLE_EMPTY', "Title can't be empty");
	if (!ctx.state.chats[chatId]) throw wrongRequest("This title currently set or chat isn't exists");
	const chat = allowed(ctx, chatId);
	if (!chat) throw forbidden('This chat cannot be renamed');
	if (chat.title === title) throw wrongRequest("This title currently set or chat isn't exists");
	chat.title = title;
	return true;
}

/** CHAT_ID, WRONG_COLOR for a colour outside the palette, then SetColor: same colour or no access -> WRONG_REQUEST. */
function updateColor(ctx) {
	const chatId = readChatId(ctx);
	const color = String(ctx.params.COLOR || '').toUpperCase();
	if (CHAT_COLORS[color] === undefined) throw new RestError('WRONG_COLOR', 'This color currently unavailable');
	const chat = allowed(ctx, chatId);
	if (!chat || chat.color === color) throw wrongRequest("This color currently set or chat isn't exists");
	chat.color = color;
	return true;
}

/**
 * CHAT_ID, then AVATAR allowed (403), then AVATAR: base64 (or [name, base64] or a data: URL) of a PNG, JPEG or GIF
 * by magic bytes ("Avatar incorrect type"), at most 5000x5000 ("Avatar incorrect size"), both AVATAR_ERROR.
 */
function updateAvatar(ctx) {
	const chatId = readChatId(ctx);
	const chat = allowed(ctx, chatId);
	if (!chat) throw forbidden('The avatar of this chat cannot be changed');
	const img = avatarImage(ctx.params.AVATAR);
	if (!img) throw new RestError('AVATAR_ERROR', 'Avatar incorrect type');
	if (!img.width || !img.height || img.width > 5000 || img.height > 5000) {
		throw new RestError('AVATAR_ERROR', 'Avatar incorrect size (max 5000x5000)');
	}
	setAvatar(ctx, chat, img);
	return true;
}

/** CHAT_ID, USER_ID, not the general chat; only the owner, to a member: else WRONG_REQUEST. */
function setOwner(ctx) {
	const chatId = readChatId(ctx);
	const userId = intval(ctx.params.USER_ID);
	if (userId <= 0) throw new RestError('USER_ID_EMPTY', "User ID can't be empty");
	const chat = ctx.state.chats[chatId];
	if (isGeneral(chat)) throw forbidden('Action unavailable');
	if (!chat || chat.type === 'private' || chat.owner !== ctx.userId || !st.isMember(chat, userId)) {
		throw wrongRequest('Change owner can only owner and user must be member in chat');
	}
	chat.owner = userId;
	return true;
}

/** DIALOG_ID (chat ids only) or CHAT_ID, MUTE (alias ACTION; anything but N mutes); MUTE allowed for members. */
function mute(ctx) {
	const chat = allowed(ctx, readChatId(ctx), { privateToo: true });
	if (!chat) throw forbidden('This chat cannot be muted');
	const p = ctx.params;
	const on = String(p.ACTION !== undefined ? p.ACTION : (p.MUTE === undefined ? 'Y' : p.MUTE)) !== 'N';
	const i = chat.muted.indexOf(ctx.userId);
	if (on && i < 0) chat.muted.push(ctx.userId);
	if (!on && i >= 0) chat.muted.splice(i, 1);
	return true;
}

function removeMember(ctx, chat, userId) {
	chat.users = chat.users.filter((u) => u !== userId);
	chat.muted = chat.muted.filter((u) => u !== userId);
	if (chat.owner === userId) chat.owner = chat.users.length ? chat.users[0] : 0;
	delete ctx.state.relations[`${userId}:${chat.id}`];
}

/**
 * im.chat.user.delete / im.chat.leave: CHAT_ID, not the general chat (403), LEAVE allowed (403: private dialog or not a
 * member), USER_ID (user.delete only), then DeleteUser: the user must be a member, and only the owner removes others
 * -> else WRONG_REQUEST. An owner who leaves hands the chat to the next member.
 */
function deleteUser(ctx, { leaving }) {
	const chatId = readChatId(ctx);
	if (isGeneral(ctx.state.chats[chatId])) throw forbidden('Action unavailable');
	const chat = allowed(ctx, chatId);
	if (!chat) throw forbidden('It is forbidden to delete users of this chat');
	const userId = intval(ctx.params.USER_ID);
	if (!leaving && userId <= 0) throw new RestError('USER_ID_EMPTY', "User ID can't be empty");
	const target = userId > 0 ? userId : ctx.userId;
	if (!st.isMember(chat, target) || (target !== ctx.userId && chat.owner !== ctx.userId)) {
		throw wrongRequest("You don't have access or user isn't member in chat");
	}
	removeMember(ctx, chat, target);
	return true;
}

/**
 * CHAT_ID, not the general chat, EXTEND allowed (403), then AddUser: no new existing user -> WRONG_REQUEST.
 * HIDE_HISTORY (default Y): new members see only messages sent after they joined.
 */
function userAdd(ctx) {
	const chatId = readChatId(ctx);
	if (isGeneral(ctx.state.chats[chatId])) throw forbidden('Action unavailable');
	const chat = allowed(ctx, chatId);
	if (!chat) throw forbidden('It is forbidden to add users to this chat');
	let users = ctx.params.USERS;
	if (typeof users === 'string') {
		try {
			users = JSON.parse(users);
		} catch {
			users = [users];
		}
	}
	const list = toList(users) || (users === undefined || users === null ? [] : [users]);
	const added = userIds(ctx, list).filter((id) => !st.isMember(chat, id));
	if (added.length === 0) throw wrongRequest("You don't have access or user already member in chat");
	const hideHistory = String(ctx.params.HIDE_HISTORY === undefined ? 'Y' : ctx.params.HIDE_HISTORY) !== 'N';
	for (const id of added) {
		chat.users.push(id);
		const rel = st.relation(ctx.state, id, chat.id);
		rel.lastReadMessageId = chat.lastMessageId;
		rel.historyFrom = hideHistory ? chat.lastMessageId : 0;
	}
	return true;
}

/** CHAT_ID, not the general chat (403); the member ids, or 403 ACCESS_ERROR for a chat the caller is not in. */
function userList(ctx) {
	const chatId = readChatId(ctx);
	const chat = ctx.state.chats[chatId];
	if (isGeneral(chat)) throw forbidden('Action unavailable');
	if (!chat || !st.isMember(chat, ctx.userId)) throw forbidden("You don't have access to this chat");
	return chat.users.slice();
}

module.exports = {
	scope: 'im',
	upper: true,
	methods: {
		'im.chat.add': chatAdd,
		'im.chat.get': chatGet,
		'im.chat.updatetitle': updateTitle,
		'im.chat.updatecolor': updateColor,
		'im.chat.updateavatar': updateAvatar,
		'im.chat.setowner': setOwner,
		'im.chat.mute': mute,
		'im.chat.leave': (ctx) => deleteUser(ctx, { leaving: true }),
		'im.chat.user.add': userAdd,
		'im.chat.user.delete': (ctx) => deleteUser(ctx, { leaving: false }),
		'im.chat.user.list': userList,
	},
};
