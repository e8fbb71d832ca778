'use strict';
/** im.notify.*: personal/system notifications, list, read markers, delete. Ids share the message sequence. */
const crypto = require('node:crypto');
const { RestError, intval, toList, yn, isoDate, phpMap } = require('../errors');
const st = require('../state');
const { userOut } = require('./common');
const { checkAttach, APP_NAME } = require('./message');

const TYPE_PERSONAL = 2;
const TYPE_SYSTEM = 4;

/** 'MP|<first 5 of md5(client id)>|TAG', the way the server stores an application's tags. */
function appTag(clientId, tag) {
	return `MP|${crypto.createHash('md5').update(clientId).digest('hex').slice(0, 5)}|${tag}`;
}

/**
 * CIMRestService::notifyAdd: USER_ID (alias TO), MESSAGE (trimmed), ATTACH. TAG/SUB_TAG are kept only for an OAuth
 * application (a webhook has no client id, so they are ignored); system notifications of an application start with
 * its name. Answers the notification id, or false when the recipient does not exist.
 */
function addNotification(ctx, notifyType) {
	const p = ctx.params;
	const userId = intval(p.TO !== undefined ? p.TO : p.USER_ID);
	if (userId <= 0) throw new RestError('USER_ID_EMPTY', "User ID can't be empty");
	const text = typeof p.MESSAGE === 'string' || typeof p.MESSAGE === 'number' ? String(p.MESSAGE).trim() : '';
	if (text === '') throw new RestError('MESSAGE_EMPTY', "Message can't be empty");
	const clientId = ctx.auth.type === 'oauth' ? ctx.emu.credentials.clientId : '';
	const tag = clientId && p.TAG ? appTag(clientId, String(p.TAG)) : '';
	const subTag = clientId && p.SUB_TAG ? appTag(clientId, String(p.SUB_TAG)) : '';
	const attach = checkAttach(p.ATTACH, { allowN: false });
	if (!ctx.state.users[userId]) return false;
	if (tag) {
		for (const n of Object.values(ctx.state.notifications)) {
			if (n.userId === userId && n.tag === tag) delete ctx.state.notifications[n.id];
		}
	}
	const id = st.nextId(ctx.state, 'message');
	ctx.state.notifications[id] = {
		id, userId, authorId: notifyType === TYPE_PERSONAL ? ctx.userId : 0, notifyType,
		text: notifyType === TYPE_SYSTEM && clientId ? `${APP_NAME}#BR#${text}` : text, tag, subTag,
		read: false, module: 'rest', event: 'rest_notify', clientId, date: isoDate(Date.now()),
		params: attach ? { ATTACH: [attach] } : undefined,
	};
	return id;
}

function notifyAdd(ctx) {
	const type = String(ctx.params.TYPE || 'USER');
	return addNotification(ctx, type === 'SYSTEM' ? TYPE_SYSTEM : TYPE_PERSONAL);
}

function mine(ctx) {
	return Object.values(ctx.state.notifications).filter((n) => n.userId === ctx.userId).sort((a, b) => b.id - a.id);
}

/** A confirm notification's buttons as the keyboard JSON Bitrix24 lists them with (COMMAND_PARAMS "<id>|<value>"). */
function buttonsOut(n) {
	return JSON.stringify(n.buttons.map((b) => ({ TEXT: b.TITLE, COMMAND: 'notifyConfirm', COMMAND_PARAMS: `${n.id}|${b.VALUE}`,
		TEXT_COLOR: '#fff', BG_COLOR: b.TYPE === 'accept' ? '#8BC84B' : '#ef4b57', DISPLAY: 'LINE' })));
}

function notificationOut(n) {
	return Object.assign({
		id: n.id, chat_id: 0, author_id: n.authorId, date: n.date, notify_type: n.notifyType, notify_module: n.module,
		notify_event: n.event, notify_tag: n.tag, notify_sub_tag: n.subTag, notify_title: '', setting_name: `${n.module}|${n.event}`,
		text: n.text, notify_read: n.read ? 'Y' : 'N', params: n.params ? phpMap(n.params) : [],
	}, n.buttons ? { notify_buttons: buttonsOut(n) } : {});
}

function authorsOf(ctx, list) {
	const ids = [...new Set(list.map((n) => n.authorId).filter((a) => a > 0 && ctx.state.users[a]))];
	return ids.map((a) => userOut(ctx.state.users[a]));
}

/** Newest first; LAST_ID + LAST_TYPE (together) page to older ones; LIMIT default 50, above 50 -> 50. */
function notifyGet(ctx) {
	const p = ctx.params;
	const hasId = p.LAST_ID !== undefined && p.LAST_ID !== null;
	const hasType = p.LAST_TYPE !== undefined && p.LAST_TYPE !== null;
	if (hasId !== hasType) {
		throw new RestError('LAST_ID_AND_LAST_TYPE', 'Parameters LAST_ID and LAST_TYPE should be used together.');
	}
	if (hasId && !/^\d+$/.test(String(p.LAST_ID))) throw new RestError('LAST_ID_STRING', "Last notification ID can't be string");
	const limit = p.LIMIT === undefined || p.LIMIT === null ? 50 : Math.max(0, Math.min(50, intval(p.LIMIT)));
	const all = mine(ctx);
	const list = (hasId ? all.filter((n) => n.id < Number(p.LAST_ID)) : all).slice(0, limit);
	return {
		total_count: all.length, total_unread_count: all.filter((n) => !n.read).length, chat_id: 0,
		notifications: list.map(notificationOut), users: authorsOf(ctx, list),
	};
}

