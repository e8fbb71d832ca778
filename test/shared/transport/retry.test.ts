import { decideRetry, isRetryableCode, RETRY_LIMITS } from '../../../nodes/shared/transport/retry';
import type { RetryContext } from '../../../nodes/shared/transport/retry';
import type { Bitrix24Failure } from '../../../nodes/shared/transport/types';

const NOW = 1_700_000_000_000;

function apiFailure(code: string, httpStatus?: number, extra: Partial<Bitrix24Failure> = {}): Bitrix24Failure {
	return { kind: 'api', code, description: 'x', httpStatus, ...extra };
}

function context(overrides: Partial<RetryContext> = {}): RetryContext {
	return { attempt: 1, elapsedMs: 0, retrySafe: true, nowMs: NOW, ...overrides };
}

const middle = () => 0.5;

describe('decideRetry: which failures repeat', () => {
	const network: Bitrix24Failure = { kind: 'network', code: 'ECONNRESET', description: 'reset' };
	const htmlPage: Bitrix24Failure = { kind: 'invalidBody', code: 'INVALID_RESPONSE', description: 'html', httpStatus: 502 };
	const emptyOk: Bitrix24Failure = { kind: 'invalidBody', code: 'EMPTY_RESPONSE', description: 'empty', httpStatus: 200 };
	const proxy404: Bitrix24Failure = { kind: 'invalidBody', code: 'INVALID_RESPONSE', description: 'html', httpStatus: 404 };

	it.each<[string, Bitrix24Failure, boolean, boolean]>([
		['QUERY_LIMIT_EXCEEDED, safe', apiFailure('QUERY_LIMIT_EXCEEDED', 503), true, true],
		['QUERY_LIMIT_EXCEEDED, unsafe', apiFailure('QUERY_LIMIT_EXCEEDED', 503), false, true],
		['INTERNAL_SERVER_ERROR 500, safe', apiFailure('INTERNAL_SERVER_ERROR', 500), true, true],
		['INTERNAL_SERVER_ERROR 500, unsafe', apiFailure('INTERNAL_SERVER_ERROR', 500), false, false],
		['network, safe', network, true, true],
		['network, unsafe', network, false, false],
		['HTML 502 page, safe', htmlPage, true, true],
		['HTML 502 page, unsafe', htmlPage, false, false],
		['empty 200 body, safe', emptyOk, true, true],
		['HTML 404 page of a proxy, safe', proxy404, true, false],
		['OVERLOAD_LIMIT 503', apiFailure('OVERLOAD_LIMIT', 503), true, false],
		['INVALID_CREDENTIALS 401', apiFailure('INVALID_CREDENTIALS', 401), true, false],
		['NO_AUTH_FOUND 401', apiFailure('NO_AUTH_FOUND', 401), true, false],
		['insufficient_scope 403', apiFailure('insufficient_scope', 403), true, false],
		['expired_token 401', apiFailure('expired_token', 401), true, false],
		['invalid_token 401', apiFailure('invalid_token', 401), true, false],
		['ACCESS_DENIED 403', apiFailure('ACCESS_DENIED', 403), true, false],
		['user_access_error 401', apiFailure('user_access_error', 401), true, false],
		['WRONG_AUTH_TYPE 403', apiFailure('WRONG_AUTH_TYPE', 403), true, false],
		['auth code on a 500', apiFailure('INVALID_CREDENTIALS', 500), true, false],
		['ERROR_METHOD_NOT_FOUND 404', apiFailure('ERROR_METHOD_NOT_FOUND', 404), true, false],
		['ERROR_BATCH_METHOD_NOT_ALLOWED', apiFailure('ERROR_BATCH_METHOD_NOT_ALLOWED', 400), true, false],
		['ERROR_BATCH_LENGTH_EXCEEDED', apiFailure('ERROR_BATCH_LENGTH_EXCEEDED'), true, false],
		['validation error 400', apiFailure('MESSAGE_ID_ERROR', 400), true, false],
		['error without a status', apiFailure('DIALOG_ID_EMPTY'), true, false],
	])('%s', (_, failure, retrySafe, expected) => {
		const decision = decideRetry(failure, context({ retrySafe }), middle);
		expect(decision.retry).toBe(expected);
		if (!decision.retry) expect(decision.reason).not.toBe('');
	});
});

