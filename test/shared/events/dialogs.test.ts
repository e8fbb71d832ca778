import { inDialogs, parseDialogIds } from '../../../nodes/shared/events/dialogs';

describe('parseDialogIds', () => {
	it('splits, trims and lower-cases; empty means every dialog', () => {
		expect(parseDialogIds(' chat12, 5;SG3  ')).toEqual(['chat12', '5', 'sg3']);
		expect(parseDialogIds('')).toEqual([]);
	});
	it('names a malformed entry', () => {
		expect(() => parseDialogIds('chat12, group7')).toThrow('Dialog ID "group7" is not valid');
	});
	it('keeps each id in its canonical form, and refuses one over the id range, so a filter matches the events\' ids', () => {
		expect(parseDialogIds('CHAT012, sg07, 0042')).toEqual(['chat12', 'sg7', '42']);
		expect(() => parseDialogIds('chat2147483648')).toThrow('Dialog ID "chat2147483648" is not valid');
	});
});

describe('inDialogs', () => {
	const item = (dialogId: string | null, chat: Record<string, unknown> = {}) => ({ dialogId, raw: { data: { chat } } });
	it('empty list: every dialog; otherwise the item\'s dialogId, or its workgroup for sgNNN', () => {
		expect(inDialogs(item(null), [])).toBe(true);
		expect(inDialogs(item('chat2'), ['chat2'])).toBe(true);
		expect(inDialogs(item('CHAT2'), ['chat2'])).toBe(true);
		expect(inDialogs(item('7'), ['chat2'])).toBe(false);
		expect(inDialogs(item('chat9', { entityType: 'SONET_GROUP', entityId: '5' }), ['sg5'])).toBe(true);
		expect(inDialogs(item('chat9', { entityType: 'LINES', entityId: '5' }), ['sg5'])).toBe(false);
	});
});
