import type { INodeProperties } from 'n8n-workflow';

import { chatIdField, dialogIdField } from '../../../nodes/shared/fields';
import { normalizeDialogId, toChatId } from '../../../nodes/shared/values';

/** The check the editor runs on a typed id (By ID mode of the resource locator). */
function editorCheck(field: INodeProperties): RegExp {
	const byId = field.modes?.find((mode) => mode.name === 'id');
	const validation = byId?.validation?.[0] as { properties: { regex: string } } | undefined;
	if (!validation) throw new Error(`${field.name} has no By ID check`);
	return new RegExp(validation.properties.regex);
}

/** Typed ids: shapes users write, edges of the id range, and the wrong shapes near them. */
const typed = [
	...['', ' ', '0', '00', '1', '01', '007', '42', ' 42 ', '\t42\n', '4 2', '-1', '+1', '1.0', '1e3', '0x1A', '１２'],
	...['chat', 'chat0', 'chat00', 'chat1', 'chat012', 'CHAT12', 'Chat12', ' chat12 ', 'chat 12', 'chat-1', 'chat1.5'],
	...['sg', 'sg0', 'sg5', 'SG07', 'sG5', 'crm1', 'user42', 'notify', 'chat12x', 'chatchat1'],
	...['999999999', '1000000000', '1999999999', '2000000000', '2099999999', '2100000000', '2139999999', '2140000000'],
	...['2146999999', '2147000000', '2147399999', '2147400000', '2147479999', '2147480000', '2147482999', '2147483000'],
	...['2147483599', '2147483600', '2147483639', '2147483640', '2147483646', '2147483647', '2147483648', '2147483649'],
	...['2147483650', '2147483700', '2147490000', '2148000000', '2150000000', '2200000000', '3000000000', '9999999999'],
	...['10000000000', '0002147483647', 'chat2147483647', 'chat2147483648', 'sg02147483647', 'sg2147483648'],
];

describe('the editor\'s check of a typed id agrees with what the node accepts', () => {
	it.each(typed)('Dialog ID %p', (value) => {
		expect(editorCheck(dialogIdField('')).test(value)).toBe(normalizeDialogId(value) !== undefined);
	});

	it.each([...typed, 'NOTIFY', ' Notify ', 'notify1', 'notif', 'notify notify'])('Dialog ID that takes notify %p', (value) => {
		expect(editorCheck(dialogIdField('', { notify: true })).test(value)).toBe(normalizeDialogId(value, { notify: true }) !== undefined);
	});

	it.each(typed)('Chat ID %p', (value) => {
		expect(editorCheck(chatIdField('')).test(value)).toBe(toChatId(value) !== undefined);
	});

	it('on every whole number near the edges of the id range', () => {
		const dialog = editorCheck(dialogIdField(''));
		for (let n = 2147483000; n <= 2147484000; n++) {
			for (const text of [String(n), `chat${n}`, `sg00${n}`]) expect(dialog.test(text)).toBe(normalizeDialogId(text) !== undefined);
		}
	});
});
