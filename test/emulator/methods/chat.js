'use strict';
/** im.chat.*: create, look up, title/color/avatar/owner, mute, leave, members. */
const { RestError, intval, toList, yn } = require('../errors');
const st = require('../state');
const { readChatId, readDialog, requireMember, chatOut, CHAT_COLORS } = require('./common');
const { restFile, imageInfo } = require('./disk');

function groupChat(ctx, chatId) {
	const chat = ctx.state.chats[chatId];
	if (!chat || !st.isMember(chat, ctx.userId)) throw new RestError('ACCESS_ERROR', "You don't have access to this chat", 403);
	return chat;
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
	const avatar = p.AVATAR ? restFile(p.AVATAR) : null;
	const img = avatar && avatar.buf ? imageInfo(avatar.buf) : null;
	if (img && img.width <= 5000 && img.height <= 5000) {
		chat.avatarVersion = 1;
		chat.avatar = `${ctx.emu.baseUrl || ''}/upload/im/avatar/chat${chat.id}_1.${img.type === 'jpeg' ? 'jpg' : img.type}`;
	}
	if (typeof p.MESSAGE === 'string' && p.MESSAGE.trim() !== '') st.addMessage(ctx.state, chat, ctx.userId, p.MESSAGE.trim());
	return chat.id;
}

/** ENTITY_TYPE + ENTITY_ID -> { ID } or null; DIALOG_ID -> the chat data (older cores). */
function chatGet(ctx) {
	const p = ctx.params;
	if (p.DIALOG_ID !== undefined && p.ENTITY_TYPE === undefined) {
		const { chat } = readDialog(ctx);
		return chat && st.isMember(chat, ctx.userId) ? chatOut(ctx.state, chat, ctx.userId) : null;
	}
	if (!p.ENTITY_TYPE || !p.ENTITY_ID) return null;
	const chat = Object.values(ctx.state.chats).find((c) => c.entityType === String(p.ENTITY_TYPE)
		&& c.entityId === String(p.ENTITY_ID));
	return chat ? { ID: chat.id } : null;
}

function updateTitle(ctx) {
	const chat = groupChat(ctx, readChatId(ctx));
	const title = String(ctx.params.TITLE || '').trim();
	if (title === '') throw new RestError('TITLE_EMPTY', "Title can't be empty");
	if (chat.type === 'private') throw new RestError('WRONG_REQUEST', 'Chat title not changed');
	chat.title = title;
	return true;
}

function updateColor(ctx) {
	const chat = groupChat(ctx, readChatId(ctx));
	const color = String(ctx.params.COLOR || '').toUpperCase();
	if (CHAT_COLORS[color] === undefined) throw new RestError('WRONG_COLOR', 'This color currently unavailable');
	if (chat.color === color) throw new RestError('WRONG_REQUEST', "This color currently set or chat doesn't exist");
	chat.color = color;
	return true;
}

/** AVATAR: base64 (or [name, base64]) of a PNG, JPEG or GIF up to 5000x5000, else AVATAR_ERROR. */
function updateAvatar(ctx) {
	const chatId = readChatId(ctx);
	const value = ctx.params.AVATAR;
	if (value === undefined || value === null || value === '') throw new RestError('AVATAR_ERROR', "Avatar can't be empty");
	const chat = groupChat(ctx, chatId);
	const file = restFile(value);
	const img = file && file.buf ? imageInfo(file.buf) : null;
	if (!img || img.width > 5000 || img.height > 5000) throw new RestError('AVATAR_ERROR', 'Avatar incorrect');
	chat.avatarVersion = (chat.avatarVersion || 0) + 1;
	chat.avatar = `${ctx.emu.baseUrl || ''}/upload/im/avatar/chat${chat.id}_${chat.avatarVersion}.${img.type === 'jpeg' ? 'jpg' : img.type}`;
	return true;
}

function setOwner(ctx) {
	const chat = groupChat(ctx, readChatId(ctx));
	const userId = intval(ctx.params.USER_ID);
	if (userId <= 0) throw new RestError('USER_ID_EMPTY', "User ID can't be empty");
	if (chat.owner !== ctx.userId || !st.isMember(chat, userId)) {
		throw new RestError('WRONG_REQUEST', 'Change owner can only owner and user must be member in chat');
	}
	chat.owner = userId;
	return true;
}

function mute(ctx) {
	let chat;
	if (ctx.params.CHAT_ID !== undefined) chat = groupChat(ctx, readChatId(ctx));
	else chat = requireMember(readDialog(ctx).chat, ctx.userId, "You don't have access to this chat");
	const on = yn(ctx.params.MUTE, true);
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

function leave(ctx) {
	const chat = groupChat(ctx, readChatId(ctx));
	if (chat.type === 'private') throw new RestError('ACCESS_DENIED_KICK', "You don't have access to leave this chat", 403);
	removeMember(ctx, chat, ctx.userId);
	return true;
}

function userAdd(ctx) {
	const chat = groupChat(ctx, readChatId(ctx));
	if (chat.type === 'private') throw new RestError('ACCESS_DENIED_EXTEND', "You don't have access to extend this chat", 403);
	const list = toList(ctx.params.USERS);
	if (!list || list.length === 0) throw new RestError('USERS_EMPTY', "Users can't be empty");
	const hideHistory = yn(ctx.params.HIDE_HISTORY, true);
	for (const id of userIds(ctx, list)) {
		if (st.isMember(chat, id)) continue;
		chat.users.push(id);
		const rel = st.relation(ctx.state, id, chat.id);
		rel.lastReadMessageId = chat.lastMessageId;
		rel.historyFrom = hideHistory ? chat.lastMessageId : 0;
	}
	return true;
}

function userDelete(ctx) {
	const chat = groupChat(ctx, readChatId(ctx));
	const userId = intval(ctx.params.USER_ID);
	if (userId <= 0) throw new RestError('USER_ID_EMPTY', "User ID can't be empty");
	if (!st.isMember(chat, userId)) throw new RestError('USER_NOT_FOUND', 'User not found in this chat');
	if (chat.type === 'private' || (userId !== ctx.userId && chat.owner !== ctx.userId)) {
		throw new RestError('ACCESS_DENIED_KICK', "You don't have access to kick this user", 403);
	}
	removeMember(ctx, chat, userId);
	return true;
}

function userList(ctx) {
	return groupChat(ctx, readChatId(ctx)).users.slice();
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
		'im.chat.leave': leave,
		'im.chat.user.add': userAdd,
		'im.chat.user.delete': userDelete,
		'im.chat.user.list': userList,
	},
};
