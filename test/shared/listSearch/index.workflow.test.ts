jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { useEmulator, webhookCredentials } from '../../helpers/emulator';
import { runListSearch } from '../../helpers/runWorkflow';

const portal = useEmulator();
const credentials = () => webhookCredentials(portal());

describe('the editor\'s searchable lists', () => {
	const search = (method: 'searchDialogs' | 'searchChats', filter?: string) =>
		runListSearch({ method, filter, parameters: { authentication: 'webhook' }, credentials: credentials() });

	it('lists recent dialogs, chats and private ones, with their dialog IDs and a link into the portal', async () => {
		const { results } = await search('searchDialogs');
		const values = results.map((entry) => entry.value);
		expect(values).toEqual(expect.arrayContaining(['chat1', 'chat2', '2', '3']));
		const chat1 = results.find((entry) => entry.value === 'chat1');
		expect(chat1?.url).toBe(`${portal().baseUrl}/online/?IM_DIALOG=chat1`);
	});

	it('names each entry with its kind and id, so a private dialog and a workgroup chat tell themselves apart', async () => {
		const { results } = await search('searchDialogs');
		const names = Object.fromEntries(results.map((entry) => [entry.value, entry.name]));
		expect(names).toMatchObject({
			chat1: 'General chat (open chat, chat1)',
			chat2: 'Project Apollo (group chat, chat2)',
			chat3: 'Marketing workgroup (workgroup chat, chat3)',
			'2': 'Bob Builder (private dialog, 2)',
			'3': 'Carol Clark (private dialog, 3)',
		});
		const found = await search('searchDialogs', 'Bob');
		expect(found.results.find((entry) => entry.value === '2')?.name).toBe('Bob Builder (private dialog, 2)');
		const chats = await search('searchChats');
		expect(chats.results.find((entry) => entry.value === '2')?.name).toBe('Project Apollo (group chat, 2)');
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
