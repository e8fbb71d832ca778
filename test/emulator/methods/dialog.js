'use strict';
/** im.dialog.*: unread/read markers, dialog data, message history, members, typing. */
const { RestError, NavResult, intval } = require('../errors');
const st = require('../state');
const { readDialog, requireMember, chatOut, messageOut, userOut, limitOf, offsetOf, dialogEmpty } = require('./common');
const { filesOfMessages } = require('./disk');

/** CIMRestService::dialogUnread: MESSAGE_ID checked first, then DIALOG_ID; always `true`. */
function dialogUnread(ctx) {
	const p = ctx.params;
	const messageId = intval(p.MESSAGE_ID);
	if (messageId <= 0) throw new RestError('MESSAGE_ID_ERROR', "First unread message id can't be empty");
	if (!st.isDialogId(p.DIALOG_ID)) throw dialogEmpty();
	const chat = st.resolveDialog(ctx.state, ctx.userId, String(p.DIALOG_ID));
	if (chat && st.isMember(chat, ctx.userId)) st.markUnread(ctx.state, ctx.userId, chat, messageId);
	return true;
}

function readNotifications(state, userId) {
	let lastId = 0;
	for (const n of Object.values(state.notifications)) {
		if (n.userId !== userId) continue;
		n.read = true;
		lastId = Math.max(lastId, n.id);
	}
	return lastId;
}

/** MESSAGE_ID (alias LAST_ID) optional; `false` when the caller has no access. */
function dialogRead(ctx) {
	const p = ctx.params;
	const raw = p.MESSAGE_ID !== undefined ? p.MESSAGE_ID : p.LAST_ID;
	const messageId = intval(raw) > 0 ? intval(raw) : null;
	if (p.DIALOG_ID === 'notify') {
		const lastId = readNotifications(ctx.state, ctx.userId);
		return { dialogId: 'notify', chatId: 0, lastId, counter: 0 };
	}
	if (!st.isDialogId(p.DIALOG_ID)) throw dialogEmpty();
	const chat = st.resolveDialog(ctx.state, ctx.userId, String(p.DIALOG_ID));
	if (!chat || !st.isMember(chat, ctx.userId)) return false;
	const rel = st.markRead(ctx.state, ctx.userId, chat, messageId);
	return { dialogId: String(p.DIALOG_ID), chatId: chat.id, lastId: rel.lastReadMessageId,
		counter: st.unreadCount(ctx.state, ctx.userId, chat) };
}

function dialogReadAll(ctx) {
	for (const chat of st.chatsOf(ctx.state, ctx.userId)) st.markRead(ctx.state, ctx.userId, chat, null);
	readNotifications(ctx.state, ctx.userId);
	return true;
}

function dialogGet(ctx) {
	const { chat } = readDialog(ctx);
	requireMember(chat, ctx.userId);
	return chatOut(ctx.state, chat, ctx.userId);
}

/**
 * CHAT_ID > 0 wins over DIALOG_ID; DIALOG_ID_EMPTY; 403 ACCESS_ERROR without access (also for an unknown chat); then
 * FIRST_ID (newer than it, oldest first) or else LAST_ID (older than it, newest first), each digits only
 * (FIRST_ID_STRING / LAST_ID_STRING); neither: the newest. LIMIT 20, max 50. A member added with HIDE_HISTORY=Y (the
 * default) sees only messages sent after joining.
 */
