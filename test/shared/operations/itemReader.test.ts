import type { IExecuteFunctions, INode, NodeOperationError } from 'n8n-workflow';

import { createItemReader } from '../../../nodes/shared/operations/itemReader';

const node: INode = { id: '1', name: 'Bitrix24 IM', type: 'n8n-nodes-bitrix24-im.bitrix24Im', typeVersion: 1, position: [0, 0], parameters: {} };

describe('inputError', () => {
	it('names the item, the field and the bad value', () => {
		const context = { getNode: () => node } as unknown as IExecuteFunctions;
		const read = createItemReader(context, 2, [{ displayName: 'Dialog ID', name: 'dialogId', type: 'string', default: '' }]);
		let error: NodeOperationError | undefined;
		try {
			read.invalid('dialogId', 'use chatNNN', 'chatX');
		} catch (thrown) {
			error = thrown as NodeOperationError;
		}
		if (!error) throw new Error('no input error');
		expect(error.message).toBe('Item 2: Dialog ID "chatX" is not valid: use chatNNN');
		expect(error.context.itemIndex).toBe(2);
		expect(error.description).toMatch(/nothing was sent/);
	});
});
