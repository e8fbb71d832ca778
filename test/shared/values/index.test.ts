import {
	isNotifyDialogId,
	isTooLargeForId,
	normalizeDialogId,
	toChatId,
	toJson,
	toPositiveInteger,
	toPositiveIntegers,
	toRfc3339,
} from '../../../nodes/shared/values';

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

describe('the notifications dialog', () => {
	it.each(['notify', 'NOTIFY', ' Notify '])('%p is `notify` where allowed, refused elsewhere', (input) => {
		expect(normalizeDialogId(input, { notify: true })).toBe('notify');
		expect(normalizeDialogId(input)).toBeUndefined();
		expect(isNotifyDialogId(input)).toBe(true);
	});

	it.each(['notify1', 'notif', 'notify chat1', 'chat1'])('%p is not it', (input) => {
		expect(isNotifyDialogId(input)).toBe(false);
		expect(normalizeDialogId(input, { notify: true })).toBe(normalizeDialogId(input));
	});

	it('allowing it changes nothing for the other ids', () => {
		expect(normalizeDialogId(' CHAT012 ', { notify: true })).toBe('chat12');
		expect(normalizeDialogId('0042', { notify: true })).toBe('42');
	});
});

describe('dates and times in Bitrix24\'s RFC3339 form (UTC, whole seconds)', () => {
	it.each<[unknown, string]>([
		['2026-03-01T09:00:00+01:00', '2026-03-01T08:00:00+00:00'],
		['2026-03-01T09:00:00Z', '2026-03-01T09:00:00+00:00'],
		['2026-03-01t09:00:00z', '2026-03-01T09:00:00+00:00'],
		['2026-03-01T09:00:00.999-0530', '2026-03-01T14:30:00+00:00'],
		['2026-03-01 09:30', '2026-03-01T09:30:00+00:00'],
		['2026-03-01T09:00:00', '2026-03-01T09:00:00+00:00'],
		[' 2026-03-01 ', '2026-03-01T00:00:00+00:00'],
		['2024-02-29T23:59:59+00:00', '2024-02-29T23:59:59+00:00'],
		['2026-01-01T00:30:00+01:00', '2025-12-31T23:30:00+00:00'],
		[new Date(Date.UTC(2026, 2, 1, 9, 0, 0, 500)), '2026-03-01T09:00:00+00:00'],
		[{ toString: () => '2026-03-01T09:00:00.000+02:00' }, '2026-03-01T07:00:00+00:00'],
	])('%p → %p', (input, expected) => expect(toRfc3339(input)).toBe(expected));

	it.each<unknown>(['', '2026-02-30', '2025-02-29T00:00:00Z', '2026-13-01', '2026-03-01T24:00:00Z', '2026-03-01T09:60:00Z',
		'2026-03-01T09:00:60Z', '2026-03-01T09:00:00+24:00', '2026-03-01T09:00:00+01:60', '0099-03-01', '01.03.2026', 'yesterday', '1772352000',
		1772352000, null, undefined, new Date(Number.NaN)])('%p is refused', (input) => expect(toRfc3339(input)).toBeUndefined());
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

describe('ids in one canonical form: lower-case prefix, no leading zeros, no whitespace, 1 to 2147483647', () => {
	it.each<[unknown, string]>([
		['chat012', 'chat12'],
		[' CHAT0012 ', 'chat12'],
		['sg07', 'sg7'],
		['SG007', 'sg7'],
		['0042', '42'],
		['chat2147483647', 'chat2147483647'],
		[2147483647, '2147483647'],
		[42.0, '42'],
	])('Dialog ID %p is sent as %p', (input, expected) => expect(normalizeDialogId(input)).toBe(expected));

	it.each<unknown>(['chat2147483648', '2147483648', 'sg99999999999', 1e20, 1e21, 12.5, '1e3', '0x1A', '+5', 'chat+5', 'chat00', 'sg0', '１２'])(
		'Dialog ID %p is refused',
		(input) => expect(normalizeDialogId(input)).toBeUndefined(),
	);

	it.each<[unknown, number]>([
		['chat012', 12],
		['007', 7],
		[1e3, 1000],
		['2147483647', 2147483647],
	])('Chat ID %p is sent as %p', (input, expected) => expect(toChatId(input)).toBe(expected));

	it.each<unknown>(['chat2147483648', 2147483648, '1e3', 7.5, 'sg07'])('Chat ID %p is refused', (input) => expect(toChatId(input)).toBeUndefined());

	it.each<[unknown, number]>([
		['0012', 12],
		[12.0, 12],
		[1e3, 1000],
		[' 2147483647 ', 2147483647],
	])('a numeric id %p is sent as %p', (input, expected) => expect(toPositiveInteger(input)).toBe(expected));

	it.each<unknown>([2147483648, '2147483648', 1e21, '1e3', 1.5, '12.0', -0, '0x10', '+7'])('a numeric id %p is refused', (input) =>
		expect(toPositiveInteger(input)).toBeUndefined(),
	);

	it('a list of ids: each entry canonical, or the whole list refused', () => {
		expect(toPositiveIntegers('007, 8')).toEqual([7, 8]);
		expect(toPositiveIntegers(['0003', 4])).toEqual([3, 4]);
		expect(toPositiveIntegers(['1', 2147483648])).toBeUndefined();
		expect(toPositiveIntegers('5, 1e3')).toBeUndefined();
	});

	it('says when a refused value is a whole number that is only too large', () => {
		expect(isTooLargeForId('2147483648')).toBe(true);
		expect(isTooLargeForId('chat99999999999')).toBe(true);
		expect(isTooLargeForId(2147483647)).toBe(false);
		expect(isTooLargeForId('1e3')).toBe(false);
	});
});
