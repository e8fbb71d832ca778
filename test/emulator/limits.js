'use strict';
/**
 * The two Bitrix24 cloud limits.
 * - Leaky bucket per portal: every REST request adds 1, the level drains continuously at drainPerSecond;
 *   a request that would push the level over `burst` is rejected (503 QUERY_LIMIT_EXCEEDED) and not added.
 * - Per-method operating time per credential: the simulated processing time of each call is summed in ten
 *   buckets over a sliding window (default 600 s); once the sum reaches limitSec the method answers
 *   429 OPERATION_TIME_LIMIT until the oldest bucket leaves the window. Tracked always, enforced when enabled.
 */

class LeakyBucket {
	constructor(options) {
		this.configure(options);
	}

	configure(options) {
		this.enabled = options !== false;
		const o = options || {};
		this.burst = o.burst === undefined ? 50 : Number(o.burst);
		this.drainPerSecond = o.drainPerSecond === undefined ? 2 : Number(o.drainPerSecond);
		this.reset();
	}

	reset() {
		this.level = 0;
		this.updatedAt = Date.now();
	}

	current(now = Date.now()) {
		this.level = Math.max(0, this.level - ((now - this.updatedAt) / 1000) * this.drainPerSecond);
		this.updatedAt = now;
		return this.level;
	}

	/** true when the request may run (and is now counted), false when it is rejected */
	take(now = Date.now()) {
		if (!this.enabled) return true;
		if (this.current(now) + 1 > this.burst) return false;
		this.level += 1;
		return true;
	}
}

class OperatingTracker {
	constructor(options) {
		this.configure(options);
	}

	configure(options) {
		this.enabled = Boolean(options);
		const o = options || {};
		this.limitSec = o.limitSec === undefined ? 480 : Number(o.limitSec);
		this.windowMs = (o.windowSec === undefined ? 600 : Number(o.windowSec)) * 1000;
		this.bucketMs = this.windowMs / 10;
		this.defaultCostSec = o.defaultCostSec === undefined ? 0.05 : Number(o.defaultCostSec);
		this.methodCostSec = Object.assign({}, o.methodCostSec || {});
		this.reset();
	}

	reset() {
		this.buckets = new Map(); // key -> [{ start, sum }] oldest first
	}

	cost(method) {
		const c = this.methodCostSec[method];
		return c === undefined ? this.defaultCostSec : Number(c);
	}

	list(key, now) {
		let list = this.buckets.get(key);
		if (!list) {
			list = [];
			this.buckets.set(key, list);
		}
		while (list.length && list[0].start + this.windowMs <= now) list.shift();
		return list;
	}

	/** { operating (s), resetAt (unix s) } for a credential+method key. */
	info(key, now = Date.now()) {
		const list = this.list(key, now);
		let operating = 0;
		for (const b of list) operating += b.sum;
		const resetAt = Math.ceil(((list.length ? list[0].start : now) + this.windowMs) / 1000);
		return { operating: Math.round(operating * 1e6) / 1e6, resetAt };
	}

	/** null when the call may run, else the info that blocks it */
	check(key, now = Date.now()) {
		if (!this.enabled) return null;
		const info = this.info(key, now);
		return info.operating >= this.limitSec ? info : null;
	}

	add(key, seconds, now = Date.now()) {
		const list = this.list(key, now);
		const last = list[list.length - 1];
		if (last && now < last.start + this.bucketMs) last.sum += seconds;
		else list.push({ start: now, sum: seconds });
	}
}

module.exports = { LeakyBucket, OperatingTracker };
