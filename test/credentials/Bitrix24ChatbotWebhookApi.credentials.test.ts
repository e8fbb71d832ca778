import type { IAuthenticateRuleResponseSuccessBody, IHttpRequestOptions } from 'n8n-workflow';

import { Bitrix24ChatbotWebhookApi } from '../../credentials/Bitrix24ChatbotWebhookApi.credentials';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startEmulator } = require('../emulator');

const credential = new Bitrix24ChatbotWebhookApi();

/** What n8n's credential tester does: send the test request through `authenticate`, then apply the body rules. */
async function testCredential(webhookUrl: string): Promise<string> {
	const authenticate = credential.authenticate as (c: { webhookUrl: string }, o: IHttpRequestOptions) => Promise<IHttpRequestOptions>;
	const options = await authenticate({ webhookUrl }, { ...credential.test.request } as IHttpRequestOptions);
	const response = await fetch(new URL(options.url, options.baseURL), { method: options.method });
	const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
	for (const rule of credential.test.rules as IAuthenticateRuleResponseSuccessBody[]) {
		if (body[rule.properties.key] === rule.properties.value) return rule.properties.message;
	}
	return 'Connection successful!';
}

describe('the Chatbot webhook credential', () => {
	let emulator: { baseUrl: string; webhooks: Record<string, { url: string }>; close(): Promise<void> };
	beforeAll(async () => {
		emulator = await startEmulator({ port: 0 });
	});
	afterAll(async () => await emulator.close());

	it('holds the webhook URL, the Bot Token and the New Bot Token masked', () => {
		const masked = credential.properties.filter((property) => property.typeOptions?.password).map(({ name }) => name);
		expect(masked).toEqual(['webhookUrl', 'botToken', 'newBotToken']);
	});

	it('tests with imbot.v2.Revision.get, which needs no bot: passes for a webhook with imbot', async () => {
		expect(credential.test.request.url).toBe('imbot.v2.Revision.get.json');
		expect(await testCredential(emulator.webhooks.admin.url)).toBe('Connection successful!');
	});

	it('tells a wrong secret and a webhook without the imbot scope apart', async () => {
		expect(await testCredential(`${emulator.baseUrl}/rest/1/wrongwrongwrong1/`)).toMatch(/INVALID_CREDENTIALS/);
		expect(await testCredential(emulator.webhooks.user2.url)).toMatch(/lacks the "imbot" \(Chat bots\) scope/);
	});
});
