'use strict';
/*
 * Every workflow in examples/, imported as a user would import it (its credential referenced by name, "Bitrix24
 * webhook"), run in a real n8n (`n8n start`) against the Bitrix24 emulator from its own trigger as the editor runs it,
 * and checked in the emulator's state: what each example promises happens. The CRM one is published and called on
 * its production webhook, as Bitrix24's outbound webhook would call it.
 */
const fs = require('fs');
const path = require('path');
const { createInstance, PACKAGE_NAME } = require('../../scripts/lib/n8n');
const { startEmulator } = require('../emulator');
const { startEditor, nodeOutput } = require('./helpers/editor');
const { waitFor, listExecutions } = require('./helpers/trigger');
const { callAs } = require('./helpers/portal');

const EXAMPLES_DIR = path.resolve(__dirname, '..', '..', 'examples');
const CREDENTIAL_NAME = 'Bitrix24 webhook';

/** Workflow ids for the examples (n8n's import keeps a given id); every example file needs one here. */
const IDS = {
	'mark-dialog-unread.json': 'exMarkUnread',
	'send-message-with-keyboard.json': 'exKeyboard',
	'daily-unread-digest.json': 'exDigest',
	'forward-new-messages.json': 'exForward',
	'crm-deal-mark-chat-unread.json': 'exCrmDeal',
};
/** The chat bot examples have a story of their own: test/e2e/chatbotStory.e2e.test.js runs the echo bot and imports the AI one. */
const RUN_BY_CHATBOT_STORY = ['chatbot-echo.json', 'chatbot-ai-assistant.json'];

