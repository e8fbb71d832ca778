'use strict';
/*
 * Jest globalSetup for the scale-out suite: what the end-to-end suite's setup does (n8n provisioned, the package
 * built), then Redis and PostgreSQL installed from Debian's packages if they are missing.
 */
const e2eSetup = require('../e2e/globalSetup');
const { ensureBackends } = require('../../scripts/lib/n8n');

module.exports = async function globalSetup() {
	await e2eSetup();
	const log = (s) => process.stderr.write(`${s}\n`);
	const { installed, seconds } = await ensureBackends({ log });
	log(installed.length ? `[scale] installed ${installed.join(', ')} in ${seconds.toFixed(1)} s` : '[scale] Redis and PostgreSQL are installed');
};
