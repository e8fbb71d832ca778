/**
 * When the trigger asks Bitrix24 for the bot's events next. Bitrix24 asks for 5-30 s between polls when idle, at
 * least 2 s while more events wait (`hasMore`), and exponential back-off on errors (facts §5.2). A conversation needs
 * answers within seconds, so the trigger polls every 2 s while one goes on (an event in the last minute) and every
 * 6 s when idle: 600 polls an hour, under the 720 (a tenth of the standard plan's 2 requests/s) an idle bot may
 * spend, with room for the bot check every 10 minutes.
 */
export interface PollTiming {
	conversationMs: number;
	idleMs: number;
	/** How long after the last event the bot counts as in a conversation. */
	conversationWindowMs: number;
	/** After the first failed poll; doubled for each further one, up to `failureMaxMs`. */
	failureFirstMs: number;
	failureMaxMs: number;
	/** How often the bot itself is checked again (still there, still in fetch mode). */
	botCheckEveryMs: number;
}

export const POLL_TIMING: PollTiming = {
	conversationMs: 2000,
	idleMs: 6000,
	conversationWindowMs: 60_000,
	failureFirstMs: 2000,
	failureMaxMs: 60_000,
	botCheckEveryMs: 10 * 60_000,
};

/** The delays between polls of one running trigger; `now` in ms. */
export class PollSchedule {
	private lastEventAt = Number.NEGATIVE_INFINITY;

	private failures = 0;

	constructor(private readonly timing: PollTiming = POLL_TIMING) {}

	/** How many polls in a row have failed. */
	get failureStreak(): number {
		return this.failures;
	}

	/** The delay after a poll that read `events` events (`hasMore`: Bitrix24 holds more). */
	afterPoll(now: number, { events, hasMore }: { events: number; hasMore: boolean }): number {
		this.failures = 0;
		if (events > 0) this.lastEventAt = now;
		if (hasMore || now - this.lastEventAt < this.timing.conversationWindowMs) return this.timing.conversationMs;
		return this.timing.idleMs;
	}

	/** The delay after a failed poll: exponential back-off. */
	afterFailure(): number {
		this.failures += 1;
		return Math.min(this.timing.failureMaxMs, this.timing.failureFirstMs * 2 ** (this.failures - 1));
	}

	/** Whether the bot is due for its periodic check. */
	botCheckDue(now: number, lastCheckAt: number): boolean {
		return now - lastCheckAt >= this.timing.botCheckEveryMs;
	}
}
