import type { Clock, LeakyBucket, RateLimit } from '../../nodes/shared/transport/limiter';
import { decideRetry } from '../../nodes/shared/transport/retry';

async function settleMicrotasks() {
	for (let i = 0; i < 50; i++) await Promise.resolve();
}

/** Virtual time: sleeps wake in time order only when `run` drives the clock, so no real time passes. */
export class FakeClock implements Clock {
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

/** The portal's bucket as the emulator models it: a refused request is not counted. */
export function serverBucket(limit: RateLimit, clock: FakeClock) {
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

/** A reproducible random sequence in [0, 1) for `seed` (mulberry32). */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = Math.imul(state ^ (state >>> 15), state | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface SendStats {
	rejected: number;
	/** Simulated time at which each item was accepted by the portal, in order. */
	acceptedAt: number[];
}

export interface SendOptions {
	/** Requests in flight at once, each taking the next item (as the client's parallel batches do). */
	senders?: number;
	/** Time on the wire of each request, in ms. */
	latency?: () => number;
	/** The retry backoff's random draw. */
	random?: () => number;
}

/**
 * One sender as the client runs it: items one after another (or `senders` at a time), each acquiring the bucket,
 * then (after the latency on the wire) the portal accepts it or answers 503, which is retried as the client does.
 * A request given up fails the run.
 */
export async function sendItems(
	count: number,
	bucket: LeakyBucket,
	accept: () => boolean,
	clock: FakeClock,
	{ senders = 1, latency = () => 0, random = () => 0.5 }: SendOptions = {},
): Promise<SendStats> {
	const stats: SendStats = { rejected: 0, acceptedAt: [] };
	let next = 0;
	const sender = async () => {
		while (next < count) {
			const item = next++;
			const started = clock.now();
			for (let attempt = 1; ; attempt++) {
				const slot = await bucket.acquire();
				const wire = latency();
				if (wire > 0) await clock.sleep(wire);
				if (accept()) {
					bucket.onSuccess(slot);
					break;
				}
				stats.rejected++;
				bucket.onRateLimited(slot);
				const failure = { kind: 'api' as const, code: 'QUERY_LIMIT_EXCEEDED', description: 'Too many requests' };
				const now = clock.now();
				const decision = decideRetry(failure, { attempt, elapsedMs: now - started, retrySafe: false, nowMs: now }, random);
				if (!decision.retry) throw new Error(`request ${item} given up: ${decision.reason}`);
				await clock.sleep(decision.delayMs);
			}
			stats.acceptedAt.push(clock.now());
		}
	};
	await Promise.all(Array.from({ length: senders }, sender));
	return stats;
}

/** `sendItems` one at a time with a fixed latency. */
export async function send(count: number, bucket: LeakyBucket, accept: () => boolean, clock: FakeClock, latencyMs = 0): Promise<SendStats> {
	return await sendItems(count, bucket, accept, clock, { latency: () => latencyMs });
}

/** Items per simulated second between the `from`-th and the last accepted item. */
export function rate(acceptedAt: number[], from = 0) {
	const span = acceptedAt[acceptedAt.length - 1] - acceptedAt[from];
	return ((acceptedAt.length - 1 - from) / span) * 1000;
}