describe('decideRetry: backoff', () => {
	const limited = apiFailure('QUERY_LIMIT_EXCEEDED', 503);

	it('doubles per attempt up to the 20 s cap, half fixed and half jitter', () => {
		const delays = (random: () => number) =>
			[1, 2, 3, 4, 5, 6].map((attempt) => {
				const decision = decideRetry(limited, context({ attempt }), random);
				return decision.retry ? decision.delayMs : -1;
			});
		expect(delays(() => 0)).toEqual([500, 1000, 2000, 4000, 8000, 10000]);
		expect(delays(middle)).toEqual([750, 1500, 3000, 6000, 12000, 15000]);
		expect(delays(() => 0.999999)).toEqual([1000, 2000, 4000, 8000, 16000, 20000]);
	});

	it('stops after the last attempt', () => {
		const decision = decideRetry(limited, context({ attempt: RETRY_LIMITS.maxAttempts + 1 }), middle);
		expect(decision).toEqual({ retry: false, reason: 'gave up after 6 retries' });
	});

	it('stops when the wait would pass the elapsed-time budget', () => {
		expect(decideRetry(limited, context({ attempt: 3, elapsedMs: 117_000 }), middle)).toEqual({
			retry: true,
			delayMs: 3000,
		});
		const decision = decideRetry(limited, context({ attempt: 3, elapsedMs: 117_001 }), middle);
		expect(decision).toEqual({ retry: false, reason: 'waiting 3 s more would pass the 120 s retry budget' });
	});
});

describe('decideRetry: OPERATION_TIME_LIMIT', () => {
	const overBudget = (resetInMs?: number) =>
		apiFailure('OPERATION_TIME_LIMIT', 429, {
			operatingResetAt: resetInMs === undefined ? undefined : (NOW + resetInMs) / 1000,
		});

	it('waits until the budget frees up plus a second, even when not retry-safe', () => {
		expect(decideRetry(overBudget(30_000), context({ retrySafe: false }))).toEqual({ retry: true, delayMs: 31_000 });
		expect(decideRetry(overBudget(59_000), context())).toEqual({ retry: true, delayMs: 60_000 });
	});

	it('waits the margin only when the reset time has already passed', () => {
		expect(decideRetry(overBudget(-5000), context())).toEqual({ retry: true, delayMs: 1000 });
	});

	it('does not wait longer than 60 s, and says how long it would be', () => {
		expect(decideRetry(overBudget(59_001), context())).toEqual({
			retry: false,
			reason: "the method's time budget frees up only in about 61 s, longer than the 60 s we wait",
		});
		expect(decideRetry(overBudget(300_000), context())).toMatchObject({ retry: false, reason: expect.stringContaining('301 s') });
	});

	it('waits 10 s once when the reset time is unknown', () => {
		expect(decideRetry(overBudget(), context({ attempt: 1 }))).toEqual({ retry: true, delayMs: 10_000 });
		expect(decideRetry(overBudget(), context({ attempt: 2 }))).toMatchObject({ retry: false });
	});
});

describe('isRetryableCode (one command of a batch)', () => {
	it.each<[string, boolean, boolean]>([
		['QUERY_LIMIT_EXCEEDED', false, true],
		['OPERATION_TIME_LIMIT', false, true],
		['ERROR_BATCH_LENGTH_EXCEEDED', false, true],
		['BATCH_COMMAND_NOT_RUN', true, true],
		['BATCH_COMMAND_NOT_RUN', false, false],
		['INTERNAL_SERVER_ERROR', true, false],
		['insufficient_scope', true, false],
		['OVERLOAD_LIMIT', true, false],
		['MESSAGE_ID_ERROR', true, false],
	])('%s, retrySafe %s -> %s', (code, retrySafe, expected) => {
		expect(isRetryableCode(code, retrySafe)).toBe(expected);
	});
});
