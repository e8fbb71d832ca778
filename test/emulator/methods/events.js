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
 * Events are recorded from what each method call changed (changes.js, while at least one user is subscribed): new
 * messages (ONIMV2MESSAGEADD), a changed or deleted message named by MESSAGE_ID / ID / messageId (ONIMV2MESSAGEUPDATE /
 * ONIMV2MESSAGEDELETE), changed reactions (ONIMV2REACTIONCHANGE: `like` from im.message.like, other codes from bots)
 * and new chat members (ONIMV2JOINCHAT). Recipients: subscribed members of the chat, the acting user included (the
 * docs do not exclude them).
 */
const { intval, isoDate } = require('../errors');
const st = require('../state');
const { chatV2, userV2, messageV2 } = require('./v2objects');

const RETENTION_MS = 24 * 60 * 60 * 1000;

/** The queue lives in the portal state (so emu.reset() clears it); created on first use. */
function store(state) {
	if (!state.imEvents) state.imEvents = { seq: 2000, subscribed: {}, queue: [], clockOffsetMs: 0 };
	return state.imEvents;
}

/** The event clock (tests move it with advanceClock). */
function now(state) {
	return Date.now() + store(state).clockOffsetMs;
}

/** The next id of the portal-wide event counter (user and bot events share it). */
function nextEventId(state) {
	store(state).seq += 1;
	return store(state).seq;
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

/** Queue one event for every subscribed member of `chat`; `build(recipient)` gives the data. */
function record(state, type, chat, build) {
	const s = store(state);
	const ts = now(state);
	for (const userId of chat.users) {
		if (!s.subscribed[userId]) continue;
		s.queue.push({ eventId: nextEventId(state), userId, type, ts, date: isoDate(ts), data: build(userId) });
	}
}

/** The user events of one method call (see changes.js). */
function recordChanges(ctx, changes) {
	const state = ctx.state;
	for (const { chat, userId } of changes.joins) {
		record(state, 'ONIMV2JOINCHAT', chat, (r) => ({ dialogId: st.dialogIdFor(chat, r), chat: chatV2(state, chat, r),
			user: userV2(state, userId), language: 'en' }));
	}
	for (const msg of changes.added) {
		const chat = state.chats[msg.chatId];
		record(state, 'ONIMV2MESSAGEADD', chat, (r) => ({ message: messageV2(msg), chat: chatV2(state, chat, r),
			user: userV2(state, msg.authorId), language: 'en' }));
	}
	const changed = changes.deleted || changes.updated;
	if (changed) {
		const chat = state.chats[changed.chatId];
		const about = changes.deleted ? { messageId: changed.id } : { message: messageV2(changed) };
		record(state, changes.deleted ? 'ONIMV2MESSAGEDELETE' : 'ONIMV2MESSAGEUPDATE', chat, (r) => Object.assign({}, about,
			{ chat: chatV2(state, chat, r), user: userV2(state, changed.authorId), language: 'en' }));
	}
	for (const { msg, userId, reaction, action } of changes.reactions) {
		const chat = state.chats[msg.chatId];
		record(state, 'ONIMV2REACTIONCHANGE', chat, (r) => ({ reaction, action, message: messageV2(msg),
			chat: chatV2(state, chat, r), user: userV2(state, userId), language: 'en' }));
	}
}

/** The user's recorded events from `offset` on, after deleting (acknowledging) the ones below it when one is given. */
function takeFrom(state, userId, offset, hasOffset) {
	const s = store(state);
	expire(state);
	if (hasOffset && offset > 0) s.queue = s.queue.filter((e) => e.userId !== userId || e.eventId >= offset);
	return s.queue.filter((e) => e.userId === userId && e.eventId >= offset);
}

function isSubscribed(state, userId) {
	return Boolean(store(state).subscribed[userId]);
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

/** `offset` (present and not empty) and `limit` (1..1000, default 100; out of range clamped) of an Event.get call. */
function readCursor(p) {
	const rawOffset = param(p, 'offset');
	const hasOffset = rawOffset !== undefined && rawOffset !== null && rawOffset !== '';
	const rawLimit = intval(param(p, 'limit'));
	return { hasOffset, offset: hasOffset ? Math.max(0, intval(rawOffset)) : 0, limit: rawLimit <= 0 ? 100 : Math.min(rawLimit, 1000) };
}

/** One page of events (ascending ids) as Event.get answers it. */
function page(events, { offset, limit }) {
	const taken = events.slice(0, limit);
	return {
		events: taken.map((e) => ({ eventId: e.eventId, type: e.type, date: e.date, data: JSON.parse(JSON.stringify(e.data)) })),
		nextOffset: taken.length ? taken[taken.length - 1].eventId + 1 : offset,
		hasMore: events.length > taken.length,
	};
}

function get(ctx) {
	const cursor = readCursor(ctx.params || {});
	return page(takeFrom(ctx.state, ctx.userId, cursor.offset, cursor.hasOffset), cursor);
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
	recorder: { active: anySubscribed, record: recordChanges },
	readCursor, page, takeFrom, isSubscribed, nextEventId, now,
	eventsOf,
	advanceClock,
	RETENTION_MS,
};
