import { normalizeDialogId, toPositiveInteger } from '../../nodes/Bitrix24Im/actions/fields';

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
