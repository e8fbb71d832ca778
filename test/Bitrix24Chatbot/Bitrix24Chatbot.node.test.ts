import { Bitrix24Chatbot } from '../../nodes/Bitrix24Chatbot/Bitrix24Chatbot.node';
import chatbotDescription from '../fixtures/bitrix24Chatbot.description.json';

/**
 * What the editor and saved workflows see of the node: names, parameters, values, order, texts. A change here is a
 * change for users; regenerate the fixture only for a change that is meant (and say so in the commit).
 */
describe('the Chatbot node description, serialised as JSON', () => {
	const description = new Bitrix24Chatbot().description;

	it('is byte-identical to its fixture', () => {
		expect(JSON.stringify(description)).toBe(JSON.stringify(chatbotDescription));
	});

	it('uses the chat bot webhook credential or OAuth2, and is usable as an AI tool', () => {
		expect(description.credentials?.map(({ name }) => name)).toEqual(['bitrix24ChatbotWebhookApi', 'bitrix24OAuth2Api']);
		expect(description.usableAsTool).toBe(true);
	});

	it('never holds a bot token field: the token lives in the credential', () => {
		expect(JSON.stringify(description)).not.toMatch(/"name":"(botToken|newBotToken|CLIENT_ID)"/);
	});
});
