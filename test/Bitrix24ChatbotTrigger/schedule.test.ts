import { POLL_TIMING, PollSchedule } from '../../nodes/Bitrix24ChatbotTrigger/schedule';

const HOUR = 3600_000;

describe('PollSchedule', () => {
	it('every 2 s while a conversation goes on, for a minute after the last event, then every 6 s', () => {
		const schedule = new PollSchedule();
		expect(schedule.afterPoll(0, { events: 0, hasMore: false })).toBe(6000); // idle from the start
		expect(schedule.afterPoll(10_000, { events: 1, hasMore: false })).toBe(2000);
		expect(schedule.afterPoll(12_000, { events: 0, hasMore: false })).toBe(2000);
		expect(schedule.afterPoll(69_999, { events: 0, hasMore: false })).toBe(2000);
		expect(schedule.afterPoll(70_000, { events: 0, hasMore: false })).toBe(6000);
	});

	it('at least 2 s while Bitrix24 holds more events, even when idle', () => {
		const schedule = new PollSchedule();
		expect(schedule.afterPoll(0, { events: 0, hasMore: true })).toBe(2000);
		expect(POLL_TIMING.conversationMs).toBeGreaterThanOrEqual(2000);
	});

	it('an idle bot spends at most 720 requests an hour, its checks included', () => {
		const polls = HOUR / POLL_TIMING.idleMs;
		const checks = HOUR / POLL_TIMING.botCheckEveryMs;
		expect(polls + checks).toBeLessThanOrEqual(720);
		expect(POLL_TIMING.idleMs).toBeLessThanOrEqual(30_000); // Bitrix24 asks for 5-30 s when idle
		expect(POLL_TIMING.idleMs).toBeGreaterThanOrEqual(5000);
	});

	it('backs off exponentially after failures, up to a minute, and starts again after a good poll', () => {
		const schedule = new PollSchedule();
		const delays = Array.from({ length: 7 }, () => schedule.afterFailure());
		expect(delays).toEqual([2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000]);
		expect(schedule.failureStreak).toBe(7);
		schedule.afterPoll(0, { events: 0, hasMore: false });
		expect(schedule.failureStreak).toBe(0);
		expect(schedule.afterFailure()).toBe(2000);
	});

	it('the bot check is due every 10 minutes', () => {
		const schedule = new PollSchedule();
		expect(schedule.botCheckDue(0, Number.NEGATIVE_INFINITY)).toBe(true);
		expect(schedule.botCheckDue(599_999, 0)).toBe(false);
		expect(schedule.botCheckDue(600_000, 0)).toBe(true);
	});
});
