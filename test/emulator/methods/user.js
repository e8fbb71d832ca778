'use strict';
/** im.user.* and im.search.*: user data, status, and the user/chat searches (OFFSET/LIMIT 10/50, FIND_SHORT). */
const { RestError, NavResult, intval, toList, phpMap } = require('../errors');
const st = require('../state');
const { userOut, userName, chatOut, limitOf, offsetOf } = require('./common');

const STATUSES = ['online', 'dnd', 'away', 'break'];

function userGet(ctx) {
	const p = ctx.params;
	if (p.ID === undefined || p.ID === null) return userOut(ctx.state.users[ctx.userId]);
	const id = intval(p.ID);
	if (id <= 0) throw new RestError('ID_EMPTY', "User ID can't be empty");
	const user = ctx.state.users[id];
	if (!user) throw new RestError('USER_NOT_EXISTS', 'User is not exists');
	return userOut(user);
}

function userListGet(ctx) {
	const p = ctx.params;
	let ids = p.ID;
	if (typeof ids === 'string') {
		try {
			ids = JSON.parse(ids);
		} catch {
			ids = null;
		}
	}
	const list = toList(ids);
	const users = [...new Set((list || []).map(intval).filter((id) => id > 0))];
	if (users.length === 0) throw new RestError('INVALID_FORMAT', 'A wrong format for the ID field is passed');
	if (String(p.RESULT_TYPE || '').toLowerCase() === 'array') {
		return users.filter((id) => ctx.state.users[id]).map((id) => userOut(ctx.state.users[id]));
	}
	const out = {};
	for (const id of users) out[id] = ctx.state.users[id] ? userOut(ctx.state.users[id]) : null;
	return phpMap(out);
}

function statusSet(ctx) {
	// The server lower-cases only non-strings (sic), so 'DND' is refused.
	const raw = ctx.params.STATUS;
	const status = typeof raw === 'string' ? raw : String(raw === undefined || raw === null ? '' : raw).toLowerCase();
	if (!STATUSES.includes(status)) throw new RestError('STATUS_ERROR', 'Status is not available');
	ctx.state.users[ctx.userId].status = status;
	return true;
}

function findText(ctx) {
	const find = String(ctx.params.FIND || ctx.params.FIND_LINES || '').trim();
	if (find.length < 2) throw new RestError('FIND_SHORT', 'Too short a search phrase.');
	return find.toLowerCase();
}

function paged(ctx, rows, toKey, toValue) {
	const limit = limitOf(ctx.params.LIMIT, 10, 50);
	const offset = offsetOf(ctx);
	const page = rows.slice(offset, offset + limit);
	const out = {};
	for (const row of page) out[toKey(row)] = toValue(row);
	const next = offset + limit < rows.length ? offset + limit : undefined;
	return new NavResult(phpMap(out), { next, total: rows.length });
}

function searchUsers(ctx) {
	const find = findText(ctx);
	const rows = Object.values(ctx.state.users).filter((u) => `${userName(u)} ${u.email} ${u.workPosition}`.toLowerCase()
		.includes(find));
	return paged(ctx, rows, (u) => u.id, userOut);
}

function searchChats(ctx) {
	const find = findText(ctx);
	// ORDER ID DESC like the server: the first page holds the newest chats.
	const rows = st.chatsOf(ctx.state, ctx.userId).filter((c) => c.type !== 'private' && c.title.toLowerCase().includes(find))
		.sort((a, b) => b.id - a.id);
	return paged(ctx, rows, (c) => c.id, (c) => chatOut(ctx.state, c, ctx.userId));
}

module.exports = {
	scope: 'im',
	upper: true,
	methods: {
		'im.user.get': userGet,
		'im.user.list.get': userListGet,
		'im.user.status.get': (ctx) => ctx.state.users[ctx.userId].status || false,
		'im.user.status.set': statusSet,
		'im.search.user.list': searchUsers,
		'im.search.chat.list': searchChats,
	},
};
