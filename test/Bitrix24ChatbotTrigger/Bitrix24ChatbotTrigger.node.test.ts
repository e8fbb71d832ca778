import { Bitrix24ChatbotTrigger } from '../../nodes/Bitrix24ChatbotTrigger/Bitrix24ChatbotTrigger.node';
import triggerDescription from '../fixtures/bitrix24ChatbotTrigger.description.json';

/**
 * What the editor and saved workflows see of the node: names, parameters, values, order, texts. A change here is a
 * change for users; regenerate the fixture only for a change that is meant (and say so in the commit).
 */
describe('the Chatbot Trigger description, serialised as JSON', () => {
	const description = new Bitrix24ChatbotTrigger().description;

	it('is byte-identical to its fixture', () => {
		expect(JSON.stringify(description)).toBe(JSON.stringify(triggerDescription));
	});

	it('is a long-running trigger (not n8n\'s once-a-minute poller) with the chatbot credentials', () => {
		expect(description.polling).toBeUndefined();
		expect(typeof new Bitrix24ChatbotTrigger().trigger).toBe('function');
		expect(description.credentials?.map(({ name }) => name)).toEqual(['bitrix24ChatbotWebhookApi', 'bitrix24OAuth2Api']);
	});

	it('never holds a bot token field: the token lives in the credential', () => {
		expect(JSON.stringify(description)).not.toMatch(/"name":"(botToken|newBotToken|CLIENT_ID)"/);
	});
});
