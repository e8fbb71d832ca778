'use strict';
/** im.notify.*: personal/system notifications, list, read markers, delete. Ids share the message sequence. */
const { RestError, intval, toList, yn, isoDate } = require('../errors');
const st = require('../state');
const { userOut, limitOf } = require('./common');

const TYPE_PERSONAL = 2;
const TYPE_SYSTEM = 4;

function addNotification(ctx, notifyType) {
	const p = ctx.params;
	const userId = intval(p.USER_ID);
	if (userId <= 0) throw new RestError('USER_ID_EMPTY', "User ID can't be empty");
	const text = typeof p.MESSAGE === 'string' ? p.MESSAGE.trim() : '';
	if (text === '') throw new RestError('MESSAGE_EMPTY', "Message can't be empty");
	if (p.ATTACH !== undefined && JSON.stringify(p.ATTACH).length > 60000) {
		throw new RestError('ATTACH_OVERSIZE', 'You have exceeded the maximum allowable size of attach');
	}
	if (!ctx.state.users[userId]) return false;
	const tag = String(p.TAG || '');
	const clientId = String(p.CLIENT_ID || (ctx.auth.type === 'oauth' ? ctx.emu.credentials.clientId : ''));
	if (tag) {
		for (const n of Object.values(ctx.state.notifications)) {
			if (n.userId === userId && n.tag === tag && n.clientId === clientId) delete ctx.state.notifications[n.id];
		}
	}
	const id = st.nextId(ctx.state, 'message');
	ctx.state.notifications[id] = {
		id, userId, authorId: notifyType === TYPE_PERSONAL ? ctx.userId : 0, notifyType, text, tag, subTag: String(p.SUB_TAG || ''),
		read: false, module: 'rest', event: 'rest_notify', clientId, date: isoDate(Date.now()),
	};
	return id;
}

function notifyAdd(ctx) {
	return addNotification(ctx, String(ctx.params.TYPE || 'USER').toUpperCase() === 'SYSTEM' ? TYPE_SYSTEM : TYPE_PERSONAL);
}

function mine(ctx) {
	return Object.values(ctx.state.notifications).filter((n) => n.userId === ctx.userId).sort((a, b) => b.id - a.id);
}

function notificationOut(n) {
	return {
		id: n.id, chat_id: 0, author_id: n.authorId, date: n.date, notify_type: n.notifyType, notify_module: n.module,
		notify_event: n.event, notify_tag: n.tag, notify_sub_tag: n.subTag, notify_title: '', setting_name: `${n.module}|${n.event}`,
		text: n.text, notify_read: n.read ? 'Y' : 'N', params: [],
	};
}

/** Newest first; LAST_ID + LAST_TYPE (together) page to older ones. */
function notifyGet(ctx) {
	const p = ctx.params;
	const hasId = p.LAST_ID !== undefined && p.LAST_ID !== '';
	const hasType = p.LAST_TYPE !== undefined && p.LAST_TYPE !== '';
	if (hasId !== hasType) throw new RestError('LAST_ID_AND_LAST_TYPE', 'LAST_ID and LAST_TYPE must be passed together');
	if (hasId && !/^\d+$/.test(String(p.LAST_ID))) throw new RestError('LAST_ID_STRING', "Last ID can't be string");
	const limit = limitOf(p.LIMIT, 50, 50);
	const all = mine(ctx);
	const list = (hasId ? all.filter((n) => n.id < Number(p.LAST_ID)) : all).slice(0, limit);
	const authors = [...new Set(list.map((n) => n.authorId).filter((a) => a > 0 && ctx.state.users[a]))];
	return {
		total_count: all.length, total_unread_count: all.filter((n) => !n.read).length, chat_id: 0,
		notifications: list.map(notificationOut), users: authors.map((a) => userOut(ctx.state.users[a])),
	};
}

/** ID, ACTION (Y read / N unread), ONLY_CURRENT (Y = only this id, else every id >= ID). */
function notifyRead(ctx) {
	const p = ctx.params;
	const id = intval(p.ID);
	const read = yn(p.ACTION, true);
	const only = yn(p.ONLY_CURRENT, false);
	for (const n of mine(ctx)) if (only ? n.id === id : n.id >= id) n.read = read;
	return true;
}

function notifyReadList(ctx) {
	const ids = toList(ctx.params.IDS);
	if (!ids || ids.length === 0) throw new RestError('PARAMS_ERROR', 'Incorrect params');
	const wanted = new Set(ids.map(intval));
	const read = yn(ctx.params.ACTION, true);
	for (const n of mine(ctx)) if (wanted.has(n.id)) n.read = read;
	return true;
}

/** { result: true, newCounter: 0 } (the unread counter after the call). */
function notifyReadAll(ctx) {
	for (const n of mine(ctx)) n.read = true;
	return { result: true, newCounter: mine(ctx).filter((n) => !n.read).length };
}

function notifyDelete(ctx) {
	const p = ctx.params;
	const id = intval(p.ID);
	const tag = String(p.TAG || '');
	const subTag = String(p.SUB_TAG || '');
	if (id <= 0 && !tag && !subTag) throw new RestError('PARAMS_ERROR', 'Incorrect params');
	if (id <= 0 && ctx.auth.type === 'webhook' && !p.CLIENT_ID) throw new RestError('ACCESS_DENIED', 'Client ID not specified');
	for (const n of Object.values(ctx.state.notifications)) {
		const match = id > 0 ? n.id === id && (n.userId === ctx.userId || n.authorId === ctx.userId)
			: (tag ? n.tag === tag : n.subTag === subTag);
		if (match) delete ctx.state.notifications[n.id];
	}
	return true;
}

module.exports = {
	scope: 'im',
	upper: true,
	methods: {
		'im.notify': notifyAdd,
		'im.notify.personal.add': (ctx) => addNotification(ctx, TYPE_PERSONAL),
		'im.notify.system.add': (ctx) => addNotification(ctx, TYPE_SYSTEM),
		'im.notify.get': notifyGet,
		'im.notify.read': notifyRead,
		'im.notify.read.list': notifyReadList,
		'im.notify.read.all': notifyReadAll,
		'im.notify.delete': notifyDelete,
	},
};
