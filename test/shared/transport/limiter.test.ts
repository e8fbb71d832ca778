import type { Clock, RateLimit } from '../../../nodes/shared/transport/limiter';
import {
	bucketFor,
	ENTERPRISE_PLAN,
	LeakyBucket,
	resetBuckets,
	STANDARD_PLAN,
	stricter,
} from '../../../nodes/shared/transport/limiter';
import { decideRetry } from '../../../nodes/shared/transport/retry';

async function settleMicrotasks() {
	for (let i = 0; i < 50; i++) await Promise.resolve();
}

/** Virtual time: sleeps wake in time order only when `run` drives the clock, so no real time passes. */
class FakeClock implements Clock {
	time = 0;
	readonly sleeps: number[] = [];
	private timers: Array<{ at: number; order: number; wake: () => void }> = [];
	private order = 0;

	now = () => this.time;

	sleep = async (ms: number) =>
		await new Promise<void>((wake) => {
			this.sleeps.push(ms);
			this.timers.push({ at: this.time + ms, order: this.order++, wake });
		});

	async run<T>(work: Promise<T>): Promise<T> {
		let settled = false;
		work.then(
			() => (settled = true),
			() => (settled = true),
		);
		for (let idleRounds = 0; ; ) {
			await settleMicrotasks();
			if (settled) return await work;
			this.timers.sort((a, b) => a.at - b.at || a.order - b.order);
			const next = this.timers.shift();
			if (!next) {
				if (++idleRounds > 1000) throw new Error('nothing left to wake: the work is stuck');
				continue;
			}
			idleRounds = 0;
			this.time = next.at;
			next.wake();
		}
	}
}

async function acquireTimes(bucket: LeakyBucket, clock: FakeClock, count: number) {
	const times: number[] = [];
	for (let i = 0; i < count; i++) {
		await bucket.acquire();
		times.push(clock.now());
	}
	return times;
}

/**
 * The limit a bucket applies now, as a caller sees it once the bucket has drained: how many requests go at once (its
 * burst less the one request of headroom), and then how far apart the rest go (one slot at its drain rate).
 */
async function observedLimit(bucket: LeakyBucket, clock: FakeClock) {
	clock.time += 10_000_000;
	const start = clock.now();
	const times = await clock.run(acquireTimes(bucket, clock, 60));
	const sentAtOnce = times.filter((time) => time === start).length;
	return { sentAtOnce, slotMs: times[sentAtOnce + 1] - times[sentAtOnce] };
}