function dialogMessagesGet(ctx) {
	const p = ctx.params;
	const dialogId = intval(p.CHAT_ID) > 0 ? `chat${intval(p.CHAT_ID)}` : p.DIALOG_ID;
	if (!st.isDialogId(dialogId)) throw dialogEmpty();
	const chat = st.resolveDialog(ctx.state, ctx.userId, String(dialogId));
	if (!chat || !st.isMember(chat, ctx.userId)) {
		throw new RestError('ACCESS_ERROR', 'You do not have access to the specified dialog', 403);
	}
	const present = (v) => v !== undefined && v !== null;
	let firstId = null;
	let lastId = null;
	if (present(p.FIRST_ID)) {
		if (!/^\d+$/.test(String(p.FIRST_ID))) throw new RestError('FIRST_ID_STRING', "First ID can't be string");
		firstId = Number(p.FIRST_ID);
	} else if (present(p.LAST_ID)) {
		if (!/^\d+$/.test(String(p.LAST_ID))) throw new RestError('LAST_ID_STRING', "Last ID can't be string");
		lastId = Number(p.LAST_ID);
	}
	const limit = limitOf(p.LIMIT, 20, 50);
	const hiddenUpTo = st.relation(ctx.state, ctx.userId, chat.id).historyFrom || 0;
	const ids = hiddenUpTo ? chat.messageIds.slice(st.upperBound(chat.messageIds, hiddenUpTo)) : chat.messageIds;
	let picked;
	if (firstId !== null) {
		const from = st.upperBound(ids, firstId);
		picked = ids.slice(from, from + limit);
	} else {
		const end = lastId !== null && lastId > 0 ? st.upperBound(ids, lastId - 1) : ids.length;
		picked = ids.slice(Math.max(0, end - limit), end).reverse();
	}
	const messages = picked.map((id) => messageOut(ctx.state, ctx.state.messages[id], ctx.userId));
	const authors = [...new Set(messages.map((m) => m.author_id).filter((a) => a > 0))];
	return { chat_id: chat.id, messages, users: authors.filter((a) => ctx.state.users[a]).map((a) => userOut(ctx.state.users[a])),
		files: filesOfMessages(ctx, picked.map((id) => ctx.state.messages[id])) };
}

function dialogUsersList(ctx) {
	const p = ctx.params;
	const { chat } = readDialog(ctx);
	requireMember(chat, ctx.userId);
	const limit = limitOf(p.LIMIT, 50, 200);
	const members = chat.users.slice().sort((a, b) => a - b).map((u) => ctx.state.users[u]).filter(Boolean);
	if (p.LAST_ID !== undefined) {
		const last = intval(p.LAST_ID);
		return members.filter((u) => u.id > last).slice(0, limit).map(userOut);
	}
	const offset = offsetOf(ctx);
	const page = members.slice(offset, offset + limit).map(userOut);
	const next = offset + limit < members.length ? offset + limit : undefined;
	return new NavResult(page, { next, total: members.length });
}

/** DIALOG_ID when sent (DIALOG_ID_EMPTY), else CHAT_ID when sent (CHAT_ID_EMPTY); no access or neither -> 403. */
function dialogWriting(ctx) {
	const p = ctx.params;
	let dialogId = null;
	if (p.DIALOG_ID !== undefined && p.DIALOG_ID !== null) {
		if (!st.isDialogId(p.DIALOG_ID)) throw dialogEmpty();
		dialogId = String(p.DIALOG_ID);
	} else if (p.CHAT_ID !== undefined && p.CHAT_ID !== null) {
		if (intval(p.CHAT_ID) <= 0) throw new RestError('CHAT_ID_EMPTY', "Chat ID can't be empty");
		dialogId = `chat${intval(p.CHAT_ID)}`;
	}
	const chat = dialogId && st.resolveDialog(ctx.state, ctx.userId, dialogId);
	if (!chat || !st.isMember(chat, ctx.userId)) throw new RestError('ACCESS_ERROR', 'Action unavailable', 403);
	return true;
}

module.exports = {
	scope: 'im',
	upper: true,
	methods: {
		'im.dialog.unread': dialogUnread,
		'im.dialog.read': dialogRead,
		'im.dialog.read.all': dialogReadAll,
		'im.dialog.readall': dialogReadAll,
		'im.dialog.get': dialogGet,
		'im.dialog.messages.get': dialogMessagesGet,
		'im.dialog.users.list': dialogUsersList,
		'im.dialog.writing': dialogWriting,
	},
};
