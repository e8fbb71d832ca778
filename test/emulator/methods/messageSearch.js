'use strict';
/**
 * im.dialog.messages.search (CIMRestService::dialogMessagesSearch, Bitrix\Im\V2\MessageCollection::find): a chat's
 * messages by text and date, in the im.v2 REST format (camelCase, RestAdapter's popup data around `messages`).
 *
 * - CHAT_ID must be sent (CHAT_ID_EMPTY "CHAT_ID can`t be empty", sic); a chat the caller is not in (or none):
 *   403 ACCESS_ERROR. A member added without history sees only later messages (the chat's START_ID).
 * - SEARCH_MESSAGE: LIKE '%text%' (case-insensitive), any length (the docs say longer than 2 characters).
 * - DATE_FROM / DATE_TO (inclusive) and DATE (the 24 hours from it): RFC3339; the server parses them with Bitrix's
 *   DateTime, whose exception for an unreadable date becomes a 500.
 * - ORDER[ID] (default DESC), LIMIT (default 50, at most 200), LAST_ID: below it when ORDER[ID] is exactly 'DESC',
 *   above it otherwise (the server compares the string as sent).
 */
const { RestError, intval, phpMap } = require('../errors');
const st = require('../state');
const { userOut, limitOf } = require('./common');
const { filesOfMessages } = require('./disk');

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;

function dateOf(value) {
	if (!RFC3339.test(String(value))) throw new Error(`Incorrect date: ${value}`);
	return Date.parse(String(value));
}

const camel = (key) => key.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

/** The im.v2 user: the user object with camelCase keys. */
function userV2(user) {
	return Object.fromEntries(Object.entries(userOut(user)).map(([key, value]) => [camel(key), value]));
}

function messageV2(state, msg, userId) {
	const unread = msg.authorId !== userId && msg.id > st.relation(state, userId, msg.chatId).lastReadMessageId;
	return {
		id: msg.id, chatId: msg.chatId, chat_id: msg.chatId, authorId: msg.authorId, author_id: msg.authorId, date: msg.date,
		text: msg.text, isSystem: msg.authorId === 0, uuid: null, forward: null,
		params: phpMap(Object.assign({}, msg.params, msg.likes.length ? { LIKE: msg.likes.slice() } : {})),
		viewedByOthers: false, block: null, unread, viewed: !unread, viewedCount: 0,
	};
}

function dialogMessagesSearch(ctx) {
	const p = ctx.params;
	if (p.CHAT_ID === undefined || p.CHAT_ID === null) throw new RestError('CHAT_ID_EMPTY', 'CHAT_ID can`t be empty');
	const chat = ctx.state.chats[intval(p.CHAT_ID)];
	if (!chat || !st.isMember(chat, ctx.userId)) throw new RestError('ACCESS_ERROR', 'You do not have access to this chat', 403);
	const order = p.ORDER && p.ORDER.ID !== undefined ? String(p.ORDER.ID) : 'DESC';
	const text = p.SEARCH_MESSAGE ? String(p.SEARCH_MESSAGE).toLowerCase() : '';
	const from = p.DATE_FROM ? dateOf(p.DATE_FROM) : -Infinity;
	const to = p.DATE_TO ? dateOf(p.DATE_TO) : Infinity;
	const day = p.DATE ? dateOf(p.DATE) : null;
	const startAfter = st.relation(ctx.state, ctx.userId, chat.id).historyFrom || 0;
	const lastId = p.LAST_ID !== undefined && p.LAST_ID !== null ? intval(p.LAST_ID) : null;
	const found = chat.messageIds.map((id) => ctx.state.messages[id]).filter((m) => {
		const at = Date.parse(m.date);
		return m.id > startAfter && (!text || m.text.toLowerCase().includes(text)) && at >= from && at <= to
			&& (day === null || (at >= day && at <= day + 24 * 3600000))
			&& (lastId === null || (order === 'DESC' ? m.id < lastId : m.id > lastId));
	});
	if (order.toUpperCase() !== 'ASC') found.reverse();
	const page = found.slice(0, limitOf(p.LIMIT, 50, 200));
	const authors = [...new Set(page.map((m) => m.authorId).filter((a) => a > 0 && ctx.state.users[a]))];
	return {
		users: authors.map((a) => userV2(ctx.state.users[a])), files: filesOfMessages(ctx, page), additionalMessages: [],
		copilot: null, stickers: [], reactions: [], tariffRestrictions: { isHistoryLimitExceeded: false }, usersShort: [],
		messages: page.map((m) => messageV2(ctx.state, m, ctx.userId)),
	};
}

module.exports = {
	scope: 'im',
	upper: true,
	methods: {
		'im.dialog.messages.search': dialogMessagesSearch,
	},
};
