import { sleep } from 'n8n-workflow';

export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

export interface RateLimit {
	burst: number;
	drainPerSecond: number;
}

export const STANDARD_PLAN: RateLimit = { burst: 50, drainPerSecond: 2 };
export const ENTERPRISE_PLAN: RateLimit = { burst: 250, drainPerSecond: 5 };

/** A Rate Limit choice (credential or node option) as a limit; undefined for no choice. */
export function planLimit(choice: unknown, burst: unknown, drainPerSecond: unknown): RateLimit | undefined {
	if (choice === 'standard') return STANDARD_PLAN;
	if (choice === 'enterprise') return ENTERPRISE_PLAN;
	if (choice !== 'custom') return undefined;
	const positive = (value: unknown, fallback: number) => (typeof value === 'number' && value > 0 ? value : fallback);
	return { burst: positive(burst, STANDARD_PLAN.burst), drainPerSecond: positive(drainPerSecond, STANDARD_PLAN.drainPerSecond) };
}

/** The stricter of two limits, part by part. */
export function stricter(a: RateLimit, b: RateLimit | undefined): RateLimit {
	return b ? { burst: Math.min(a.burst, b.burst), drainPerSecond: Math.min(a.drainPerSecond, b.drainPerSecond) } : a;
}

const realClock: Clock = { now: () => Date.now(), sleep: async (ms) => await sleep(ms) };

/**
 * One request of room is kept free: the portal counts a request when it arrives, not when we send it, so uneven
 * network delays can make its level run up to half a second (at 2/s) ahead of ours.
 */
const HEADROOM = 1;
const SLOWDOWN_FACTOR = 0.5;
const MIN_DRAIN_PER_SECOND = 0.2;
const MIN_BURST = 1;
/** Recovery is additive (a tenth of the configured limit per step), so clients that share a portal converge. */
const RECOVERY_STEP = 0.1;
const SUCCESSES_PER_RECOVERY_STEP = 10;
/** 503s that arrive together are one overload episode: slow down once for them, not once each. */
const SLOWDOWN_COOLDOWN_MS = 2000;
/** How long a limit asked for by a user of the portal keeps counting after its last use (see `configure`). */
const SETTING_MEMORY_MS = 10 * 60 * 1000;
/**
 * A 503 that comes while we already send at our drain rate (our level at the top) means the portal is shared with
 * other clients or drains slower than we think: its bucket is full of requests that are not all ours. Besides the
 * slowdown, wait this share of the new burst (plus one slot) before the next request, so the portal drains first.
 */
const SHARED_COOL_OFF_SLOTS = 1;
const SHARED_COOL_OFF_BURST_SHARE = 0.25;
/**
 * Clients that share a portal see only their own answers: one left alone after its peers finished looks exactly like
 * one of two that still share, and winning the rate back a step per 10 successes takes it a minute. So after a
 * slowdown, a client whose callers queue behind each other (it has more work than its share lets through) now and
 * then sends one request before its turn: a probe. Refused, it cost one 503 and changes nothing but the wait for the
 * next probe (doubled); accepted, the portal had room our share did not give us, so the last slowdown is undone.
 * The first probe after a slowdown waits this long divided by the square of our share of the configured rate (5 s
 * at half of it, 20 s at a quarter): the more clients share the portal, the less one of them leaving frees and the
 * less often each probes.
 */
const PROBE_AFTER_MS = 1250;

/** What `acquire` hands out, to be given back with the answer: whether the request was a probe (see PROBE_AFTER_MS). */
export interface Slot {
	probe: boolean;
}

const IN_TURN: Slot = { probe: false };

/**
 * A client-side model of the portal's leaky bucket: every request adds 1, the level drains continuously, and a
 * request waits until it fits. The level includes requests that are still waiting for their slot, so concurrent
 * callers line up one drain interval apart, in the order they asked.
 *
 * It adapts to what the portal answers: on QUERY_LIMIT_EXCEEDED it halves rate and burst and takes the portal's
 * bucket as full; every 10 successes it wins back a tenth of the configured limit, and a probe that gets through
 * undoes a slowdown.
 */
export class LeakyBucket {
	private level = 0;
	private levelAt: number;
	private burst: number;
	private drainPerSecond: number;
	private successesSinceChange = 0;
	private lastSlowdownAt = Number.NEGATIVE_INFINITY;
	private waitingCallers = 0;
	private probing = false;
	private probeIntervalMs = PROBE_AFTER_MS;
	private nextProbeAt = Number.POSITIVE_INFINITY;
	/** The configured limit: the strictest one asked for recently. */
	private limit: RateLimit;
	private readonly settings = new Map<string, { limit: RateLimit; seenAt: number }>();

	constructor(
		limit: RateLimit,
		private readonly clock: Clock = realClock,
	) {
		this.limit = limit;
		this.burst = limit.burst;
		this.drainPerSecond = limit.drainPerSecond;
		this.levelAt = clock.now();
		this.configure(limit);
	}

	/**
	 * A user of the portal (an execution, a poll, a list search) asks for `limit`. When settings disagree - two
	 * credentials of one portal, a node option and a credential - the strictest one asked for in the last ten minutes
	 * applies, so nothing raises the rate another user of the portal holds to. The adaptive rate only goes down to it
	 * at once; a higher limit is won back step by step.
	 */
	configure(limit: RateLimit): void {
		const now = this.clock.now();
		this.settings.set(`${limit.burst}/${limit.drainPerSecond}`, { limit, seenAt: now });
		for (const [key, setting] of this.settings) if (now - setting.seenAt > SETTING_MEMORY_MS) this.settings.delete(key);
		this.limit = [...this.settings.values()].reduce((strictest, { limit: other }) => stricter(strictest, other), limit);
		this.drainUntilNow();
		this.burst = Math.min(this.burst, this.limit.burst);
		this.drainPerSecond = Math.min(this.drainPerSecond, this.limit.drainPerSecond);
	}

