jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { byExpression, json, useChatEmulator } from '../../../helpers/chatWorkflow';

const { emulator, chatState, run } = useChatEmulator();

describe('Chat → Add Members, Remove Member, List Members', () => {
	const chat2 = { __rl: true, mode: 'id', value: '2' };

	it('adds members without history by default, with history when asked', async () => {
		const { output, error } = await run([{ users: '4' }, { users: [5] }], {
			operation: 'addMembers',
			chatId: chat2,
			users: '={{ $json.users }}',
			showHistory: '={{ $itemIndex === 1 }}',
		});
		expect(error).toBeUndefined();
		expect(json(output)).toEqual([
			{ success: true, chatId: 2, userIds: [4] },
			{ success: true, chatId: 2, userIds: [5] },
		]);
		expect(chatState(2).users).toEqual([1, 2, 3, 4, 5]);
		expect(emulator().state.relations['4:2'].historyFrom).toBe(chatState(2).messageIds.at(-1));
		expect(emulator().state.relations['5:2'].historyFrom).toBe(0);
	});

	it('removes a member', async () => {
		const { output, error } = await run([{}], { operation: 'removeMember', chatId: chat2, userId: '3' });
		expect(error).toBeUndefined();
		expect(chatState(2).users).toEqual([1, 2]);
		expect(json(output)).toEqual([{ success: true, chatId: 2, userId: 3 }]);
	});

	it('lists one item per member, paired with its input item', async () => {
		const { output, error } = await run([{ chatId: 2 }, { chatId: 3 }], { operation: 'listMembers', chatId: byExpression });
		expect(error).toBeUndefined();
		expect(output.map(({ json: { userId, chatId }, pairedItem }) => [chatId, userId, pairedItem])).toEqual([
			[2, 1, { item: 0 }],
			[2, 2, { item: 0 }],
			[2, 3, { item: 0 }],
			[3, 1, { item: 1 }],
			[3, 2, { item: 1 }],
			[3, 4, { item: 1 }],
		]);
	});

	it('gives Bitrix24\'s plain list with Simplify off', async () => {
		const { output } = await run([{}], { operation: 'listMembers', chatId: chat2, simplify: false });
		expect(json(output)).toEqual([{ result: [1, 2, 3], time: expect.any(Object) }]);
	});
});
