'use strict';
/*
 * The users' side of the chat bot benchmark: messages to the bot at random intervals (a seeded generator, so every
 * run sends the same schedule), and what the emulator saw: when each message arrived, which poll read it, when the
 * bot's reply arrived.
 */

/** A small seeded generator (mulberry32): the same seed gives the same intervals on every run. */
function seededRandom(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** `count` gaps in ms, uniform in [minMs, maxMs]. */
function intervals(count, { minMs, maxMs, seed }) {
	const random = seededRandom(seed);
	return Array.from({ length: count }, () => Math.round(minMs + random() * (maxMs - minMs)));
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every call the emulator logged, with a batch's commands unfolded (each with its batch's arrival time). */
function calls(log) {
	return log.flatMap((entry) =>
		entry.method === 'batch'
			? (entry.batchCommands || []).map((command) => ({ method: command.method, params: command.params, at: entry.at, ok: entry.status === 200 && !command.errorCode }))
			: [{ method: entry.method, params: entry.params || {}, at: entry.at, ok: entry.status === 200 }],
	);
}

/** Per message: when it arrived, when the poll that read it arrived, when the bot's reply arrived (null: none). */
function timings(log, texts) {
	const all = calls(log);
	const polls = all.filter((c) => c.method === 'imbot.v2.event.get' && c.ok).map((c) => c.at);
	return texts.map((text) => {
		const sent = all.find((c) => c.method === 'im.message.add' && c.params.MESSAGE === text && c.ok);
		const reply = all.find((c) => c.method === 'imbot.v2.chat.message.send' && c.params.fields && c.params.fields.message === `Echo: ${text}` && c.ok);
		const pollAt = sent ? polls.find((at) => at >= sent.at) : undefined;
		return {
			text,
			sentAt: sent ? sent.at : null,
			pollAt: pollAt === undefined ? null : pollAt,
			replyAt: reply ? reply.at : null,
			replies: all.filter((c) => c.method === 'imbot.v2.chat.message.send' && c.params.fields && c.params.fields.message === `Echo: ${text}` && c.ok).length,
		};
	});
}

/** Waits until `done()` or `timeoutMs`; answers whether it became true. */
async function waitUntil(done, timeoutMs, everyMs = 100) {
	const end = Date.now() + timeoutMs;
	while (Date.now() < end) {
		if (done()) return true;
		await sleep(everyMs);
	}
	return done();
}

module.exports = { intervals, calls, timings, waitUntil, sleep };