	async acquire(): Promise<Slot> {
		this.drainUntilNow();
		const overflow = this.level + 1 - (this.burst - HEADROOM);
		if (overflow <= 0) {
			this.level += 1;
			return IN_TURN;
		}
		if (this.mayProbe()) {
			this.probing = true;
			return { probe: true };
		}
		this.level += 1;
		this.waitingCallers += 1;
		try {
			await this.clock.sleep(Math.ceil((overflow / this.drainPerSecond) * 1000));
		} finally {
			this.waitingCallers -= 1;
		}
		return IN_TURN;
	}

	private mayProbe(): boolean {
		return (
			this.waitingCallers > 0 &&
			!this.probing &&
			this.clock.now() >= this.nextProbeAt &&
			this.drainPerSecond < this.limit.drainPerSecond
		);
	}

	/** The next probe, `intervalMs` scaled by our share of the configured rate (see PROBE_AFTER_MS). */
	private scheduleProbe(intervalMs: number): void {
		const share = this.drainPerSecond / this.limit.drainPerSecond;
		this.probeIntervalMs = intervalMs;
		this.nextProbeAt = this.clock.now() + intervalMs / share ** 2;
	}

	/**
	 * The portal answered QUERY_LIMIT_EXCEEDED: its bucket is full right now. Slow down (once per overload episode)
	 * and set our level to full at the burst we now assume, so the next request waits one slot at the new rate.
	 * Our own level is dropped: it counts against a burst the portal just proved too large, and draining it at the
	 * halved rate would stall every caller. Slots already promised to waiting callers stay counted, and a 503 that
	 * comes although we are at our own limit adds a short cool-off (see above).
	 */
	onRateLimited(slot: Slot = IN_TURN): void {
		this.drainUntilNow();
		if (slot.probe) {
			this.probing = false;
			this.scheduleProbe(this.probeIntervalMs * 2);
			return;
		}
		this.successesSinceChange = 0;
		const full = this.burst - HEADROOM;
		const promised = Math.max(0, this.level - full);
		const atOurLimit = this.level >= full - 0.5;
		let coolOff = 0;
		const now = this.clock.now();
		if (now - this.lastSlowdownAt >= SLOWDOWN_COOLDOWN_MS) {
			this.lastSlowdownAt = now;
			this.drainPerSecond = Math.max(MIN_DRAIN_PER_SECOND, this.drainPerSecond * SLOWDOWN_FACTOR);
			this.burst = Math.max(MIN_BURST, this.burst * SLOWDOWN_FACTOR);
			if (atOurLimit) coolOff = SHARED_COOL_OFF_SLOTS + this.burst * SHARED_COOL_OFF_BURST_SHARE;
			this.scheduleProbe(PROBE_AFTER_MS);
		}
		this.level = this.burst - HEADROOM + promised + coolOff;
	}

	/**
	 * Every 10 successes, win back a tenth of the configured limit. A larger burst is room for later: the level
	 * rises with it, so a caller that keeps the bucket busy goes on at the drain rate instead of spending the new
	 * room at once (a portal smaller than the plan refuses that burst, and each refusal halves the rate again);
	 * once the level drains, the room is there.
	 */
	onSuccess(slot: Slot = IN_TURN): void {
		if (slot.probe) {
			this.probing = false;
			this.undoSlowdown();
			return;
		}
		this.successesSinceChange += 1;
		if (this.successesSinceChange < SUCCESSES_PER_RECOVERY_STEP) return;
		this.successesSinceChange = 0;
		this.drainUntilNow();
		this.drainPerSecond = Math.min(
			this.limit.drainPerSecond,
			this.drainPerSecond + this.limit.drainPerSecond * RECOVERY_STEP,
		);
		const before = this.burst;
		this.burst = Math.min(this.limit.burst, this.burst + this.limit.burst * RECOVERY_STEP);
		this.level += this.burst - before;
	}

	/** A request failed otherwise (an error, a lost answer): as a probe it proved nothing, and the next may go. */
	onOtherFailure(slot: Slot): void {
		if (slot.probe) this.probing = false;
	}

	/**
	 * A probe got through: double rate and burst (up to the configured limit). The level stays, so the burst won
	 * back is room at once: the portal has it, and our callers are queueing for it.
	 */
	private undoSlowdown(): void {
		this.drainUntilNow();
		this.drainPerSecond = Math.min(this.limit.drainPerSecond, this.drainPerSecond / SLOWDOWN_FACTOR);
		this.burst = Math.min(this.limit.burst, this.burst / SLOWDOWN_FACTOR);
		this.successesSinceChange = 0;
		this.scheduleProbe(PROBE_AFTER_MS);
	}

	private drainUntilNow(): void {
		const now = this.clock.now();
		const drained = ((now - this.levelAt) / 1000) * this.drainPerSecond;
		this.level = Math.max(0, this.level - drained);
		this.levelAt = now;
	}
}

const buckets = new Map<string, LeakyBucket>();

/** The one bucket every execution, poll and list search of this n8n process shares for a portal (by origin). */
export function bucketFor(portal: string, limit: RateLimit, clock: Clock = realClock): LeakyBucket {
	let bucket = buckets.get(portal);
	if (!bucket) {
		bucket = new LeakyBucket(limit, clock);
		buckets.set(portal, bucket);
	} else {
		bucket.configure(limit);
	}
	return bucket;
}

/** Forgets every shared bucket (tests only). */
export function resetBuckets(): void {
	buckets.clear();
}
