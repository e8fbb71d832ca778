'use strict';
/**
 * im.v2.Event.subscribe / unsubscribe / get: the user-level polling event queue (facts §8.2; b24restdocs
 * api-reference/chat-bots/chat-bots-v2/im.v2/events/*).
 *
 * - subscribe: idempotent, `true`; from then on the user's events are recorded. Earlier events are not.
 * - unsubscribe: `true`; recording stops, events already recorded stay until acknowledged or expired.
 * - get {offset, limit}: `offset` acknowledges (deletes) the user's events with eventId < offset and returns events
 *   from eventId >= offset; without `offset` nothing is acknowledged and the queue is read from its head.
 *   limit 1..1000 (default 100; out-of-range values are clamped: the docs list no errors for this method).
 *   Answer { events: [{eventId, type, date, data}], nextOffset, hasMore }; nextOffset = last returned eventId + 1,
 *   or the given offset (0 without one) when nothing is returned (the docs do not say; our choice).
 * - One queue per user, shared by every caller for that user: an `offset` from any application deletes for all.
 * - Event ids come from one portal-wide counter, so one user's ids have gaps. Events are kept 24 hours.
 *
 * Events are recorded by instrument(registry): every other method is wrapped, and when at least one user is
 * subscribed the wrapper compares the state before and after the call: new messages (ONIMV2MESSAGEADD), a changed or
 * deleted message named by MESSAGE_ID/ID (ONIMV2MESSAGEUPDATE / ONIMV2MESSAGEDELETE), changed likes
 * (ONIMV2REACTIONCHANGE, reaction `like`) and new chat members (ONIMV2JOINCHAT). Recipients: subscribed members of
 * the chat, the acting user included (the docs do not exclude them).
 */
const { intval, isoDate } = require('../errors');
const st = require('../state');
const { chatTitle, chatColor, userName } = require('./common');

const RETENTION_MS = 24 * 60 * 60 * 1000;
// Bitrix24 lower-cases method names (CRestServer), and so does the emulator's router.
const EVENT_METHODS = ['im.v2.event.subscribe', 'im.v2.event.unsubscribe', 'im.v2.event.get'];

/** The queue lives in the portal state (so emu.reset() clears it); created on first use. */
function store(state) {
	if (!state.imEvents) state.imEvents = { seq: 2000, subscribed: {}, queue: [], clockOffsetMs: 0 };
	return state.imEvents;
}

function now(state) {
	return Date.now() + store(state).clockOffsetMs;
}

function expire(state) {
	const s = store(state);
	const cutoff = now(state) - RETENTION_MS;
	if (s.queue.length && s.queue[0].ts <= cutoff) s.queue = s.queue.filter((e) => e.ts > cutoff);
}

function anySubscribed(state) {
	const s = state.imEvents;
	return Boolean(s) && Object.keys(s.subscribed).length > 0;
}

// ---- payload shapes (events.md: shortened chat/user, camelCase) ----

function chatV2(state, chat, userId) {
	const messageType = chat.type === 'private' ? 'P' : chat.type === 'open' ? 'O' : 'C';
	return {
		id: chat.id, dialogId: st.dialogIdFor(chat, userId), name: chatTitle(state, chat, userId), type: chat.type === 'open' ? 'open' : chat.type,
		messageType, owner: chat.owner, color: chatColor(chat), avatar: chat.avatar || '', description: chat.description, extranet: false,
		containsCollaber: false, entityType: chat.entityType, entityId: chat.entityId, entityData1: '', entityData2: '', entityData3: '',
		entityLink: {}, diskFolderId: chat.diskFolderId || 0, permissions: {}, parentChatId: 0, parentMessageId: 0, isNew: false,
		textFieldEnabled: 'Y', backgroundId: null,
	};
}

function userV2(state, userId) {
	const u = state.users[userId];
	if (!u) return { id: userId, active: true, name: '', firstName: '', lastName: '', bot: false, type: 'employee' };
	return {
		id: u.id, active: u.active, name: userName(u), firstName: u.firstName, lastName: u.lastName, workPosition: u.workPosition,
		color: '#df532d', avatar: '', gender: u.gender, birthday: '', extranet: false, bot: Boolean(u.bot), connector: false,
		externalAuthId: u.bot ? 'bot' : 'default', status: u.status, idle: false, lastActivityDate: false, mobileLastDate: false,
		desktopLastDate: false, absent: false, departments: u.departments.slice(), phones: false, website: '', email: u.email,
		type: u.bot ? 'bot' : 'employee',
	};
}

function messageV2(msg) {
	return {
		id: msg.id, chatId: msg.chatId, authorId: msg.authorId, date: msg.date, text: msg.text, isSystem: msg.authorId === 0,
		uuid: '', forward: null, params: Object.assign({}, msg.params, msg.likes.length ? { LIKE: msg.likes.slice() } : {}),
		viewedByOthers: false,
	};
}

/** Queue one event for every subscribed member of `chat`; `build(recipient)` gives the data. */
function record(state, type, chat, build) {
	const s = store(state);
	const ts = now(state);
	for (const userId of chat.users) {
		if (!s.subscribed[userId]) continue;
		s.seq += 1;
		s.queue.push({ eventId: s.seq, userId, type, ts, date: isoDate(ts), data: build(userId) });
	}
}

// ---- change detection around every other method ----

function targetMessageId(params) {
	const p = params || {};
	const raw = p.MESSAGE_ID !== undefined ? p.MESSAGE_ID : p.ID;
	const id = intval(raw);
	return id > 0 ? id : 0;
}

