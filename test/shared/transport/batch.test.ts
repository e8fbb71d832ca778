import {
	batchBody,
	chunkCommands,
	encodeQuery,
	MAX_BATCH_COMMANDS,
	readBatchResult,
} from '../../../nodes/shared/transport/batch';

describe('chunkCommands', () => {
	it('splits 120 commands into 50, 50 and 20, keeping order', () => {
		const commands = Array.from({ length: 120 }, (_, i) => i);
		const chunks = chunkCommands(commands);
		expect(MAX_BATCH_COMMANDS).toBe(50);
		expect(chunks.map((chunk) => chunk.length)).toEqual([50, 50, 20]);
		expect(chunks[1][0]).toBe(50);
		expect(chunks[2][19]).toBe(119);
		expect(([] as number[]).concat(...chunks)).toEqual(commands);
	});

	it('takes a smaller size and returns nothing for no commands', () => {
		expect(chunkCommands(['a', 'b', 'c', 'd', 'e'], 2)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
		expect(chunkCommands([])).toEqual([]);
	});
});

describe('encodeQuery', () => {
	it('writes nested objects and arrays in PHP bracket notation', () => {
		const query = encodeQuery({ DIALOG_ID: 'chat12', FIELDS: { TITLE: 'Team', USERS: [1, 2], META: { A: { B: 'c' } } } });
		expect(query).toBe(
			'DIALOG_ID=chat12&FIELDS[TITLE]=Team&FIELDS[USERS][0]=1&FIELDS[USERS][1]=2&FIELDS[META][A][B]=c',
		);
	});

	it('writes booleans as PHP does and leaves out null, undefined and empty containers', () => {
		const query = encodeQuery({ A: true, B: false, C: null, D: undefined, E: [], F: {}, G: 0, H: '' });
		expect(query).toBe('A=1&B=0&G=0&H=');
	});

	it('writes dates as ISO text', () => {
		expect(encodeQuery({ SINCE: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)) })).toBe('SINCE=2024-01-02T03%3A04%3A05.000Z');
	});

	it.each([
		['a&b=c', 'a%26b%3Dc'],
		['1+1 #2 100%', '1%2B1%20%232%20100%25'],
		['Привет', '%D0%9F%D1%80%D0%B8%D0%B2%D0%B5%D1%82'],
		['hi 😀', 'hi%20%F0%9F%98%80'],
		["it's (ok)!*", 'it%27s%20%28ok%29%21%2A'],
		['cut \uD83D', 'cut%20%EF%BF%BD'],
	])('encodes %j so that it survives parsing', (text, encoded) => {
		const query = encodeQuery({ MESSAGE: text });
		expect(query).toBe(`MESSAGE=${encoded}`);
		const decoded = Array.from(new URLSearchParams(query).entries());
		expect(decoded).toEqual([['MESSAGE', text === 'cut \uD83D' ? 'cut \uFFFD' : text]]);
	});

	it('encodes keys but keeps the brackets', () => {
		expect(encodeQuery({ 'A B': { 'c&d': 'e' }, Д: ['ж'] })).toBe('A%20B[c%26d]=e&%D0%94[0]=%D0%B6');
	});
});

describe('batchBody', () => {
	it('sends every command as method?query under its key, with halt 0', () => {
		const body = batchBody([
			{ key: 'i0', method: 'im.dialog.unread', params: { DIALOG_ID: 'chat1', MESSAGE_ID: 10 } },
			{ key: 'i1', method: 'im.dialog.read', params: { DIALOG_ID: '5', MESSAGE: 'a&b' } },
		]);
		expect(body).toEqual({
			halt: 0,
			cmd: {
				i0: 'im.dialog.unread?DIALOG_ID=chat1&MESSAGE_ID=10',
				i1: 'im.dialog.read?DIALOG_ID=5&MESSAGE=a%26b',
			},
		});
		expect(Object.keys(body.cmd)).toEqual(['i0', 'i1']);
	});

	it('refuses two commands with one key', () => {
		const command = { key: 'i0', method: 'im.dialog.read', params: {} };
		expect(() => batchBody([command, command])).toThrow('Duplicate batch command key "i0"');
	});
});

