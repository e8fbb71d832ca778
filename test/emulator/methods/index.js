'use strict';
/** The method registry: name -> { fn, scope, upper, noOperating } from every method family. */
const events = require('./events');

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
];

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
	// im.v2.Event.* queue: record message/reaction/join events around every other method.
	return events.instrument(registry);
}

module.exports = { buildRegistry };