describe('LeakyBucket', () => {
	it('lets 49 requests through at once and spaces the rest 500 ms apart at 2/s', async () => {
		const clock = new FakeClock();
		const bucket = new LeakyBucket(STANDARD_PLAN, clock);
		const times = await clock.run(acquireTimes(bucket, clock, 52));
		expect(times.slice(0, 49)).toEqual(new Array(49).fill(0));
		expect(times.slice(49)).toEqual([500, 1000, 1500]);
		expect(clock.sleeps).toEqual([500, 500, 500]);
	});

	it('drains while idle, so a full burst passes again later', async () => {
		const clock = new FakeClock();
		const bucket = new LeakyBucket(ENTERPRISE_PLAN, clock);
		await clock.run(acquireTimes(bucket, clock, 249));
		clock.time += 24_000; // 120 of 249 drained at 5/s
		await clock.run(acquireTimes(bucket, clock, 120));
		expect(clock.sleeps).toEqual([]);
		await clock.run(acquireTimes(bucket, clock, 1));
		expect(clock.sleeps).toEqual([200]);
	});

	it('queues concurrent callers in call order, one drain interval apart', async () => {
		const clock = new FakeClock();
		const bucket = new LeakyBucket(STANDARD_PLAN, clock);
		await clock.run(acquireTimes(bucket, clock, 49));
		const finished: Array<[number, number]> = [];
		const callers = [1, 2, 3, 4].map(async (caller) => {
			await bucket.acquire();
			finished.push([caller, clock.now()]);
		});
		await clock.run(Promise.all(callers));
		expect(finished).toEqual([[1, 500], [2, 1000], [3, 1500], [4, 2000]]);
	});

	it('halves rate and burst once per burst of 503s, treats the bucket as full, and stops at the floor', async () => {
		const clock = new FakeClock();
		const bucket = new LeakyBucket(STANDARD_PLAN, clock);
		bucket.onRateLimited();
		bucket.onRateLimited(); // same episode: no second cut
		expect(await clock.run(acquireTimes(bucket, clock, 2))).toEqual([1000, 2000]);
		expect(await observedLimit(bucket, clock)).toEqual({ sentAtOnce: 24, slotMs: 1000 }); // burst 25, 1/s
		clock.time += 2000;
		bucket.onRateLimited();
		expect(await observedLimit(bucket, clock)).toEqual({ sentAtOnce: 11, slotMs: 2000 }); // burst 12.5, 0.5/s
		for (let i = 0; i < 10; i++) {
			clock.time += 2000;
			bucket.onRateLimited();
		}
		expect(await observedLimit(bucket, clock)).toEqual({ sentAtOnce: 0, slotMs: 5000 }); // burst 1, 0.2/s
	});

	it('recovers a tenth of the configured limit per 10 successes, up to the configured limit', async () => {
		const clock = new FakeClock();
		const bucket = new LeakyBucket(STANDARD_PLAN, clock);
		bucket.onRateLimited();
		for (let i = 0; i < 9; i++) bucket.onSuccess();
		expect(await observedLimit(bucket, clock)).toEqual({ sentAtOnce: 24, slotMs: 1000 }); // burst 25, 1/s
		bucket.onSuccess();
		expect(await observedLimit(bucket, clock)).toEqual({ sentAtOnce: 29, slotMs: 833 }); // burst 30, 1.2/s
		for (let i = 0; i < 100; i++) bucket.onSuccess();
		expect(await observedLimit(bucket, clock)).toEqual({ sentAtOnce: 49, slotMs: 500 }); // the standard plan
	});

	it('after a 503 the level is full at the new burst, not at the old level, so the next request waits one slot', async () => {
		const clock = new FakeClock();
		const bucket = new LeakyBucket(STANDARD_PLAN, clock);
		await clock.run(acquireTimes(bucket, clock, 40)); // level 40 of the configured 49: the portal was smaller
		bucket.onRateLimited(); // the portal is full: burst 25, 1/s, our level 24 (not 40, which took 16 s to drain)
		expect(await clock.run(acquireTimes(bucket, clock, 3))).toEqual([1000, 2000, 3000]);
	});

	it('a 503 while we already send at our own limit (a shared portal) adds a cool-off of a quarter burst', async () => {
		const clock = new FakeClock();
		const bucket = new LeakyBucket(STANDARD_PLAN, clock);
		await clock.run(acquireTimes(bucket, clock, 49)); // at the top of our bucket
		bucket.onRateLimited(); // burst 25, 1/s: level 24 + 1 + 25 / 4
		expect(await clock.run(acquireTimes(bucket, clock, 2))).toEqual([8250, 9250]);
	});

	it('keeps the slots already promised to waiting callers when a 503 resets the level', async () => {
		const clock = new FakeClock();
		const bucket = new LeakyBucket(STANDARD_PLAN, clock);
		await clock.run(acquireTimes(bucket, clock, 49));
		const waiting = [bucket.acquire(), bucket.acquire()]; // promised the slots at 500 and 1000 ms
		bucket.onRateLimited();
		// Level 24 + those 2 + the cool-off of 7.25; the next caller comes one slot after that, at 1/s.
		const next = bucket.acquire().then(() => clock.now());
		expect(await clock.run(next)).toBe(10_250);
		await clock.run(Promise.all(waiting));
	});

	it('a burst that grows back while requests keep coming is room for later, not a burst sent at once', async () => {
		const clock = new FakeClock();
		const bucket = new LeakyBucket(STANDARD_PLAN, clock);
		bucket.onRateLimited(); // 25, 1/s, full
		const times: number[] = [];
		await clock.run(
			(async () => {
				for (let i = 0; i < 40; i++) {
					await bucket.acquire();
					times.push(clock.now());
					bucket.onSuccess();
				}
			})(),
		);
		const gaps = times.slice(1).map((t, i) => t - times[i]);
		// Once idle long enough to drain, the recovered burst is there again ...
		const recovered = await observedLimit(bucket, clock);
		expect(recovered.sentAtOnce).toBeGreaterThan(24);
		// ... but while the requests kept coming, they went at the drain rate.
		expect(Math.min(...gaps)).toBeGreaterThanOrEqual(recovered.slotMs - 1);
	});
});

/** The portal's bucket as the emulator models it. */
function serverBucket(limit: RateLimit, clock: FakeClock) {
	let level = 0;
	let at = 0;
	return () => {
		level = Math.max(0, level - ((clock.now() - at) / 1000) * limit.drainPerSecond);
		at = clock.now();
		if (level + 1 > limit.burst) return false;
		level += 1;
		return true;
	};
}

interface SendStats {
	rejected: number;
	/** Simulated time at which each item was accepted by the portal, in order. */
	acceptedAt: number[];
}

