const mockPause: PauseControl = { delays: [], held: false, waiting: 0 };
jest.mock('n8n-workflow', () => jest.requireActual('../helpers/pausableSleep').withPausableSleep(mockPause));

import { useTriggerKit } from '../helpers/chatbotTrigger';
import type { PauseControl } from '../helpers/pausableSleep';
import { TestCredentials } from '../helpers/runWorkflow';

/* The Chatbot Trigger's settings: what cannot work fails the activation before anything is sent. */

const { emulator, activationError } = useTriggerKit(mockPause);

describe('Bitrix24 Chatbot Trigger, settings', () => {
	it('a credential without a Bot Token fails the activation before anything is sent', async () => {
		const empty = new TestCredentials({ bitrix24ChatbotWebhookApi: { webhookUrl: emulator().webhooks.admin.url, botToken: '' } });
		const failure = await activationError({ botId: { __rl: true, mode: 'id', value: '7' } }, empty);
		expect(failure?.message).toMatch(/^Bot Token is empty/);
		expect(emulator().log).toEqual([]);
	});

	it('Dialog IDs that cannot match fail the activation, naming the value', async () => {
		const failure = await activationError({ botId: { __rl: true, mode: 'id', value: '7' }, options: { dialogIds: 'chat2, group7' } });
		expect(failure?.message).toBe('Dialog ID "group7" is not valid: use chatNNN (group chat), sgNNN (workgroup chat) or NNN (private dialog with user NNN)');
		expect(failure?.description).toBe('Fix the "Dialog IDs" option. Nothing was read from Bitrix24.');
		expect(emulator().log).toEqual([]);
	});
});
