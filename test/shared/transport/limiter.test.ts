import type { Slot } from '../../../nodes/shared/transport/limiter';
import {
	bucketFor,
	ENTERPRISE_PLAN,
	LeakyBucket,
	resetBuckets,
	STANDARD_PLAN,
} from '../../../nodes/shared/transport/limiter';
import { FakeClock } from '../../helpers/simulatedPortal';

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

/** A bucket that has just been slowed down: a 503 at its own limit, so now 1/s, burst 25, and a cool-off (8.25 s). */
async function slowedDown() {
	const clock = new FakeClock();
	const bucket = new LeakyBucket(STANDARD_PLAN, clock);
	await clock.run(acquireTimes(bucket, clock, 49));
	bucket.onRateLimited();
	return { clock, bucket };
}

describe('LeakyBucket probes for room its share does not give it', () => {
	/** Callers that will wait their turn, and how each `acquire` at a given time went (`queued` if it waits). */
	function callers(bucket: LeakyBucket, clock: FakeClock) {
		const pending: Array<Promise<unknown>> = [];
		return {
			queue(count: number) {
				for (let i = 0; i < count; i++) pending.push(bucket.acquire());
			},
			async at(time: number): Promise<Slot | 'queued'> {
				clock.time = time;
				let slot: Slot | undefined;
				pending.push(bucket.acquire().then((got) => (slot = got)));
				for (let i = 0; i < 10; i++) await Promise.resolve();
				return slot ?? 'queued';
			},
			/** The probe a caller at `time` is handed; the test fails if it queues instead. */
			async probeAt(time: number): Promise<Slot> {
				const slot = await this.at(time);
				if (slot === 'queued') throw new Error(`no probe at ${time} ms`);
				return slot;
			},
			finish: async () => await clock.run(Promise.all(pending)),
		};
	}

	it('a lone caller never probes: it waits its turn, however long after a slowdown', async () => {
		const { clock, bucket } = await slowedDown();
		const slots: Slot[] = [];
		const times = await clock.run(
			(async () => {
				const at: number[] = [];
				for (let i = 0; i < 20; i++) {
					slots.push(await bucket.acquire());
					at.push(clock.now());
				}
				return at;
			})(),
		);
		expect(slots.every((slot) => !slot.probe)).toBe(true);
		expect(times.slice(0, 3)).toEqual([8250, 9250, 10_250]);
	});

	it('with callers queued, one goes early 5 s after the slowdown to half the rate, and one probe at a time', async () => {
		const { clock, bucket } = await slowedDown();
		const caller = callers(bucket, clock);
		caller.queue(1);
		expect(await caller.at(4999)).toBe('queued');
		expect(await caller.at(5000)).toEqual({ probe: true });
		expect(await caller.at(5000)).toBe('queued'); // the probe is not answered yet
		await caller.finish();
	});

	it('a refused probe slows nothing down and doubles the wait for the next: 10 s, then 20 s', async () => {
		const { clock, bucket } = await slowedDown();
		const caller = callers(bucket, clock);
		caller.queue(40);
		const probeTimes: number[] = [];
		for (const time of [5000, 14_999, 15_000, 34_999, 35_000]) {
			const slot = await caller.at(time);
			if (slot === 'queued') continue;
			probeTimes.push(time);
			bucket.onRateLimited(slot);
		}
		expect(probeTimes).toEqual([5000, 15_000, 35_000]);
		await caller.finish();
		expect(await observedLimit(bucket, clock)).toEqual({ sentAtOnce: 24, slotMs: 1000 }); // still 1/s, burst 25
	});

	it('an accepted probe undoes the slowdown, and the burst won back is room at once', async () => {
		const { clock, bucket } = await slowedDown();
		const caller = callers(bucket, clock);
		caller.queue(1);
		const probe = await caller.probeAt(5000);
		bucket.onSuccess(probe);
		// Level 33.25 - 5 s at 1/s = 27.25 of a burst back at 50: 21 requests go at once.
		expect(await clock.run(acquireTimes(bucket, clock, 22))).toEqual([...new Array(21).fill(5000), 5125]);
		await caller.finish();
		expect(await observedLimit(bucket, clock)).toEqual({ sentAtOnce: 49, slotMs: 500 });
	});

	it('a probe that failed otherwise proves nothing: the next waiting caller may probe', async () => {
		const { clock, bucket } = await slowedDown();
		const caller = callers(bucket, clock);
		caller.queue(1);
		const probe = await caller.probeAt(5000);
		bucket.onOtherFailure(probe);
		expect(await caller.at(5000)).toEqual({ probe: true });
		await caller.finish();
	});

	it('the smaller our share, the later the first probe: 20 s after a slowdown to a quarter of the rate', async () => {
		const { clock, bucket } = await slowedDown();
		clock.time = 2000;
		bucket.onRateLimited(); // 0.5/s
		const caller = callers(bucket, clock);
		caller.queue(1);
		expect(await caller.at(21_999)).toBe('queued');
		expect(await caller.at(22_000)).toEqual({ probe: true });
		await caller.finish();
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