/**
 * One sender as the executor runs it with batching off: items one after another, each acquiring the bucket, then
 * (after `latencyMs` on the wire) the portal accepts it or answers 503, which is retried as the client does.
 */
async function send(count: number, bucket: LeakyBucket, accept: () => boolean, clock: FakeClock, latencyMs = 0): Promise<SendStats> {
	const stats: SendStats = { rejected: 0, acceptedAt: [] };
	for (let i = 0; i < count; i++) {
		const started = clock.now();
		for (let attempt = 1; ; attempt++) {
			await bucket.acquire();
			if (latencyMs > 0) await clock.sleep(latencyMs);
			if (accept()) break;
			stats.rejected++;
			bucket.onRateLimited();
			const failure = { kind: 'api' as const, code: 'QUERY_LIMIT_EXCEEDED', description: 'Too many requests' };
			const now = clock.now();
			const decision = decideRetry(failure, { attempt, elapsedMs: now - started, retrySafe: false, nowMs: now }, () => 0.5);
			if (!decision.retry) throw new Error(`request ${i} given up: ${decision.reason}`);
			await clock.sleep(decision.delayMs);
		}
		stats.acceptedAt.push(clock.now());
		bucket.onSuccess();
	}
	return stats;
}

async function sendAll(count: number, bucket: LeakyBucket, accept: () => boolean, clock: FakeClock) {
	return (await send(count, bucket, accept, clock)).rejected;
}

describe('LeakyBucket against the portal bucket (simulated)', () => {
	it('one process with 3 parallel senders never gets a 503', async () => {
		const clock = new FakeClock();
		const accept = serverBucket(STANDARD_PLAN, clock);
		const bucket = new LeakyBucket(STANDARD_PLAN, clock);
		const rejected = await clock.run(Promise.all([1, 2, 3].map(async () => await sendAll(60, bucket, accept, clock))));
		expect(rejected).toEqual([0, 0, 0]);
		expect(clock.now()).toBe(((180 - 49) / 2) * 1000);
	});

	it.each([
		[3, 125_000],
		[8, 375_000],
	])('%i processes that know nothing of each other all finish, near the portal rate', async (count, ideal) => {
		const clock = new FakeClock();
		const accept = serverBucket(STANDARD_PLAN, clock);
		const processes = Array.from({ length: count }, () => new LeakyBucket(STANDARD_PLAN, clock));
		const rejected = await clock.run(Promise.all(processes.map(async (b) => await sendAll(100, b, accept, clock))));
		expect(Math.max(...rejected)).toBeLessThanOrEqual(10);
		expect(clock.now()).toBeLessThan(ideal * 1.1);
	});
});

/** Items per simulated second between the `from`-th and the last accepted item. */
function rate(acceptedAt: number[], from = 0) {
	const span = acceptedAt[acceptedAt.length - 1] - acceptedAt[from];
	return ((acceptedAt.length - 1 - from) / span) * 1000;
}

describe('a portal whose bucket is smaller than the configured plan (simulated)', () => {
	const configured = STANDARD_PLAN; // 50, 2/s

	it('portal 10 / 2 per s: one sender settles at the portal rate after one 503', async () => {
		const clock = new FakeClock();
		const portal = { burst: 10, drainPerSecond: 2 };
		const bucket = new LeakyBucket(configured, clock);
		const stats = await clock.run(send(400, bucket, serverBucket(portal, clock), clock, 20));
		expect(stats.rejected).toBeLessThanOrEqual(2);
		// The whole run, burst included: the portal allows (400 - 10) / 2 = 195 s.
		expect(clock.now()).toBeLessThan(195_000 * 1.1);
		expect(400 / (clock.now() / 1000)).toBeGreaterThan(1.8);
		// Steady state: the second half runs at the portal's rate.
		expect(rate(stats.acceptedAt, 200)).toBeGreaterThan(1.95);
	});

	it('portal 3 / 2 per s (the e2e test\'s tiny bucket), 120 items: about a minute, not nine', async () => {
		const clock = new FakeClock();
		const portal = { burst: 3, drainPerSecond: 2 };
		const bucket = new LeakyBucket(configured, clock);
		const stats = await clock.run(send(120, bucket, serverBucket(portal, clock), clock, 5));
		expect(stats.rejected).toBeGreaterThan(0);
		expect(stats.rejected).toBeLessThanOrEqual(3);
		// The portal allows (120 - 3) / 2 = 58.5 s.
		expect(clock.now()).toBeLessThan(75_000);
		expect(rate(stats.acceptedAt, 60)).toBeGreaterThan(1.95);
	});

	it('the portal also drains slower than configured (10 / 1 per s): close to 1 per s, 503s bounded', async () => {
		const clock = new FakeClock();
		const portal = { burst: 10, drainPerSecond: 1 };
		const bucket = new LeakyBucket(configured, clock);
		const stats = await clock.run(send(300, bucket, serverBucket(portal, clock), clock, 20));
		expect(stats.rejected).toBeLessThanOrEqual(15);
		expect(rate(stats.acceptedAt, 100)).toBeGreaterThan(0.85);
	});

	it.each([
		[{ burst: 10, drainPerSecond: 2 }, 2, 150],
		[{ burst: 50, drainPerSecond: 2 }, 2, 100],
		[{ burst: 3, drainPerSecond: 2 }, 2, 60],
	])('portal %o shared by %i processes of %i items each: both finish, within a third of the portal rate', async (portal, count, items) => {
		const clock = new FakeClock();
		const accept = serverBucket(portal, clock);
		const processes = Array.from({ length: count }, () => new LeakyBucket(configured, clock));
		const stats = await clock.run(Promise.all(processes.map(async (b) => await send(items, b, accept, clock, 20))));
		const ideal = ((count * items - portal.burst) / portal.drainPerSecond) * 1000;
		expect(clock.now()).toBeLessThan(ideal * 1.35);
		for (const s of stats) {
			expect(s.acceptedAt).toHaveLength(items);
			expect(s.rejected).toBeLessThanOrEqual(12);
		}
	});
});

