import { normalizeDialogId, toChatId, toJson, toPositiveInteger, toPositiveIntegers } from '../../../nodes/shared/values';

describe('Dialog ID validation', () => {
	it.each([
		['chat12', 'chat12'],
		['CHAT12', 'chat12'],
		['  Chat7 ', 'chat7'],
		['sg5', 'sg5'],
		['SG5', 'sg5'],
		['42', '42'],
		[42, '42'],
	])('accepts %p as %p', (input, expected) => {
		expect(normalizeDialogId(input)).toBe(expected);
	});

	it.each(['', '  ', 'chat', 'chat-1', 'chat1.5', 'user42', 'crm1', 'notify', '0', 'chat0', '1 2', 'chat12x', null, undefined, {}, true])(
		'rejects %p',
		(input) => {
			expect(normalizeDialogId(input)).toBeUndefined();
		},
	);
});

describe('positive integer validation', () => {
	it.each([
		[1, 1],
		['1', 1],
		[' 84869 ', 84869],
		[84869, 84869],
	])('accepts %p as %p', (input, expected) => {
		expect(toPositiveInteger(input)).toBe(expected);
	});

	it.each([0, '0', -5, '-5', 1.5, '1.5', 'abc', '', '   ', '1e3', '12abc', null, undefined, true, [], '99999999999999999999'])(
		'rejects %p',
		(input) => {
			expect(toPositiveInteger(input)).toBeUndefined();
		},
	);
});

describe('toChatId', () => {
	it.each([
		['12', 12],
		[12, 12],
		['chat12', 12],
		[' CHAT7 ', 7],
	])('%p → %p', (input, expected) => expect(toChatId(input)).toBe(expected));

	it.each(['sg5', '0', 'chat0', 'chat', '-3', '1.5', '', null, {}])('rejects %p', (input) => expect(toChatId(input)).toBeUndefined());
});

describe('toPositiveIntegers', () => {
	it.each([
		['1, 2,3', [1, 2, 3]],
		[[4, '5'], [4, 5]],
		[7, [7]],
		['8,', [8]],
	])('%p → %p', (input, expected) => expect(toPositiveIntegers(input)).toEqual(expected));

	it.each(['', ',', '1,x', [1, 0], [], '2;3', null])('rejects %p', (input) => expect(toPositiveIntegers(input)).toBeUndefined());
});

describe('toJson', () => {
	it('parses JSON text and passes objects and arrays through', () => {
		expect(toJson('{"a":1}')).toEqual({ a: 1 });
		expect(toJson('[{"a":1}]')).toEqual([{ a: 1 }]);
		expect(toJson({ b: 2 })).toEqual({ b: 2 });
	});

	it.each(['{a:1}', '"text"', '12', 'null', 5, true])('rejects %p', (input) => expect(toJson(input)).toBeUndefined());
});
