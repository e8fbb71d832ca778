'use strict';
/** im.recent.*: the recent list (OFFSET/LIMIT, hasMore, next), the manual unread mark, pin, hide. */
const { RestError, NavResult, yn } = require('../errors');
const st = require('../state');
const { chatTitle, chatColor, userOut, limitOf, offsetOf } = require('./common');

function recentItem(state, chat, userId) {
	const rel = st.relation(state, userId, chat.id);
	const last = state.messages[chat.lastMessageId];
	const isUser = chat.type === 'private';
	const dialogId = st.dialogIdFor(chat, userId);
	const date = last ? last.date : chat.dateCreate;
	return {
		id: isUser ? Number(dialogId) : dialogId, chat_id: chat.id, type: isUser ? 'user' : 'chat',
		avatar: { url: '', color: chatColor(chat) }, title: chatTitle(state, chat, userId),
		message: last ? { id: last.id, text: last.text, file: false, author_id: last.authorId, attach: false, sticker: false,
			date: last.date, status: st.relation(state, userId, chat.id).lastReadMessageId >= last.id ? 'delivered' : 'received',
			uuid: null } : { id: 0, text: '', file: false, author_id: 0, attach: false, date, status: 'received', uuid: null },
		counter: st.unreadCount(state, userId, chat), last_id: rel.lastReadMessageId, pinned: rel.pinned, unread: rel.manualUnread,
		has_reminder: false, date_update: date, date_last_activity: date,
		user: isUser && state.users[dialogId] ? userOut(state.users[dialogId]) : { id: 0 },
		chat: isUser ? {} : { id: chat.id, name: chat.title, owner: chat.owner, color: chatColor(chat), type: chat.type,
			entity_type: chat.entityType, entity_id: chat.entityId, date_create: chat.dateCreate, message_type: chat.type === 'open' ? 'O' : 'C' },
		options: {},
	};
}

/** Visible recent items of the user: pinned first, then by last activity (newest first). */
function recentItems(ctx) {
	const p = ctx.params;
	const before = p.LAST_MESSAGE_DATE ? Date.parse(String(p.LAST_MESSAGE_DATE)) : NaN;
	const rows = st.chatsOf(ctx.state, ctx.userId).filter((chat) => {
		const rel = st.relation(ctx.state, ctx.userId, chat.id);
		if (rel.hidden) return false;
		if (!Number.isNaN(before)) {
			const last = ctx.state.messages[chat.lastMessageId];
			if (Date.parse(last ? last.date : chat.dateCreate) >= before) return false;
		}
		if (yn(p.SKIP_CHAT, false) && chat.type !== 'private') return false;
		if (yn(p.SKIP_DIALOG, false) && chat.type === 'private') return false;
		if (chat.type === 'private' && chat.messageIds.length === 0) return false;
		if (yn(p.UNREAD_ONLY, false) && !rel.manualUnread && st.unreadCount(ctx.state, ctx.userId, chat) === 0) return false;
		return true;
	});
	rows.sort((a, b) => {
		const pa = st.relation(ctx.state, ctx.userId, a.id).pinned;
		const pb = st.relation(ctx.state, ctx.userId, b.id).pinned;
		if (pa !== pb) return pa ? -1 : 1;
		return b.lastMessageId - a.lastMessageId;
	});
	return rows;
}

function recentList(ctx) {
	const limit = limitOf(ctx.params.LIMIT, 50, 200);
	const offset = offsetOf(ctx);
	const rows = recentItems(ctx);
	const page = rows.slice(offset, offset + limit);
	const hasMore = offset + page.length < rows.length;
	const result = { items: page.map((c) => recentItem(ctx.state, c, ctx.userId)), hasMore, hasMorePages: hasMore,
		copilot: null, messagesAutoDeleteConfigs: [] };
	return new NavResult(result, { next: hasMore ? offset + page.length : undefined, total: -1 });
}

const DAY_MS = 24 * 3600000;

/**
 * Recent::get: one list, no paging, notifications never in it; the entries active in the last 30 days, or with
 * LAST_SYNC_DATE (alias LAST_UPDATE) those changed since then, at most 7 days back.
 */
function recentGet(ctx) {
	const p = ctx.params;
	const sync = Date.parse(String(p.LAST_SYNC_DATE || p.LAST_UPDATE || ''));
	const since = Number.isNaN(sync) ? Date.now() - 30 * DAY_MS : Math.max(sync, Date.now() - 7 * DAY_MS);
	return recentItems(ctx).map((c) => recentItem(ctx.state, c, ctx.userId)).filter((item) => Date.parse(item.date_update) >= since);
}

/** The DIALOG_ID of im.recent.* ('notify' allowed): the chat (or null for notify/unknown). */
function recentDialog(ctx) {
	const id = ctx.params.DIALOG_ID;
	if (id === 'notify') return null;
	if (!st.isDialogId(id)) throw new RestError('DIALOG_ID_EMPTY', "Dialog ID can't be empty");
	const chat = st.resolveDialog(ctx.state, ctx.userId, String(id));
	return chat && st.isMember(chat, ctx.userId) ? chat : null;
}

function recentUnread(ctx) {
	const chat = recentDialog(ctx);
	const p = ctx.params;
	const on = yn(p.ACTION !== undefined ? p.ACTION : p.UNREAD, true);
	if (!chat) return true;
	if (on) st.relation(ctx.state, ctx.userId, chat.id).manualUnread = true;
	else st.markRead(ctx.state, ctx.userId, chat, null);
	return true;
}

function recentPin(ctx) {
	const chat = recentDialog(ctx);
	const p = ctx.params;
	if (!chat) {
		if (p.DIALOG_ID === 'notify') return true;
		throw new RestError('ACCESS_ERROR', "You don't have access to this chat", 403);
	}
	st.relation(ctx.state, ctx.userId, chat.id).pinned = yn(p.PIN !== undefined ? p.PIN : p.ACTION, true);
	return true;
}

function recentHide(ctx) {
	const chat = recentDialog(ctx);
	if (chat) {
		const rel = st.relation(ctx.state, ctx.userId, chat.id);
		rel.hidden = true;
		rel.pinned = false;
	}
	return true;
}

module.exports = {
	scope: 'im',
	upper: true,
	methods: {
		'im.recent.list': recentList,
		'im.recent.get': recentGet,
		'im.recent.unread': recentUnread,
		'im.recent.pin': recentPin,
		'im.recent.hide': recentHide,
	},
};
