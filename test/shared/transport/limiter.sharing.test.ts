import { bucketFor, ENTERPRISE_PLAN, LeakyBucket, resetBuckets, STANDARD_PLAN, stricter } from '../../../nodes/shared/transport/limiter';
import { FakeClock, rate, seededRandom, send, sendItems, serverBucket } from '../../helpers/simulatedPortal';

/*
 * Clients that share one portal and know nothing of each other (n8n processes, workers, or an action node, a trigger
 * and a list search in one process), simulated against the portal's bucket on a virtual clock.
 */

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

describe("n8n's queue mode: workers that share one portal (simulated)", () => {
	const MARK = 20; // a workflow of 1,000 Mark Unread items: 20 batch requests, one after another
	const SEND = 4; // 200 Message → Send items: 4 batch requests
	/** How n8n may hand the seven workflows of the queue-mode suite to two workers (requests of each execution). */
	const SPLITS = [
		[[MARK, MARK, MARK, SEND, SEND], [MARK, MARK]],
		[[MARK, MARK, SEND, SEND], [MARK, MARK, MARK]],
		[[MARK, MARK, MARK, SEND], [MARK, MARK, SEND]],
		[[MARK, SEND, SEND], [MARK, MARK, MARK, MARK]],
		[[MARK, MARK], [MARK, MARK, MARK, SEND, SEND]],
	];

	/** One run: each worker a bucket of its own, its executions started within 400 ms, 20-50 ms on the wire. */
	async function queueModeRun(workers: number[][], seed: number) {
		const clock = new FakeClock();
		const random = seededRandom(seed);
		const portal = serverBucket(STANDARD_PLAN, clock);
		const answers: Array<{ at: number; accepted: boolean }> = [];
		const accept = () => {
			const accepted = portal();
			answers.push({ at: clock.now(), accepted });
			return accepted;
		};
		const latency = () => 20 + Math.round(random() * 30);
		const executions = workers.flatMap((requests) => {
			const bucket = new LeakyBucket(STANDARD_PLAN, clock);
			return requests.map(async (count) => {
				await clock.sleep(Math.round(random() * 400));
				return await sendItems(count, bucket, accept, clock, { latency, random });
			});
		});
		await clock.run(Promise.all(executions));
		const accepted = answers.filter((answer) => answer.accepted);
		const spanMs = accepted[accepted.length - 1].at - answers[0].at;
		const boundMs = ((accepted.length - STANDARD_PLAN.burst) / STANDARD_PLAN.drainPerSecond) * 1000;
		return { accepted: accepted.length, refusedShare: 1 - accepted.length / answers.length, ofBound: boundMs / spanMs };
	}

	it('two workers with uneven work: the one left alone wins the rate back, at least 85% of the bound (median of 20 runs)', async () => {
		const runs = [];
		for (const [index, workers] of SPLITS.entries()) {
			for (let seed = 1; seed <= 4; seed++) runs.push(await queueModeRun(workers, index * 100 + seed));
		}
		for (const run of runs) {
			expect(run.accepted).toBe(108);
			expect(run.refusedShare).toBeLessThan(0.15);
		}
		const ofBound = runs.map((run) => run.ofBound).sort((a, b) => a - b);
		expect(ofBound[Math.floor(ofBound.length / 2)]).toBeGreaterThanOrEqual(0.85);
	});

	it.each([
		[8, 3],
		[4, 5],
	])('%i processes with %i requests in flight each (parallel batches): none given up, a quarter refused at most, within 1.5 × the ideal time', async (count, senders) => {
		for (let seed = 1; seed <= 5; seed++) {
			const clock = new FakeClock();
			const random = seededRandom(seed);
			const accept = serverBucket(STANDARD_PLAN, clock);
			const latency = () => 20 + Math.round(random() * 20);
			const stats = await clock.run(
				Promise.all(Array.from({ length: count }, async () => await sendItems(100, new LeakyBucket(STANDARD_PLAN, clock), accept, clock, { senders, latency, random }))),
			);
			const idealMs = ((count * 100 - STANDARD_PLAN.burst) / STANDARD_PLAN.drainPerSecond) * 1000;
			expect(stats.map(({ acceptedAt }) => acceptedAt.length)).toEqual(new Array(count).fill(100)); // a request given up throws
			expect(Math.max(...stats.map(({ rejected }) => rejected))).toBeLessThanOrEqual(25);
			expect(clock.now()).toBeLessThan(idealMs * 1.5);
		}
	});
});
