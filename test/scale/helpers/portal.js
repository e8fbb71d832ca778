'use strict';
/*
 * What the portal saw, from the emulator's request log: every command it ran (alone or inside a batch), its 503s, and
 * the throughput of a run against its rate limit.
 */

/** The emulator portal's request limit in the scale-out tests: Bitrix24's standard plan, 50 at once, then 2 a second. */
const STANDARD = { burst: 50, drainPerSecond: 2 };

/** Every command of `method` the portal ran or refused inside an answered request: { params, ok, errorCode, at }. */
function commandsOf(entries, method) {
	const commands = [];
	for (const e of entries) {
		if (e.method === method && e.status !== 503) commands.push({ params: e.params, ok: e.status === 200, errorCode: e.errorCode, at: e.at });
		if (e.method === 'batch' && e.batchCommands) {
			for (const c of e.batchCommands) if (c.method === method) commands.push({ params: c.params, ok: !c.errorCode, errorCode: c.errorCode, at: e.at });
		}
	}
	return commands;
}

/** How often each key (`keyOf(params)`) ran successfully, as [key, count] pairs for the keys that did not run once. */
function notExactlyOnce(commands, wantedKeys, keyOf) {
	const counts = new Map(wantedKeys.map((key) => [key, 0]));
	for (const c of commands) if (c.ok) counts.set(keyOf(c.params), (counts.get(keyOf(c.params)) || 0) + 1);
	return [...counts].filter(([, n]) => n !== 1);
}

/**
 * The run's requests against the portal's bound. The portal accepts at most `burst` requests at once and `drain`
 * a second after that, so `accepted` requests need at least (accepted - burst) / drain seconds: `ratio` is that bound
 * over the span from the first request to the last accepted one (1 = as fast as the portal allows).
 */
function throughput(entries, { burst, drainPerSecond }) {
	const accepted = entries.filter((e) => e.status !== 503);
	const refused = entries.length - accepted.length;
	const commands = accepted.reduce((n, e) => n + (e.batchCommands ? e.batchCommands.length : 1), 0);
	const spanSeconds = (accepted[accepted.length - 1].at - entries[0].at) / 1000;
	const boundSeconds = Math.max(0, accepted.length - burst) / drainPerSecond;
	return {
		requests: entries.length,
		accepted: accepted.length,
		refused,
		refusedShare: refused / entries.length,
		commands,
		spanSeconds,
		boundSeconds,
		ratio: boundSeconds / spanSeconds,
		commandsPerSecond: commands / spanSeconds,
	};
}

module.exports = { STANDARD, commandsOf, notExactlyOnce, throughput };
