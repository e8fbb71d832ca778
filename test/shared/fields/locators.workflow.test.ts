jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { useEmulator, webhookCredentials } from '../../helpers/emulator';
import { runWorkflow } from '../../helpers/runWorkflow';

const portal = useEmulator();
const credentials = () => webhookCredentials(portal());

describe('Dialog ID as a resource locator', () => {
	const markUnread = (dialogId: unknown, messageId: number) =>
		runWorkflow({
			items: [{}],
			parameters: { authentication: 'webhook', resource: 'dialog', operation: 'markUnread', dialogId, messageId },
			credentials: credentials(),
		});

	it.each([
		['picked from the list', { __rl: true, mode: 'list', value: 'chat1', cachedResultName: 'General' }],
		['typed by ID', { __rl: true, mode: 'id', value: 'CHAT1' }],
		['a plain string saved before the locator existed', 'chat1'],
		['an expression inside the locator', { __rl: true, mode: 'id', value: '={{ "chat" + 1 }}' }],
	])('accepts the dialog %s', async (_, dialogId) => {
		const [first, second] = portal().messagesOf('chat1').map(({ id }) => id);
		const { output, error } = await markUnread(dialogId, second);
		expect(error).toBeUndefined();
		expect(output).toHaveLength(1);
		expect(portal().readState(1, 'chat1').lastReadMessageId).toBe(first);
	});

	it('flags a typed malformed ID in the editor, before the run starts', async () => {
		portal().clearLog();
		await expect(markUnread({ __rl: true, mode: 'id', value: 'room7' }, 5)).rejects.toThrow(
			"The 'Bitrix24 IM' node has issues:\n- Use chatNNN (group chat), sgNNN (workgroup chat) or NNN (a user ID)",
		);
		expect(portal().log).toHaveLength(0);
	});

	it('names the field and the item when an expression yields a malformed ID, and sends nothing', async () => {
		portal().clearLog();
		const { error } = await markUnread({ __rl: true, mode: 'id', value: '={{ "room" + 7 }}' }, 5);
		expect(error?.message).toBe(
			'Item 0: Dialog ID "room7" is not valid: use chatNNN for a group chat, sgNNN for a workgroup chat or NNN (a user id) for a private dialog',
		);
		expect(portal().log).toHaveLength(0);
	});
});
