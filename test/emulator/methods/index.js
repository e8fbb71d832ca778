'use strict';
/** The method registry: name -> { fn, scope, upper, noOperating } from every method family. */
const families = [
	require('../batch'),
	require('./misc'),
	require('./dialog'),
	require('./message'),
	require('./chat'),
	require('./recent'),
	require('./notify'),
	require('./user'),
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
	return registry;
}

module.exports = { buildRegistry };
