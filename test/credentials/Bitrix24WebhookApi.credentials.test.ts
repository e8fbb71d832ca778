import type { IAuthenticateRuleResponseSuccessBody, IHttpRequestOptions } from 'n8n-workflow';

import { Bitrix24WebhookApi } from '../../credentials/Bitrix24WebhookApi.credentials';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startEmulator } = require('../emulator');

const credential = new Bitrix24WebhookApi();

/** What n8n's credential tester does: send the test request through `authenticate`, then apply the body rules. */
async function testCredential(webhookUrl: string): Promise<string> {
	const authenticate = credential.authenticate as (
		c: { webhookUrl: string },
		o: IHttpRequestOptions,
	) => Promise<IHttpRequestOptions>;
	const options = await authenticate({ webhookUrl }, { ...credential.test.request } as IHttpRequestOptions);
	const response = await fetch(new URL(options.url, options.baseURL), { method: options.method });
	const text = await response.text();
	let body: Record<string, unknown> = {};
	try {
		body = JSON.parse(text);
	} catch {
		body = {};
	}
	for (const rule of credential.test.rules as IAuthenticateRuleResponseSuccessBody[]) {
		if (body[rule.properties.key] === rule.properties.value) return rule.properties.message;
	}
	return 'Connection successful!';
}

describe('the webhook credential test', () => {
	let emulator: {
		baseUrl: string;
		webhooks: Record<string, { url: string }>;
		injectFault(kind: string): void;
		close(): Promise<void>;
	};
	beforeAll(async () => {
		emulator = await startEmulator({ port: 0 });
	});
	afterAll(async () => await emulator.close());

	it('calls an im method, so that a missing im scope shows', () => {
		expect(credential.test.request.url).toMatch(/^im\./);
	});

	it('passes for a webhook with the im scope', async () => {
		expect(await testCredential(emulator.webhooks.admin.url)).toBe('Connection successful!');
	});

	it('tells a wrong secret apart', async () => {
		expect(await testCredential(`${emulator.baseUrl}/rest/1/wrongwrongwrong1/`)).toMatch(/INVALID_CREDENTIALS/);
	});

	it('tells a webhook without the im scope apart', async () => {
		expect(await testCredential(emulator.webhooks.noIm.url)).toMatch(/lacks the "im" .* scope/);
	});

	it('says when the address does not answer like Bitrix24', async () => {
		emulator.injectFault('html500');
		expect(await testCredential(emulator.webhooks.admin.url)).toMatch(/did not answer like a Bitrix24 REST webhook/);
	});
});