/** SEARCH_DATE as the server reads it (Bitrix DateTime, RFC3339): an unreadable one throws, which the server answers 500. */
function dayOf(value) {
	if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/.test(String(value))) throw new Error(`Incorrect date: ${value}`);
	const from = Date.parse(String(value));
	return { from, to: from + 24 * 3600000 };
}

/**
 * Notify::search: SEARCH_TEXT (a case-insensitive part of the text; at least 3 characters unless SEARCH_TYPE or
 * SEARCH_DATE is given: SEARCH_TEXT_ERROR), SEARCH_TYPE (module or module|event), SEARCH_DATE (the 24 hours from it),
 * LAST_ID (digits only: below it), LIMIT (at most 50). Newest first; total_results only on the first page; `[]` for a
 * user without notifications.
 */
function notifyHistorySearch(ctx) {
	const p = ctx.params;
	const text = typeof p.SEARCH_TEXT === 'string' ? p.SEARCH_TEXT : '';
	if (!p.SEARCH_TYPE && !p.SEARCH_DATE && text.trim().length < 3) {
		throw new RestError('SEARCH_TEXT_ERROR', "SEARCH_TEXT can't be less then 3 symbols");
	}
	if (p.LAST_ID !== undefined && !/^\d+$/.test(String(p.LAST_ID))) throw new RestError('LAST_ID_STRING', "Last notification ID can't be string");
	const limit = p.LIMIT === undefined ? 50 : Math.max(0, Math.min(50, intval(p.LIMIT)));
	const [module, event] = String(p.SEARCH_TYPE || '').split('|');
	const day = p.SEARCH_DATE ? dayOf(p.SEARCH_DATE) : null;
	const all = mine(ctx);
	if (all.length === 0) return [];
	const found = all.filter((n) => (!text || n.text.toLowerCase().includes(text.toLowerCase()))
		&& (!module || (n.module === module && (event === undefined || n.event === event)))
		&& (!day || (Date.parse(n.date) >= day.from && Date.parse(n.date) <= day.to)));
	const lastId = intval(p.LAST_ID);
	const list = (lastId > 0 ? found.filter((n) => n.id < lastId) : found).slice(0, limit);
	return Object.assign({ chat_id: 0, notifications: list.map(notificationOut), users: authorsOf(ctx, list) },
		lastId > 0 ? {} : { total_results: found.length });
}

/** The notification types by module, as CIMNotifySchema lists them. */
const SCHEMA = {
	im: ['Chat and calls', { mention: 'Mentions', default: 'Other notifications' }],
	calendar: ['Calendar', { invite: 'Event invitations' }],
	tasks: ['Tasks', { comment: 'New comments', task_update: 'Task updates' }],
	crm: ['CRM', { invoice: 'Invoices' }],
	rest: ['Applications', { rest_notify: 'Notifications from applications' }],
};

function notifySchemaGet() {
	const out = {};
	for (const [moduleId, [name, events]] of Object.entries(SCHEMA)) {
		out[moduleId] = { NAME: name, MODULE_ID: moduleId, LIST: Object.entries(events).map(([event, title]) => ({ ID: `${moduleId}|${event}`, NAME: title })) };
	}
	return out;
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

/** IDS must be an array; ids are taken up to the first one that is not positive. */
function notifyReadList(ctx) {
	const ids = toList(ctx.params.IDS);
	if (!ids) throw new RestError('PARAMS_ERROR', 'No IDS param or it is not an array');
	const valid = [];
	for (const v of ids) {
		if (intval(v) <= 0) break;
		valid.push(intval(v));
	}
	const wanted = new Set(valid);
	const read = yn(ctx.params.ACTION, true);
	for (const n of mine(ctx)) if (wanted.has(n.id)) n.read = read;
	return true;
}

/** { result: true, newCounter: 0 } (the unread counter after the call). */
function notifyReadAll(ctx) {
	for (const n of mine(ctx)) n.read = true;
	return { result: true, newCounter: mine(ctx).filter((n) => !n.read).length };
}

/**
 * ID: delete a notification the caller received or sent (false when there is none). Otherwise a client id is needed (the OAuth
 * application's, or CLIENT_ID through a webhook: else 403 ACCESS_DENIED), then TAG or SUB_TAG (else PARAMS_ERROR).
 */
function notifyDelete(ctx) {
	const p = ctx.params;
	if (p.ID !== undefined && p.ID !== null) {
		const n = ctx.state.notifications[intval(p.ID)];
		if (!n || (n.userId !== ctx.userId && n.authorId !== ctx.userId)) return false;
		delete ctx.state.notifications[n.id];
		return true;
	}
	let clientId = ctx.auth.type === 'oauth' ? ctx.emu.credentials.clientId : '';
	if (!clientId) {
		if (!p.CLIENT_ID) throw new RestError('ACCESS_DENIED', 'Client ID not specified', 403);
		clientId = `custom${p.CLIENT_ID}`;
	}
	let field;
	let value;
	if (p.TAG) [field, value] = ['tag', appTag(clientId, String(p.TAG))];
	else if (p.SUB_TAG) [field, value] = ['subTag', appTag(clientId, String(p.SUB_TAG))];
	else throw new RestError('PARAMS_ERROR', 'Incorrect params');
	let deleted = false;
	for (const n of Object.values(ctx.state.notifications)) {
		if (n[field] === value) {
			delete ctx.state.notifications[n.id];
			deleted = true;
		}
	}
	return deleted;
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
		'im.notify.history.search': notifyHistorySearch,
		'im.notify.schema.get': notifySchemaGet,
	},
};
