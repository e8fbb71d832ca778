import { chatbotCredentials, registerBotAs, TOKEN } from '../../helpers/chatbotWorkflow';
import { useEmulator } from '../../helpers/emulator';
import { runListSearch } from '../../helpers/runWorkflow';

const emulator = useEmulator();

describe('the Bot picker', () => {
	it('lists the bots of the credential\'s token only, by name and code, filtered by the search', async () => {
		const one = await registerBotAs(emulator(), 'support', TOKEN);
		await registerBotAs(emulator(), 'foreign', 'dummy-foreign-token-01');
		const search = (filter?: string) =>
			runListSearch({ method: 'searchBots', filter, parameters: { authentication: 'webhook' }, credentials: chatbotCredentials(emulator()) });
		expect(await search()).toEqual({ results: [{ name: 'support (support)', value: String(one) }], paginationToken: undefined });
		expect((await search('nothing')).results).toEqual([]);
	});
});
