import type { Bitrix24Failure } from './types';

export interface RetryContext {
	/** 1 = the first retry. */
	attempt: number;
	elapsedMs: number;
	/** Repeating the call leaves the same state, so a call that may have run can be sent again. */
	retrySafe: boolean;
	nowMs: number;
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; reason: string };

export const RETRY_LIMITS = {
	maxAttempts: 6,
	maxElapsedMs: 120_000,
	maxOperatingWaitMs: 60_000,
	baseDelayMs: 1000,
	maxDelayMs: 20_000,
};

/** Waited after `operating_reset_at`, which has one-second resolution and comes from the portal's clock. */
const OPERATING_RESET_MARGIN_MS = 1000;
/** Waited once when a 429 does not say when the method's time budget frees up. */
const UNKNOWN_OPERATING_WAIT_MS = 10_000;

/** The portal refused these before running the call, so sending it again cannot run it twice. */
const NOT_EXECUTED_CODES = ['QUERY_LIMIT_EXCEEDED', 'OPERATION_TIME_LIMIT', 'ERROR_BATCH_LENGTH_EXCEEDED'];

/** Repeating these cannot help: a block, a credential or permission problem, or a request that is wrong. */
const NEVER_RETRIED_CODES = [
	'OVERLOAD_LIMIT',
	'INVALID_CREDENTIALS',
	'NO_AUTH_FOUND',
	'INSUFFICIENT_SCOPE',
	'EXPIRED_TOKEN',
	'INVALID_TOKEN',
	'ACCESS_DENIED',
	'ACCESS_ERROR',
	'USER_ACCESS_ERROR',
	'WRONG_AUTH_TYPE',
	'AUTHORIZATION_ERROR',
	'ERROR_OAUTH',
	'METHOD_CONFIRM_WAITING',
	'PAYMENT_REQUIRED',
	'APPLICATION_NOT_FOUND',
	'ALLOWED_ONLY_INTRANET_USER',
	'PORTAL_DELETED',
	'ERROR_METHOD_NOT_FOUND',
];

function isNeverRetried(code: string): boolean {
	const upper = code.toUpperCase();
	return NEVER_RETRIED_CODES.includes(upper) || upper.startsWith('ERROR_BATCH_');
}

/** Whether one command of an answered batch may be sent again. */
export function isRetryableCode(code: string, retrySafe: boolean): boolean {
	const upper = code.toUpperCase();
	if (NOT_EXECUTED_CODES.includes(upper)) return true;
	// No answer for the command: it may or may not have run.
	return upper === 'BATCH_COMMAND_NOT_RUN' && retrySafe;
}

/** Exponential backoff with "equal jitter": half the step is fixed, half random, so no retry comes back at once. */
function backoffDelay(attempt: number, random: () => number): number {
	const step = Math.min(RETRY_LIMITS.maxDelayMs, RETRY_LIMITS.baseDelayMs * 2 ** (attempt - 1));
	return Math.round(step / 2 + random() * (step / 2));
}

/** Network failures, server errors, and odd bodies except a proxy's plain "client error" page. */
function isTransient({ kind, httpStatus }: Bitrix24Failure): boolean {
	if (kind === 'network') return true;
	if (httpStatus === undefined) return kind === 'invalidBody';
	if (kind === 'invalidBody' && (httpStatus === 408 || httpStatus === 429)) return true;
	return kind === 'invalidBody' ? httpStatus < 400 || httpStatus >= 500 : httpStatus >= 500;
}

function operatingWait(failure: Bitrix24Failure, context: RetryContext): RetryDecision {
	if (failure.operatingResetAt === undefined) {
		return context.attempt === 1
			? { retry: true, delayMs: UNKNOWN_OPERATING_WAIT_MS }
			: { retry: false, reason: 'the method is still over its time budget and the portal did not say until when' };
	}
	const delayMs = Math.max(0, failure.operatingResetAt * 1000 - context.nowMs) + OPERATING_RESET_MARGIN_MS;
	if (delayMs > RETRY_LIMITS.maxOperatingWaitMs) {
		const seconds = Math.ceil(delayMs / 1000);
		return {
			retry: false,
			reason: `the method's time budget frees up only in about ${seconds} s, longer than the ${RETRY_LIMITS.maxOperatingWaitMs / 1000} s we wait`,
		};
	}
	return { retry: true, delayMs };
}

function chooseDelay(failure: Bitrix24Failure, context: RetryContext, random: () => number): RetryDecision {
	const code = failure.code.toUpperCase();
	if (code === 'QUERY_LIMIT_EXCEEDED') return { retry: true, delayMs: backoffDelay(context.attempt, random) };
	if (code === 'OPERATION_TIME_LIMIT') return operatingWait(failure, context);
	if (isNeverRetried(code)) return { retry: false, reason: `${failure.code} does not go away by repeating the call` };
	if (!isTransient(failure)) return { retry: false, reason: `${failure.code || 'the error'} is not a temporary failure` };
	if (!context.retrySafe) {
		return { retry: false, reason: 'the call may already have run and repeating it is not safe' };
	}
	return { retry: true, delayMs: backoffDelay(context.attempt, random) };
}

/** Whether a failed call should be sent again, and after how long. Pure: the caller sleeps and counts. */
export function decideRetry(
	failure: Bitrix24Failure,
	context: RetryContext,
	random: () => number = Math.random,
): RetryDecision {
	if (context.attempt > RETRY_LIMITS.maxAttempts) {
		return { retry: false, reason: `gave up after ${RETRY_LIMITS.maxAttempts} retries` };
	}
	const decision = chooseDelay(failure, context, random);
	if (decision.retry && context.elapsedMs + decision.delayMs > RETRY_LIMITS.maxElapsedMs) {
		return {
			retry: false,
			reason: `waiting ${Math.ceil(decision.delayMs / 1000)} s more would pass the ${RETRY_LIMITS.maxElapsedMs / 1000} s retry budget`,
		};
	}
	return decision;
}
