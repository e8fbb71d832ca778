jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { useEmulator, webhookCredentials } from '../helpers/emulator';
import { runListSearch, runWorkflow } from '../helpers/runWorkflow';

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

describe('the editor\'s searchable lists', () => {
	const search = (method: 'searchDialogs' | 'searchChats', filter?: string) =>
		runListSearch({ method, filter, parameters: { authentication: 'webhook' }, credentials: credentials() });

	it('lists recent dialogs, chats and private ones, with their dialog IDs and a link into the portal', async () => {
		const { results } = await search('searchDialogs');
		const values = results.map((entry) => entry.value);
		expect(values).toEqual(expect.arrayContaining(['chat1', 'chat2', '2', '3']));
		const chat1 = results.find((entry) => entry.value === 'chat1');
		expect(chat1?.url).toBe(`${portal().baseUrl}/online/?IM_DIALOG=chat1`);
		expect(typeof chat1?.name).toBe('string');
	});

	it('searches chats and users by name through Bitrix24\'s search methods', async () => {
		const everything = await search('searchDialogs');
		const chatName = String(everything.results.find((entry) => entry.value === 'chat2')?.name);
		portal().clearLog();
		const { results } = await search('searchDialogs', chatName.slice(0, 4));
		expect(results.map((entry) => entry.value)).toContain('chat2');
		expect(portal().log.map((entry) => entry.method).sort()).toEqual(['im.search.chat.list', 'im.search.user.list']);
	});

	it('lists only group chats, by numeric chat ID, for Chat ID fields', async () => {
		const { results } = await search('searchChats');
		expect(results.length).toBeGreaterThan(0);
		for (const entry of results) expect(String(entry.value)).toMatch(/^\d+$/);
		expect(results.map((entry) => entry.value)).toContain('1');
	});

	it('keeps the webhook secret out of the error when the portal refuses', async () => {
		const wrong = portal().webhooks.admin.url.replace(/\/[^/]+\/$/, '/WRONGCODE123/');
		const attempt = runListSearch({
			method: 'searchDialogs',
			parameters: { authentication: 'webhook' },
			credentials: webhookCredentials(portal(), wrong),
		});
		await expect(attempt).rejects.toThrow(/im\.recent\.list/);
		const error = (await attempt.catch((caught: unknown) => caught)) as Error & { description?: string };
		expect(JSON.stringify({ message: error.message, description: error.description })).not.toContain('WRONGCODE123');
	});
});
