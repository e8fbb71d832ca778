'use strict';
/**
 * The portal's data model and the rules that keep it consistent: dialog-id resolution, messages,
 * per-user-per-chat read markers and unread counters. All state is plain JSON-serialisable objects.
 *
 * state.chats[id]        { id, type: 'open'|'chat'|'private', title, description, owner, color, users[], muted[],
 *                          entityType, entityId, dateCreate, messageIds[] (ascending), lastMessageId }
 * state.messages[id]     { id, chatId, authorId (0 = system), date, text, params{}, deleted, likes[] }
 * state.relations['u:c'] { userId, chatId, lastReadMessageId, firstUnreadMessageId, manualUnread, pinned, hidden }
 * state.notifications[id]{ id, userId, authorId, notifyType (2 personal, 4 system), text, tag, subTag, read, date, clientId }
 */
const { isoDate } = require('./errors');

const DIALOG_ID_RE = /^(\d+|(chat|sg|crm)\d+)$/i;

function isDialogId(value) {
	return (typeof value === 'string' || typeof value === 'number') && DIALOG_ID_RE.test(String(value));
}

function nextId(state, kind) {
	state.seq[kind] += 1;
	return state.seq[kind];
}

function privateKey(a, b) {
	return a < b ? `${a}:${b}` : `${b}:${a}`;
}

function createChat(state, fields) {
	const id = fields.id || nextId(state, 'chat');
	const chat = Object.assign(
		{ id, type: 'chat', title: '', description: '', owner: 0, color: 'AZURE', users: [], muted: [], managers: [],
			entityType: '', entityId: '', dateCreate: isoDate(Date.now()), messageIds: [], lastMessageId: 0 },
		fields,
		{ id },
	);
	state.chats[id] = chat;
	if (chat.type === 'private') state.privateChats[privateKey(chat.users[0], chat.users[1])] = id;
	for (const u of chat.users) relation(state, u, id);
	return chat;
}

/** The read-state record of a user in a chat (created on first use). */
function relation(state, userId, chatId) {
	const key = `${userId}:${chatId}`;
	let rel = state.relations[key];
	if (!rel) {
		const chat = state.chats[chatId];
		rel = { userId, chatId, lastReadMessageId: chat ? chat.lastMessageId : 0, firstUnreadMessageId: null,
			manualUnread: false, pinned: false, hidden: false };
		state.relations[key] = rel;
	}
	return rel;
}

function privateChat(state, userA, userB, create) {
	const id = state.privateChats[privateKey(userA, userB)];
	if (id) return state.chats[id];
	if (!create || !state.users[userA] || !state.users[userB]) return null;
	return createChat(state, { type: 'private', users: userA === userB ? [userA] : [userA, userB], owner: 0, title: '' });
}

/**
 * Resolves a DIALOG_ID for `userId` like Bitrix\Im\Dialog::getChatId: chatN, sgN (workgroup chat),
 * N (private dialog with user N, created on first use). crmN is accepted but never resolves. Null when unknown.
 */
function resolveDialog(state, userId, dialogId) {
	const s = String(dialogId);
	let m = /^chat(\d+)$/i.exec(s);
	if (m) return state.chats[m[1]] || null;
	m = /^sg(\d+)$/i.exec(s);
	if (m) return Object.values(state.chats).find((c) => c.entityType === 'SONET_GROUP' && c.entityId === m[1]) || null;
	if (/^\d+$/.test(s)) return privateChat(state, userId, Number(s), true);
	return null;
}

/** The DIALOG_ID under which `userId` sees `chat`. */
function dialogIdFor(chat, userId) {
	if (chat.type !== 'private') return `chat${chat.id}`;
	const other = chat.users.find((u) => u !== userId);
	return String(other === undefined ? userId : other);
}

function isMember(chat, userId) {
	return chat.users.includes(userId);
}

