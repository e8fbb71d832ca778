'use strict';
/*
 * Issue 5's story in a real n8n (2.41.1, `n8n execute`) against the emulator, as one workflow a user would build:
 * create a chat, add a member, send 60 messages, mark the last six unread for another user, read that user's
 * counters, edit one message, delete another, and list the chat's whole history with Return All (more than one
 * page). Every step is checked twice: in what n8n output and in the portal's state.
 */
const { createInstance, workflow, codeNode, outputOf, mustSucceed, NODE_TYPE } = require('../../scripts/lib/n8n');
const { startEmulator } = require('../emulator');

const PACKAGE_DIR = process.env.E2E_PACKAGE_DIR || undefined;
const AS_ADMIN = { bitrix24WebhookApi: { id: 'b24admin', name: 'B24 admin (user 1)' } };
const AS_USER2 = { bitrix24WebhookApi: { id: 'b24user2', name: 'B24 user 2' } };
const MESSAGES = 60;

function bitrix24(name, parameters, credentials = AS_ADMIN) {
	return { name, type: NODE_TYPE, typeVersion: 1, parameters: { authentication: 'webhook', ...parameters }, credentials };
}

function jsCode(name, code) {
	return {
		name,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		parameters: { mode: 'runOnceForAllItems', language: 'javaScript', jsCode: code },
	};
}

const storyWorkflow = () =>
	workflow({
		id: 'messengerStory',
		nodes: [
			codeNode('Start', [{ title: 'E2E story' }]),
			bitrix24('Create Chat', { resource: 'chat', operation: 'create', title: '={{ $json.title }}', users: '2, 3' }),
			bitrix24('Add Member', { resource: 'chat', operation: 'addMembers', chatId: { __rl: true, mode: 'id', value: '={{ $json.chatId }}' }, users: '4' }),
			jsCode(
				'Compose',
				`const { dialogId } = $('Create Chat').first().json;
return Array.from({ length: ${MESSAGES} }, (_, i) => ({ json: { dialogId, text: 'Story message ' + (i + 1) } }));`,
			),
			bitrix24('Send', { resource: 'message', operation: 'send', dialogId: '={{ $json.dialogId }}', text: '={{ $json.text }}' }),
			jsCode(
				'Pick',
				`const sent = $input.all().map((item) => item.json.messageId);
const { chatId, dialogId } = $('Create Chat').first().json;
return [{ json: { chatId, dialogId, firstUnread: sent[54], editId: sent[9], deleteId: sent[19] } }];`,
			),
			bitrix24(
				'Mark Unread',
				{ resource: 'dialog', operation: 'markUnread', dialogId: '={{ $json.dialogId }}', messageId: '={{ $json.firstUnread }}' },
				AS_USER2,
			),
			bitrix24('Counters', { resource: 'user', operation: 'getCounters' }, AS_USER2),
			bitrix24('Edit', {
				resource: 'message',
				operation: 'update',
				messageId: "={{ $('Pick').item.json.editId }}",
				text: 'Story message 10 (edited)',
			}),
			bitrix24('Delete', { resource: 'message', operation: 'delete', messageId: "={{ $('Pick').item.json.deleteId }}" }),
			bitrix24('History', {
				resource: 'dialog',
				operation: 'getMessages',
				dialogId: "={{ $('Pick').item.json.dialogId }}",
				returnAll: true,
			}),
		],
	});

describe('the messenger story in a real n8n', () => {
	let emu;
	let n8n;

	beforeAll(async () => {
		emu = await startEmulator({ port: 0 });
		n8n = await createInstance({ name: 'story', packageDir: PACKAGE_DIR });
		await n8n.importCredentials([
			{ id: 'b24admin', name: 'B24 admin (user 1)', type: 'bitrix24WebhookApi', data: { webhookUrl: emu.webhooks.admin.url } },
			{ id: 'b24user2', name: 'B24 user 2', type: 'bitrix24WebhookApi', data: { webhookUrl: emu.webhooks.user2.url } },
		]);
	});

	afterAll(async () => {
		if (n8n) await n8n.cleanup();
		if (emu) await emu.close();
	});

	test('create, add, send 60, mark unread, count, edit, delete, list all pages', async () => {
		const since = emu.seq;
		const wf = storyWorkflow();
		await n8n.importWorkflow(wf);
		const res = await n8n.execute(wf.id);
		mustSucceed(res);
		const log = emu.log.filter((entry) => entry.seq > since);

		// Create Chat → a chat with the credential's user and users 2 and 3; Add Member → user 4 joins it.
		const [created] = outputOf(res.run, 'Create Chat');
		expect(created).toEqual({ chatId: expect.any(Number), dialogId: `chat${created.chatId}` });
		const chat = emu.state.chats[created.chatId];
		expect(chat.title).toBe('E2E story');
		expect(outputOf(res.run, 'Add Member')).toHaveLength(1);
		expect([...chat.users].sort()).toEqual([1, 2, 3, 4]);

		// Send → 60 messages, in order, as two batch requests (50 + 10); every output names its new message.
		const sent = outputOf(res.run, 'Send');
		expect(sent).toHaveLength(MESSAGES);
		const stored = emu.messagesOf(created.dialogId).filter((message) => message.authorId === 1);
		expect(stored.map((message) => message.id)).toEqual(sent.map((item) => item.messageId));
		expect(stored.map((message) => message.text.replace(' (edited)', ''))).toEqual(
			Array.from({ length: MESSAGES }, (_, i) => (i === 19 ? '' : `Story message ${i + 1}`)),
		);
		const sendBatches = log.filter((entry) => entry.method === 'batch' && entry.batchCommands[0].method === 'im.message.add');
		expect(sendBatches.map((entry) => entry.batchCommands.length)).toEqual([50, 10]);

		// Mark Unread as user 2 from message 55 → six unread for user 2, and Get Counters (as user 2) says so.
		expect(emu.readState(2, created.dialogId).unreadCount).toBe(6);
		const [counters] = outputOf(res.run, 'Counters');
		expect(counters.CHAT[String(created.chatId)]).toBe(6);
		expect(counters.TYPE).toEqual(emu.countersOf(2).TYPE);

		// Edit and Delete changed the portal's messages.
		const edited = emu.state.messages[sent[9].messageId];
		expect(edited.text).toBe('Story message 10 (edited)');
		expect(emu.state.messages[sent[19].messageId].deleted).toBe(true);

		// History with Return All: every message of the chat exactly once, newest first, over more than one page.
		const history = outputOf(res.run, 'History');
		const allIds = emu.messagesOf(created.dialogId).map((message) => message.id);
		expect(allIds.length).toBeGreaterThan(50);
		expect(history.map((message) => message.id)).toEqual([...allIds].reverse());
		expect(history.find((message) => message.id === edited.id).text).toBe('Story message 10 (edited)');
		const pages = log.filter((entry) => entry.method === 'im.dialog.messages.get');
		expect(pages.length).toBe(Math.ceil(allIds.length / 50) + (allIds.length % 50 === 0 ? 1 : 0));

		// Nothing of either webhook's secret reached the stored execution.
		const secrets = [emu.webhooks.admin.url, emu.webhooks.user2.url].map((url) => url.split('/').filter(Boolean).pop());
		const stored_ = JSON.stringify(res.run);
		for (const secret of secrets) expect(stored_).not.toContain(secret);
	});
});