describe('readBatchResult', () => {
	const notRun = (key: string) => ({
		ok: false,
		failure: {
			kind: 'api',
			code: 'BATCH_COMMAND_NOT_RUN',
			description: `The batch answer has no result for command "${key}": it was not executed or its answer was lost`,
		},
	});

	it('reads results when the other sections are empty PHP arrays', () => {
		const time = { start: 1, finish: 2, duration: 1 };
		const answer = { result: { i0: true }, result_error: [], result_total: [], result_next: [], result_time: { i0: time } };
		expect(readBatchResult(answer, ['i0'])).toEqual(new Map([['i0', { ok: true, value: { result: true, time } }]]));
	});

	it('maps mixed results, errors, falsy results and missing keys', () => {
		const answer = {
			result: { i0: [{ ID: 1 }], i2: false, i3: null, i4: 0, i5: 'ignored: error wins' },
			result_error: {
				i1: { error: 'OPERATION_TIME_LIMIT', error_description: 'Method is blocked' },
				i5: { error: 'ACCESS_DENIED', error_description: '' },
			},
			result_total: { i0: 120 },
			result_next: { i0: 50 },
			result_time: { i1: { operating: 480, operating_reset_at: 1700000600 } },
		};
		const outcomes = readBatchResult(answer, ['i0', 'i1', 'i2', 'i3', 'i4', 'i5', 'i6']);
		expect(Array.from(outcomes.keys())).toEqual(['i0', 'i1', 'i2', 'i3', 'i4', 'i5', 'i6']);
		expect(outcomes.get('i0')).toEqual({ ok: true, value: { result: [{ ID: 1 }], total: 120, next: 50 } });
		expect(outcomes.get('i1')).toEqual({
			ok: false,
			failure: {
				kind: 'api',
				code: 'OPERATION_TIME_LIMIT',
				description: 'Method is blocked',
				operatingResetAt: 1700000600,
			},
		});
		expect(outcomes.get('i2')).toEqual({ ok: true, value: { result: false } });
		expect(outcomes.get('i3')).toEqual({ ok: true, value: { result: null } });
		expect(outcomes.get('i4')).toEqual({ ok: true, value: { result: 0 } });
		expect(outcomes.get('i5')).toEqual({
			ok: false,
			failure: { kind: 'api', code: 'ACCESS_DENIED', description: 'no description given' },
		});
		expect(outcomes.get('i6')).toEqual(notRun('i6'));
	});

	it('reads sections that PHP turned into lists because the keys were 0, 1, …', () => {
		const answer = { result: ['a', false], result_error: [], result_total: [], result_next: [], result_time: [] };
		const outcomes = readBatchResult(answer, ['0', '1', 'length']);
		expect(outcomes.get('0')).toEqual({ ok: true, value: { result: 'a' } });
		expect(outcomes.get('1')).toEqual({ ok: true, value: { result: false } });
		expect(outcomes.get('length')).toEqual(notRun('length'));
	});

	it.each([null, undefined, 'oops', []])('marks every command as not run when the answer is %j', (answer) => {
		const outcomes = readBatchResult(answer, ['i0', 'i1']);
		expect(Array.from(outcomes.values())).toEqual([notRun('i0'), notRun('i1')]);
	});

	it('accepts an error given as a bare code', () => {
		expect(readBatchResult({ result_error: { i0: 'ERROR_BATCH_LENGTH_EXCEEDED' } }, ['i0']).get('i0')).toEqual({
			ok: false,
			failure: { kind: 'api', code: 'ERROR_BATCH_LENGTH_EXCEEDED', description: 'no description given' },
		});
	});
});