/** Index of the first element of the ascending `ids` greater than `value`. */
function upperBound(ids, value) {
	let lo = 0;
	let hi = ids.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (ids[mid] <= value) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** Unread messages of `userId` in `chat`: newer than the read marker, not deleted, not the user's own. */
function unreadCount(state, userId, chat) {
	const rel = relation(state, userId, chat.id);
	let count = 0;
	for (let i = upperBound(chat.messageIds, rel.lastReadMessageId); i < chat.messageIds.length; i++) {
		const msg = state.messages[chat.messageIds[i]];
		if (!msg.deleted && msg.authorId !== userId) count++;
	}
	return count;
}

/** Reads up to `lastId` (all when null). Markers only move forward; the manual unread mark is cleared. */
function markRead(state, userId, chat, lastId) {
	const rel = relation(state, userId, chat.id);
	const target = lastId == null ? chat.lastMessageId : Math.min(lastId, chat.lastMessageId);
	if (target > rel.lastReadMessageId || lastId == null) rel.lastReadMessageId = Math.max(rel.lastReadMessageId, target);
	if (rel.firstUnreadMessageId !== null && rel.firstUnreadMessageId <= rel.lastReadMessageId) rel.firstUnreadMessageId = null;
	if (lastId == null) rel.firstUnreadMessageId = null;
	rel.manualUnread = false;
	return rel;
}

/** im.dialog.unread: messages from `firstUnreadId` on become unread again. */
function markUnread(state, userId, chat, firstUnreadId) {
	const rel = relation(state, userId, chat.id);
	const idx = upperBound(chat.messageIds, firstUnreadId - 1);
	rel.lastReadMessageId = idx > 0 ? chat.messageIds[idx - 1] : 0;
	rel.firstUnreadMessageId = firstUnreadId;
	return rel;
}

function addMessage(state, chat, authorId, text, params = {}, date = Date.now()) {
	const id = nextId(state, 'message');
	const msg = { id, chatId: chat.id, authorId, date: isoDate(date), text, params, deleted: false, likes: [] };
	state.messages[id] = msg;
	chat.messageIds.push(id);
	chat.lastMessageId = id;
	for (const u of chat.users) relation(state, u, chat.id).hidden = false;
	if (authorId && chat.users.includes(authorId)) markRead(state, authorId, chat, id);
	return msg;
}

function chatsOf(state, userId) {
	return Object.values(state.chats).filter((c) => c.users.includes(userId));
}

function unreadNotifications(state, userId) {
	return Object.values(state.notifications).filter((n) => n.userId === userId && !n.read).length;
}

/** im.counters.get for `userId`, consistent with the read markers. */
function counters(state, userId) {
	const out = { CHAT: {}, CHAT_MUTED: {}, CHAT_UNREAD: [], LINES: {}, DIALOG: {}, DIALOG_UNREAD: [] };
	let chatTotal = 0;
	let dialogTotal = 0;
	for (const chat of chatsOf(state, userId)) {
		const rel = relation(state, userId, chat.id);
		const n = unreadCount(state, userId, chat);
		if (chat.type === 'private') {
			const other = dialogIdFor(chat, userId);
			if (n > 0) out.DIALOG[other] = n;
			if (rel.manualUnread) out.DIALOG_UNREAD.push(Number(other));
			dialogTotal += n;
		} else {
			const muted = chat.muted.includes(userId);
			if (n > 0) (muted ? out.CHAT_MUTED : out.CHAT)[chat.id] = n;
			if (rel.manualUnread) out.CHAT_UNREAD.push(chat.id);
			if (!muted) chatTotal += n;
		}
	}
	const notify = unreadNotifications(state, userId);
	return { chatTotal, dialogTotal, notify, ...out };
}

module.exports = {
	isDialogId, nextId, createChat, relation, privateChat, resolveDialog, dialogIdFor, isMember, unreadCount,
	markRead, markUnread, addMessage, chatsOf, counters, unreadNotifications, upperBound,
};
