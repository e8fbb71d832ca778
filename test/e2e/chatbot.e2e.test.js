'use strict';
/*
 * The Bitrix24 Chatbot node inside a real n8n (2.41.1, `n8n execute`): its credential (webhook URL and Bot Token)
 * registers a bot in one step and the bot posts with a keyboard; a bot of another token is refused with Bitrix24's
 * code; the bot token and the webhook secret appear in nothing n8n printed or stored. (The Chatbot Trigger, its
 * latency and the whole bot story are issue 14's second half.)
 */
const { createInstance, workflow, codeNode, outputOf, errorOf, mustSucceed } = require('../../scripts/lib/n8n');
const { startEmulator } = require('../emulator');

const CHATBOT = 'n8n-nodes-bitrix24-im.bitrix24Chatbot';
const BOT_KEY = 'e2e-dummy-bot-token-000001';
const OTHER_KEY = 'e2e-dummy-other-token-0001';

describe('Bitrix24 Chatbot in real n8n', () => {
	let emu;
	let n8n;
	const credential = (id, name) => ({ bitrix24ChatbotWebhookApi: { id, name } });

	beforeAll(async () => {
		emu = await startEmulator({ port: 0 });
		n8n = await createInstance({ name: 'chatbot' });
		await n8n.importCredentials([
			{ id: 'b24bot', name: 'B24 bot', type: 'bitrix24ChatbotWebhookApi', data: { webhookUrl: emu.webhooks.admin.url, botToken: BOT_KEY } },
			{ id: 'b24other', name: 'B24 other bot', type: 'bitrix24ChatbotWebhookApi', data: { webhookUrl: emu.webhooks.admin.url, botToken: OTHER_KEY } },
		]);
	});

	afterAll(async () => {
		if (n8n) await n8n.cleanup();
		if (emu) await emu.close();
	});

	async function expectNoSecrets(res, workflowId) {
		const stored = JSON.stringify(await n8n.readExecution({ workflowId }));
		expect(stored.length).toBeGreaterThan(100);
		for (const secret of [BOT_KEY, OTHER_KEY, emu.webhooks.admin.secret]) {
			expect(n8n.transcript()).not.toContain(secret);
			expect(res.output).not.toContain(secret);
			expect(stored).not.toContain(secret);
		}
	}

	test('Register then Send: the bot belongs to the credential\'s token and posts with a keyboard', async () => {
		const wf = workflow({
			id: 'chatbotRegisterSend',
			nodes: [
				codeNode('Items', [{ user: '2' }]),
				{ name: 'Register', type: CHATBOT, parameters: { authentication: 'webhook', resource: 'bot', operation: 'register', code: 'e2e_bot', name: 'E2E Bot' },
					credentials: credential('b24bot', 'B24 bot') },
				{ name: 'Send', type: CHATBOT, parameters: { authentication: 'webhook', resource: 'message', operation: 'send',
					botId: { __rl: true, mode: 'id', value: '={{ $json.botId }}' }, dialogId: "={{ $('Items').item.json.user }}", text: 'Hello from n8n',
					additionalFields: { keyboard: '[{"TEXT":"Help","COMMAND":"help"}]' } },
				credentials: credential('b24bot', 'B24 bot') },
			],
		});
		await n8n.importWorkflow(wf);
		const res = await n8n.execute(wf.id);
		mustSucceed(res);
		const [bot] = outputOf(res.run, 'Register');
		expect(bot).toMatchObject({ code: 'e2e_bot', name: 'E2E Bot', type: 'bot', eventMode: 'fetch' });
		expect(emu.state.bots[bot.botId].owner).toBe(`token:${BOT_KEY}`);
		const [sent] = outputOf(res.run, 'Send');
		const posted = emu.messagesOf('2', bot.botId).at(-1);
		expect(sent).toEqual({ messageId: posted.id, dialogId: '2' });
		expect([posted.text, posted.params.KEYBOARD.BUTTONS]).toEqual(['Hello from n8n', [{ TEXT: 'Help', COMMAND: 'help' }]]);
		await expectNoSecrets(res, wf.id);
	});

	test('a credential with another bot\'s token is refused with BOT_OWNERSHIP_ERROR, and neither token shows', async () => {
		const botId = Object.values(emu.state.bots).find((bot) => bot.code === 'e2e_bot').id;
		const wf = workflow({
			id: 'chatbotOtherToken',
			nodes: [{ name: 'Send', type: CHATBOT, parameters: { authentication: 'webhook', resource: 'message', operation: 'send',
				botId: { __rl: true, mode: 'id', value: String(botId) }, dialogId: '2', text: 'not mine' }, credentials: credential('b24other', 'B24 other bot') }],
		});
		await n8n.importWorkflow(wf);
		const res = await n8n.execute(wf.id);
		expect(res.code).not.toBe(0);
		expect(errorOf(res.run).message).toBe('Bitrix24 imbot.v2.Chat.Message.send: Bot is registered by another application [BOT_OWNERSHIP_ERROR]');
		await expectNoSecrets(res, wf.id);
	});
});