function snapshot(ctx) {
	const state = ctx.state;
	const msgId = targetMessageId(ctx.params);
	const msg = msgId ? state.messages[msgId] : null;
	const chats = {};
	for (const chat of Object.values(state.chats)) chats[chat.id] = chat.users.slice();
	return {
		messageSeq: state.seq.message,
		message: msg ? { id: msg.id, text: msg.text, deleted: msg.deleted, likes: msg.likes.slice(), params: JSON.stringify(msg.params) } : null,
		chats,
	};
}

function recordChanges(ctx, before) {
	const state = ctx.state;
	for (const chat of Object.values(state.chats)) {
		const old = before.chats[chat.id];
		const joined = old ? chat.users.filter((u) => !old.includes(u)) : chat.users.filter((u) => u !== chat.owner);
		for (const u of joined) {
			record(state, 'ONIMV2JOINCHAT', chat, (r) => ({ dialogId: st.dialogIdFor(chat, r), chat: chatV2(state, chat, r),
				user: userV2(state, u), language: 'en' }));
		}
	}
	for (let id = before.messageSeq + 1; id <= state.seq.message; id++) {
		const msg = state.messages[id];
		const chat = msg && state.chats[msg.chatId];
		if (!chat) continue;
		record(state, 'ONIMV2MESSAGEADD', chat, (r) => ({ message: messageV2(msg), chat: chatV2(state, chat, r),
			user: userV2(state, msg.authorId), language: 'en' }));
	}
	const was = before.message;
	const msg = was && state.messages[was.id];
	const chat = msg && state.chats[msg.chatId];
	if (!chat) return;
	if (!was.deleted && msg.deleted) {
		record(state, 'ONIMV2MESSAGEDELETE', chat, (r) => ({ messageId: msg.id, chat: chatV2(state, chat, r),
			user: userV2(state, msg.authorId), language: 'en' }));
	} else if (!msg.deleted && (was.text !== msg.text || was.params !== JSON.stringify(msg.params))) {
		record(state, 'ONIMV2MESSAGEUPDATE', chat, (r) => ({ message: messageV2(msg), chat: chatV2(state, chat, r),
			user: userV2(state, msg.authorId), language: 'en' }));
	}
	const added = msg.likes.filter((u) => !was.likes.includes(u));
	const removed = was.likes.filter((u) => !msg.likes.includes(u));
	for (const [list, action] of [[added, 'add'], [removed, 'delete']]) {
		for (const u of list) {
			record(state, 'ONIMV2REACTIONCHANGE', chat, (r) => ({ reaction: 'like', action, message: messageV2(msg),
				chat: chatV2(state, chat, r), user: userV2(state, u), language: 'en' }));
		}
	}
}

/** Wraps every method of the registry (except the event methods and batch, whose sub-calls are wrapped). */
function instrument(registry) {
	for (const [name, def] of registry) {
		if (EVENT_METHODS.includes(name) || name === 'batch') continue;
		const fn = def.fn;
		def.fn = (ctx) => {
			if (!ctx || !ctx.state || !anySubscribed(ctx.state)) return fn(ctx);
			const before = snapshot(ctx);
			const out = fn(ctx);
			recordChanges(ctx, before);
			return out;
		};
	}
	return registry;
}

// ---- the methods ----

function subscribe(ctx) {
	store(ctx.state).subscribed[ctx.userId] = true;
	return true;
}

function unsubscribe(ctx) {
	delete store(ctx.state).subscribed[ctx.userId];
	return true;
}

function param(p, name) {
	if (p[name] !== undefined) return p[name];
	const upper = name.toUpperCase();
	return p[upper];
}

function get(ctx) {
	const state = ctx.state;
	const s = store(state);
	expire(state);
	const p = ctx.params || {};
	const rawOffset = param(p, 'offset');
	const hasOffset = rawOffset !== undefined && rawOffset !== null && rawOffset !== '';
	const offset = hasOffset ? Math.max(0, intval(rawOffset)) : 0;
	const rawLimit = intval(param(p, 'limit'));
	const limit = rawLimit <= 0 ? 100 : Math.min(rawLimit, 1000);
	if (hasOffset && offset > 0) s.queue = s.queue.filter((e) => e.userId !== ctx.userId || e.eventId >= offset);
	const mine = s.queue.filter((e) => e.userId === ctx.userId && e.eventId >= offset);
	const page = mine.slice(0, limit);
	return {
		events: page.map((e) => ({ eventId: e.eventId, type: e.type, date: e.date, data: JSON.parse(JSON.stringify(e.data)) })),
		nextOffset: page.length ? page[page.length - 1].eventId + 1 : offset,
		hasMore: mine.length > page.length,
	};
}

// ---- helpers for tests (emu.state) ----

/** The recorded events of `userId` (all of them, acknowledged ones are gone). */
function eventsOf(state, userId) {
	expire(state);
	return store(state).queue.filter((e) => e.userId === Number(userId));
}

/** Moves the event clock forward (retention tests). */
function advanceClock(state, ms) {
	store(state).clockOffsetMs += ms;
}

module.exports = {
	scope: 'im',
	upper: false,
	methods: {
		'im.v2.event.subscribe': subscribe,
		'im.v2.event.unsubscribe': unsubscribe,
		'im.v2.event.get': get,
	},
	instrument,
	eventsOf,
	advanceClock,
	RETENTION_MS,
};
