'use strict';
/** The method registry: name -> { fn, scope, upper, noOperating } from every method family. */
const events = require('./events');
const botEvents = require('./botEvents');
const { instrument, recordAround } = require('./changes');

const families = [
	require('../batch'),
	events,
	require('./misc'),
	require('./dialog'),
	require('./message'),
	require('./chat'),
	require('./recent'),
	require('./notify'),
	require('./user'),
	require('./disk'),
	require('./filesV2'),
	require('./messageSearch'),
	require('./notifyReplies'),
	require('./department'),
	require('./botBots'),
	botEvents,
	require('./botChats'),
	require('./botMessages'),
	require('./botCommands'),
	require('./botFiles'),
	require('./openlines'),
];

/** The event queues (im.v2 user events, imbot.v2 bot events), fed from what each method call changes. */
const recorders = [events.recorder, botEvents.recorder];

function buildRegistry() {
	const registry = new Map();
	for (const family of families) {
		for (const [name, def] of Object.entries(family.methods)) {
			const d = typeof def === 'function' ? { fn: def } : def;
			registry.set(name, {
				fn: d.fn,
				scope: d.scope !== undefined ? d.scope : family.scope,
				upper: d.upper !== undefined ? d.upper : family.upper,
				noOperating: Boolean(d.noOperating),
			});
		}
	}
	return instrument(registry, recorders);
}

/** Runs a test API action on the portal (e.g. a customer's message) so that the event queues see it too. */
function recorded(ctx, fn) {
	return recordAround(recorders, ctx, fn);
}

module.exports = { buildRegistry, recorded };
