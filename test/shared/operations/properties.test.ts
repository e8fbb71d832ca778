import { Bitrix24Im } from '../../../nodes/Bitrix24Im/Bitrix24Im.node';
import { resources } from '../../../nodes/Bitrix24Im/actions';
import { canvasSubtitle } from '../../helpers/editorExpression';

describe('canvas subtitle', () => {
	const node = new Bitrix24Im();
	const cases = resources.flatMap((resource) =>
		resource.operations.map((operation) => [resource.value, operation.value, resource.name, operation.name]),
	);

	it.each(cases)('%s → %s shows the names the dropdowns show', (resource, operation, resourceName, operationName) => {
		const expected = operation === 'call' ? 'Custom API Call' : `${operationName}: ${resourceName}`;
		expect(canvasSubtitle(node, { resource, operation })).toBe(expected);
	});

	it('shows Mark Unread: Dialog, never the stored values', () => {
		expect(canvasSubtitle(node, { resource: 'dialog', operation: 'markUnread' })).toBe('Mark Unread: Dialog');
	});
});