const load = (file) => ({ ...JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')), id: IDS[file] });
const triggerOf = (workflow) => workflow.nodes.find((node) => /trigger|webhook/i.test(node.type)).name;

describe('the example workflows, in a real n8n against the emulator', () => {
	let emu;
	let n8n;
	let editor;

	beforeAll(async () => {
		emu = await startEmulator({ port: 0 });
		n8n = await createInstance({ name: 'examples' });
		await n8n.importCredentials([{ id: 'b24example', name: CREDENTIAL_NAME, type: 'bitrix24WebhookApi', data: { webhookUrl: emu.webhooks.admin.url } }]);
		await n8n.importWorkflow(Object.keys(IDS).map(load));
		const published = await n8n.n8n(['publish:workflow', `--id=${IDS['crm-deal-mark-chat-unread.json']}`]);
		if (published.code !== 0) throw new Error(`publish:workflow failed:\n${published.output}`);
		editor = await startEditor(n8n);
	}, 10 * 60 * 1000);

	afterAll(async () => {
		if (editor) await editor.stop();
		if (n8n) await n8n.cleanup();
		if (emu) await emu.close();
	});

	it('every file in examples/ is run here or by the chat bot story, and those run here use only n8n\'s nodes and this package\'s', () => {
		expect(fs.readdirSync(EXAMPLES_DIR).filter((file) => file.endsWith('.json')).sort()).toEqual([...Object.keys(IDS), ...RUN_BY_CHATBOT_STORY].sort());
		for (const file of Object.keys(IDS)) {
			for (const node of load(file).nodes) expect(node.type).toMatch(new RegExp(`^(n8n-nodes-base|${PACKAGE_NAME})\\.`));
		}
	});

	it('mark-dialog-unread: marks both dialogs unread from the listed messages on', async () => {
		const workflow = load('mark-dialog-unread.json');
		const execution = await editor.runFrom(workflow.id, triggerOf(workflow));
		expect(execution.status).toBe('success');
		expect(nodeOutput(execution, 'Mark Unread')).toHaveLength(2);
		for (const [dialogId, messageId] of [['chat1', 126], ['chat2', 137]]) {
			// Unread counts the others' messages: the credential's user (1) does not read their own as unread.
			const fromThereOn = emu.messagesOf(dialogId).filter((message) => message.id >= messageId && message.authorId !== 1).length;
			expect(emu.readState(1, dialogId).unreadCount).toBe(fromThereOn);
		}
	});

	it('send-message-with-keyboard: posts the question with its buttons to Project Apollo', async () => {
		const workflow = load('send-message-with-keyboard.json');
		const execution = await editor.runFrom(workflow.id, triggerOf(workflow));
		expect(execution.status).toBe('success');
		const [sent] = nodeOutput(execution, 'Ask for approval');
		const message = emu.messagesOf('chat2').find((entry) => entry.id === sent.messageId);
		expect(message.text).toBe('[b]Release 2.3[/b] is ready. Ship it to production?');
		expect(message.params.KEYBOARD.map((button) => button.TEXT || button.TYPE)).toEqual(['Approve', 'Not yet', 'NEWLINE', 'Release notes']);
	});

	it('daily-unread-digest: sends the credential\'s user a notification with its unread counters', async () => {
		const workflow = load('daily-unread-digest.json');
		const counters = emu.countersOf(1);
		const execution = await editor.runFrom(workflow.id, triggerOf(workflow));
		expect(execution.status).toBe('success');
		const [{ notificationId }] = nodeOutput(execution, 'Send the digest');
		const notification = emu.state.notifications[notificationId];
		expect(notification.userId).toBe(1);
		expect(notification.text).toContain(`${counters.TYPE.CHAT} unread messages in ${Object.keys(counters.CHAT).length} group chats`);
		expect(notification.text).toContain(`${counters.TYPE.DIALOG} unread messages in ${Object.keys(counters.DIALOG).length} private dialogs`);
		expect(notification.text).toContain(`${counters.TYPE.NOTIFY} unread notifications`);
	});

	it('forward-new-messages: the trigger\'s new message in Project Apollo is forwarded to General chat', async () => {
		const workflow = load('forward-new-messages.json');
		const trigger = triggerOf(workflow);
		const first = await editor.runFrom(workflow.id, trigger); // subscribes: nothing from before
		expect(nodeOutput(first, trigger)).toEqual([]);
		const text = `Status: the launch checklist is done (${Date.now()})`;
		const messageId = await callAs(emu.webhooks.user2, 'im.message.add', { DIALOG_ID: 'chat2', MESSAGE: text });
		const second = await editor.runFrom(workflow.id, trigger);
		expect(second.status).toBe('success');
		expect(nodeOutput(second, trigger)).toMatchObject([{ event: 'messageAdd', messageId, dialogId: 'chat2', authorId: 2, text }]);
		const [forwarded] = nodeOutput(second, 'Forward to General chat');
		const posted = emu.messagesOf('chat1').find((entry) => entry.id === forwarded.messageId);
		expect(posted.text).toBe(`[b]Bob Builder[/b] in Project Apollo:[br]${text}`);
	});

	it('crm-deal-mark-chat-unread: a deal event marks the deal\'s chat unread; a deal without a chat changes nothing', async () => {
		const workflow = load('crm-deal-mark-chat-unread.json');
		const chatId = await callAs(emu.webhooks.admin, 'im.chat.add', { TITLE: 'Deal #42: Acme order', USERS: [2], ENTITY_TYPE: 'CRM', ENTITY_ID: 'DEAL|42' });
		const lastMessageId = await callAs(emu.webhooks.user2, 'im.message.add', { DIALOG_ID: `chat${chatId}`, MESSAGE: 'Acme signed the contract' });
		await callAs(emu.webhooks.admin, 'im.dialog.read', { DIALOG_ID: `chat${chatId}` });
		expect(emu.readState(1, `chat${chatId}`).unreadCount).toBe(0);

		const event = async (dealId) => {
			const before = (await listExecutions(n8n, workflow.id)).length;
			const form = new URLSearchParams({ event: 'ONCRMDEALUPDATE', 'data[FIELDS][ID]': String(dealId), ts: '1764300000' });
			const res = await fetch(`${editor.base}/webhook/bitrix24-crm-deal`, { method: 'POST', body: form });
			expect(res.status).toBe(200);
			return await editor.executionAfter(workflow.id, before);
		};
		const marked = await event(42);
		expect(marked.status).toBe('success');
		expect(nodeOutput(marked, "Find the deal's chat")).toMatchObject([{ found: true, chatId, dialogId: `chat${chatId}` }]);
		expect(nodeOutput(marked, 'Mark its last message unread')).toHaveLength(1);
		expect(emu.readState(1, `chat${chatId}`).unreadCount).toBe(1);
		expect(emu.messagesOf(`chat${chatId}`).pop().id).toBe(lastMessageId);

		const untouched = await event(43);
		expect(untouched.status).toBe('success');
		expect(nodeOutput(untouched, "Find the deal's chat")).toMatchObject([{ found: false }]);
		expect(nodeOutput(untouched, 'Mark its last message unread')).toEqual([]);
		await waitFor('no other run', async () => (await listExecutions(n8n, workflow.id)).length === 2, { timeoutMs: 5000 });
	});
});
