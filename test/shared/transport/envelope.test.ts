import { readEnvelope } from '../../../nodes/shared/transport/envelope';

describe('readEnvelope', () => {
	it('reads a success with its time, next and total', () => {
		const time = { start: 1, finish: 2, duration: 1, operating: 0.5, operating_reset_at: 1700000600 };
		expect(readEnvelope(200, JSON.stringify({ result: true, time }))).toEqual({ ok: true, value: { result: true, time } });
		expect(readEnvelope(200, { result: [1], next: 50, total: 120 })).toEqual({
			ok: true,
			value: { result: [1], next: 50, total: 120 },
		});
	});

	it('keeps falsy results (false, null, 0) as results', () => {
		expect(readEnvelope(200, '{"result":false}')).toEqual({ ok: true, value: { result: false } });
		expect(readEnvelope(200, '{"result":null}')).toEqual({ ok: true, value: { result: null } });
	});

	it('treats an error key as failure whatever the status, keeping code, text, status and reset time', () => {
		const body = {
			error: 'OPERATION_TIME_LIMIT',
			error_description: 'Method is blocked due to operation time limit.',
			time: { operating_reset_at: 1700000600 },
		};
		expect(readEnvelope(429, JSON.stringify(body))).toEqual({
			ok: false,
			failure: {
				kind: 'api',
				code: 'OPERATION_TIME_LIMIT',
				description: 'Method is blocked due to operation time limit.',
				httpStatus: 429,
				operatingResetAt: 1700000600,
			},
		});
		expect(readEnvelope(200, '{"error":"","error_description":"Chat can\'t be created"}')).toMatchObject({
			ok: false,
			failure: { code: 'UNKNOWN_ERROR', description: "Chat can't be created", httpStatus: 200 },
		});
	});

	it('reads the REST 3.0 nested error form', () => {
		expect(readEnvelope(400, { error: { code: 'BITRIX_REST_V3_X', message: 'Bad thing' } })).toMatchObject({
			ok: false,
			failure: { code: 'BITRIX_REST_V3_X', description: 'Bad thing' },
		});
	});

	it.each([
		['an HTML page', 500, '<!DOCTYPE html><html><body>Internal error</body></html>', 'INVALID_RESPONSE', /HTML page/],
		['an empty body', 200, '', 'EMPTY_RESPONSE', /empty body/],
		['no body at all', 502, undefined, 'EMPTY_RESPONSE', /empty body/],
		['plain text', 503, 'Service Unavailable', 'INVALID_RESPONSE', /not JSON/],
		['JSON without result', 200, '{"foo":1}', 'INVALID_RESPONSE', /instead of a Bitrix24 JSON answer/],
		['a JSON array', 200, '[1,2]', 'INVALID_RESPONSE', /instead of a Bitrix24 JSON answer/],
	])('reports %s as an invalid body', (_, status, body, code, description) => {
		const outcome = readEnvelope(status, body);
		expect(outcome.ok).toBe(false);
		if (outcome.ok) return;
		expect(outcome.failure).toMatchObject({ kind: 'invalidBody', code, httpStatus: status });
		expect(outcome.failure.description).toMatch(description);
		expect(outcome.failure.description).toContain(`HTTP ${status}`);
	});
});
