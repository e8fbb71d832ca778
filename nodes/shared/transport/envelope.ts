import type { Bitrix24Failure, Bitrix24Outcome, Bitrix24Time } from './types';

type Body = Record<string, unknown>;

function isObject(value: unknown): value is Body {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function operatingResetAt(body: Body): number | undefined {
	const time = body.time as Bitrix24Time | undefined;
	return isObject(time) && typeof time.operating_reset_at === 'number' ? time.operating_reset_at : undefined;
}

/** The failure a Bitrix24 `{error, error_description}` body describes (REST 3.0 nests it as `{error: {code, message}}`). */
function readError(body: Body, httpStatus?: number): Bitrix24Failure {
	const error = body.error;
	const nested = isObject(error) ? error : undefined;
	const code = String((nested ? nested.code : error) ?? '') || 'UNKNOWN_ERROR';
	const description = String((nested ? nested.message : body.error_description) ?? '') || 'no description given';
	return { kind: 'api', code, description, httpStatus, operatingResetAt: operatingResetAt(body) };
}

function invalidBody(httpStatus: number, text: string): Bitrix24Failure {
	const what = text.trim() === '' ? 'an empty body' : /^\s*</.test(text) ? 'an HTML page' : 'a body that is not JSON';
	return {
		kind: 'invalidBody',
		code: text.trim() === '' ? 'EMPTY_RESPONSE' : 'INVALID_RESPONSE',
		description: `the portal answered HTTP ${httpStatus} with ${what} instead of a Bitrix24 JSON answer`,
		httpStatus,
	};
}

/**
 * Reads one HTTP answer as Bitrix24 does: an `error` key means failure whatever the status (validation errors may
 * carry an empty code), a `result` key means success; anything else is not a Bitrix24 answer.
 */
export function readEnvelope(httpStatus: number, raw: unknown): Bitrix24Outcome {
	let body: unknown = raw;
	if (typeof raw === 'string' || raw === undefined || raw === null) {
		const text = raw ?? '';
		try {
			body = JSON.parse(text);
		} catch {
			return { ok: false, failure: invalidBody(httpStatus, text) };
		}
	}
	if (!isObject(body)) return { ok: false, failure: invalidBody(httpStatus, JSON.stringify(body)) };
	if ('error' in body) return { ok: false, failure: readError(body, httpStatus) };
	if (!('result' in body)) return { ok: false, failure: invalidBody(httpStatus, 'not an envelope') };
	const value: Bitrix24Outcome & { ok: true } = { ok: true, value: { result: body.result } };
	if (typeof body.next === 'number') value.value.next = body.next;
	if (typeof body.total === 'number') value.value.total = body.total;
	if (isObject(body.time)) value.value.time = body.time as Bitrix24Time;
	return value;
}