describe('bucketFor', () => {
	beforeEach(() => resetBuckets());

	it('keeps one bucket per portal, whatever limit each user of it asks for', () => {
		const bucket = bucketFor('a.bitrix24.com', STANDARD_PLAN);
		expect(bucketFor('a.bitrix24.com', { burst: 50, drainPerSecond: 2 })).toBe(bucket);
		expect(bucketFor('a.bitrix24.com', ENTERPRISE_PLAN)).toBe(bucket);
		expect(bucketFor('b.bitrix24.com', STANDARD_PLAN)).not.toBe(bucket);
		resetBuckets();
		expect(bucketFor('a.bitrix24.com', STANDARD_PLAN)).not.toBe(bucket);
	});

	it('applies the stricter of two settings for one portal, in whichever order they come', async () => {
		for (const [first, second] of [
			[STANDARD_PLAN, ENTERPRISE_PLAN],
			[ENTERPRISE_PLAN, STANDARD_PLAN],
		]) {
			resetBuckets();
			const clock = new FakeClock();
			bucketFor('a.bitrix24.com', first, clock);
			const bucket = bucketFor('a.bitrix24.com', second, clock);
			expect(await observedLimit(bucket, clock)).toEqual({ sentAtOnce: 49, slotMs: 500 });
		}
	});

	it('forgets a stricter setting ten minutes after its last use, and wins the higher limit back step by step', async () => {
		const clock = new FakeClock();
		bucketFor('a.bitrix24.com', { burst: 10, drainPerSecond: 1 }, clock);
		clock.time += 5 * 60_000;
		const bucket = bucketFor('a.bitrix24.com', STANDARD_PLAN, clock);
		expect(await observedLimit(bucket, clock)).toEqual({ sentAtOnce: 9, slotMs: 1000 }); // still the strict one
		clock.time += 11 * 60_000;
		bucketFor('a.bitrix24.com', STANDARD_PLAN, clock);
		for (let i = 0; i < 200; i++) bucket.onSuccess();
		expect(await observedLimit(bucket, clock)).toEqual({ sentAtOnce: 49, slotMs: 500 });
	});
});

describe('one portal used by an action node, a trigger and a list search (simulated)', () => {
	beforeEach(() => resetBuckets());

	it('together they never exceed the portal\'s bucket, although the action node is set to Enterprise', async () => {
		const clock = new FakeClock();
		const accept = serverBucket(STANDARD_PLAN, clock);
		// Each asks for its bucket as its client does: the credential (standard) made stricter by its own setting.
		const action = bucketFor('acme.bitrix24.com', stricter(STANDARD_PLAN, ENTERPRISE_PLAN), clock);
		const trigger = bucketFor('acme.bitrix24.com', STANDARD_PLAN, clock);
		const listSearch = bucketFor('acme.bitrix24.com', STANDARD_PLAN, clock);
		const stats = await clock.run(
			Promise.all([send(200, action, accept, clock, 20), send(40, trigger, accept, clock, 20), send(20, listSearch, accept, clock, 20)]),
		);
		expect(stats.map(({ rejected }) => rejected)).toEqual([0, 0, 0]);
		expect(stats.map(({ acceptedAt }) => acceptedAt.length)).toEqual([200, 40, 20]);
	});
});
