'use strict';
/**
 * What a method call changed in the portal, for the event queues (im.v2 user events, imbot.v2 bot events): every
 * method is wrapped, and while a recorder is active the wrapper compares the state before and after the call.
 *
 * Changes: `joins` (new chat members; a new chat's members except its owner), `added` (new messages), `updated` /
 * `deleted` (the message the call named by MESSAGE_ID / ID / messageId, with its text before), `reactions` (on that
 * message, per code), `commands` (keyboard presses recorded by im.message.command).
 */
const { intval } = require('../errors');
const { reactionsOf } = require('./v2objects');

function targetMessageId(params) {
	const p = params || {};
	const raw = [p.MESSAGE_ID, p.ID, p.messageId].find((value) => value !== undefined);
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
		commandCount: state.commands.length,
		message: msg ? { id: msg.id, text: msg.text, deleted: msg.deleted, reactions: reactionsOf(msg), params: JSON.stringify(msg.params) } : null,
		chats,
	};
}

function reactionChanges(msg, before) {
	const after = reactionsOf(msg);
	const out = [];
	for (const reaction of new Set([...Object.keys(before), ...Object.keys(after)])) {
		const was = before[reaction] || [];
		const now = after[reaction] || [];
		for (const userId of now.filter((u) => !was.includes(u))) out.push({ msg, userId, reaction, action: 'add' });
		for (const userId of was.filter((u) => !now.includes(u))) out.push({ msg, userId, reaction, action: 'delete' });
	}
	return out;
}

function diff(ctx, before) {
	const state = ctx.state;
	const changes = { joins: [], added: [], updated: null, deleted: null, previousText: '', reactions: [], commands: [] };
	for (const chat of Object.values(state.chats)) {
		const old = before.chats[chat.id];
		const joined = old ? chat.users.filter((u) => !old.includes(u)) : chat.users.filter((u) => u !== chat.owner);
		for (const userId of joined) changes.joins.push({ chat, userId });
	}
	for (let id = before.messageSeq + 1; id <= state.seq.message; id++) {
		const msg = state.messages[id];
		if (msg && state.chats[msg.chatId]) changes.added.push(msg);
	}
	changes.commands = state.commands.slice(before.commandCount);
	const was = before.message;
	const msg = was && state.messages[was.id];
	if (!msg || !state.chats[msg.chatId]) return changes;
	changes.previousText = was.text;
	if (!was.deleted && msg.deleted) changes.deleted = msg;
	else if (!msg.deleted && (was.text !== msg.text || was.params !== JSON.stringify(msg.params))) changes.updated = msg;
	changes.reactions = reactionChanges(msg, was.reactions);
	return changes;
}

/** Runs `fn` (a method, or a test API action on the state) and hands what it changed to the active recorders. */
function recordAround(recorders, ctx, fn) {
	if (!ctx || !ctx.state || !recorders.some((recorder) => recorder.active(ctx.state))) return fn(ctx);
	const before = snapshot(ctx);
	const out = fn(ctx);
	const changes = diff(ctx, before);
	for (const recorder of recorders) if (recorder.active(ctx.state)) recorder.record(ctx, changes);
	return out;
}

/**
 * Wraps every method of the registry but `batch` (its sub-calls are wrapped). `recorders`: { active(state),
 * record(ctx, changes) }; nothing is compared while none is active.
 */
function instrument(registry, recorders) {
	for (const [name, def] of registry) {
		if (name === 'batch') continue;
		const fn = def.fn;
		def.fn = (ctx) => recordAround(recorders, ctx, fn);
	}
	return registry;
}

module.exports = { instrument, recordAround };
