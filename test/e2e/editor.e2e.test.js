'use strict';
/*
 * What a user sees of the package in n8n 2.41.1's editor, in headless Chromium against the Bitrix24 emulator: the node
 * panel's search with the icons of both themes, a webhook credential created and tested in the credential dialog, the
 * Dialog ID picker, Mark Unread executed from the canvas and its input error, and what the fixes of issue 15 show
 * (canvas subtitles, the trigger's first-fetch note, the OAuth2 dialog's hints, the Rate Limit → Custom hint).
 * With E2E_SCREENSHOTS=<dir> (`npm run screenshots`) it writes the README's screenshots on the way.
 */
const crypto = require('crypto');
const { useEditorInBrowser, newCredentialDialog, openWorkflow, choose, shot } = require('./helpers/browser');
const { packageNodes, panelCases } = require('./helpers/panels');
const { callAs } = require('./helpers/portal');

const CREDENTIAL = { id: 'b24hook', name: 'B24 webhook' };
const NODE = 'n8n-nodes-bitrix24-im.bitrix24Im';
const TRIGGER = 'n8n-nodes-bitrix24-im.bitrix24ImTrigger';

function workflow(name, nodes, connections = {}) {
	return {
		name,
		nodes: nodes.map((node, index) => ({ id: crypto.randomUUID(), typeVersion: 1, position: [240 * index, 0], ...node })),
		connections,
		settings: { executionOrder: 'v1' },
	};
}

const webhookCredential = { bitrix24WebhookApi: CREDENTIAL };
const manualTrigger = { name: 'When clicking \u2018Execute workflow\u2019', type: 'n8n-nodes-base.manualTrigger', parameters: {} };
const markUnread = (dialogId) => ({
	name: 'Mark Unread',
	type: NODE,
	parameters: { authentication: 'webhook', resource: 'dialog', operation: 'markUnread', dialogId, messageId: '126', options: {} },
	credentials: webhookCredential,
});
const chained = (from, to) => ({ [from]: { main: [[{ node: to, type: 'main', index: 0 }]] } });

describe('the package in n8n\'s editor', () => {
	let emu;
	let editor;
	let session;
	let page;
	useEditorInBrowser('editor', CREDENTIAL, (ready) => {
		({ emu, editor, session } = ready);
		page = session.page;
	});

	beforeEach(() => session.clearErrors());
	afterEach(async () => {
		if (process.env.E2E_DEBUG) await page.screenshot({ path: `/tmp/e2e-${expect.getState().currentTestName.slice(0, 40).replace(/\W+/g, '_')}.png` });
		expect(session.errors()).toEqual([]);
	});

	it.each([['light'], ['dark']])(
		'the node panel\'s search "Bitrix24" lists the nodes with their %s icon, every trigger event and every action',
		async (theme) => {
			// Each node's icon file for this theme, as its description names it (e.g. bitrix24.dark.svg).
			const themeIcons = packageNodes().map(({ description }) => description.icon[theme].replace(/^file:/, '').replace(/\./g, '\\.'));
			const iconPath = new RegExp(`/icons/n8n-nodes-bitrix24-im/dist/nodes/[^/]+/(${themeIcons.join('|')})$`);
			await page.evaluate((value) => localStorage.setItem('N8N_THEME', value), theme);
			const saved = await editor.api('POST', '/workflows', workflow('Search', []));
			await openWorkflow(page, editor, saved.id);
			await page.locator('[data-test-id=canvas-plus-button]').click();
			await page.keyboard.type('Bitrix24');
			const entry = page.locator('[data-test-id=node-creator-item-name]', { hasText: /^Bitrix24 IM$/ });
			await entry.waitFor();
			const icons = await page.locator('[data-test-id=node-creator] img').evaluateAll((images) =>
				images.map((image) => ({ src: image.getAttribute('src'), loaded: image.complete && image.naturalWidth > 0 })),
			);
			expect(icons.length).toBeGreaterThan(0);
			for (const image of icons) expect(image).toEqual({ src: expect.stringMatching(iconPath), loaded: true });
			await shot(page, `node-panel-${theme}`, '[data-test-id=node-creator]');
			await entry.click();
			await page.getByText(/^Actions \(\d+\)$/).click();
			const details = await page.locator('[data-test-id=node-creator]').innerText();
			const nodes = packageNodes();
			const actions = panelCases(nodes.find(({ type }) => type === NODE).description);
			expect(details).toContain(`Actions (${actions.length})`);
			const events = nodes.find(({ type }) => type === TRIGGER).description.properties.find(({ name }) => name === 'events').options;
			expect(details).toContain(`Triggers (${events.length})`);
			for (const event of events) expect(details).toContain(`On ${event.name.toLowerCase()}`);
			expect(details).not.toContain('__CUSTOM_API_CALL__');
			if (theme === 'light') await shot(page, 'node-panel-actions', '[data-test-id=node-creator]');
			await page.evaluate(() => localStorage.setItem('N8N_THEME', 'light'));
		},
	);

	it('a webhook credential created in the credential dialog passes n8n\'s test; a wrong secret gets a clear message without it', async () => {
		const dialog = await newCredentialDialog(page, editor, 'Bitrix24 Webhook API');
		const url = page.locator('[data-test-id=parameter-input-webhookUrl] input');
		await url.fill(emu.webhooks.admin.url);
		await page.locator('[data-test-id=credential-save-button]').click();
		await page.locator('[data-test-id=credentials-config-container-test-success]').waitFor();
		const wrongSecret = 'WRONGSECRET0042';
		await url.fill(emu.webhooks.admin.url.replace(/\/[^/]+\/$/, `/${wrongSecret}/`));
		await page.locator('[data-test-id=credential-save-button]').click();
		await page.getByText('More details').click();
		await dialog.getByText(/INVALID_CREDENTIALS/).waitFor();
		const text = await dialog.innerText();
		expect(text).toContain('Bitrix24 rejected the webhook (INVALID_CREDENTIALS): the secret or user id is wrong');
		expect(text).not.toContain(wrongSecret);
		await page.keyboard.press('Escape');
	});

	it('the OAuth2 credential dialog says where each field comes from, Portal URL included', async () => {
		const dialog = await newCredentialDialog(page, editor, 'Bitrix24 OAuth2 API');
		await dialog.getByText('Portal URL').first().waitFor();
		const text = await dialog.innerText();
		for (const hint of ['Application ID (client_id)', 'Application key (client_secret)', 'Your portal\'s address', 'https://oauth.bitrix24.tech']) {
			expect(text).toContain(hint);
		}
		await page.keyboard.press('Escape');
	});

	it('the Dialog ID picker lists the emulator\'s dialogs with kind and id, and search narrows them', async () => {
		const saved = await editor.api('POST', '/workflows', workflow('Picker', [manualTrigger, markUnread({ __rl: true, mode: 'list', value: '' })], chained(manualTrigger.name, 'Mark Unread')));
		await openWorkflow(page, editor, saved.id, saved.nodes[1].id);
		await page.locator('[data-test-id=parameter-input-dialogId]').click();
		const items = page.locator('[data-test-id=rlc-item]:visible');
		await items.first().waitFor();
		expect(await items.allInnerTexts()).toEqual(expect.arrayContaining([
			'General chat (open chat, chat1)', 'Project Apollo (group chat, chat2)', 'Marketing workgroup (workgroup chat, chat3)', 'Bob Builder (private dialog, 2)',
		]));
		await page.locator('input[data-test-id=rlc-search]').fill('Bob');
		await page.waitForFunction(() => [...document.querySelectorAll('[data-test-id=rlc-item]')].filter((item) => item.offsetParent).length === 1);
		expect(await items.allInnerTexts()).toEqual(['Bob Builder (private dialog, 2)']);
		await items.first().click();
		const values = await page.locator('[data-test-id=resource-locator-dialogId] input').evaluateAll((inputs) => inputs.map((input) => input.value));
		expect(values).toContain('Bob Builder (private dialog, 2)');
	});

	it('Mark Unread executed from the canvas shows its output; an invalid Message ID names the item, the field and the value', async () => {
		const saved = await editor.api('POST', '/workflows', workflow('Mark Unread', [manualTrigger, markUnread({ __rl: true, mode: 'id', value: 'chat1' })], chained(manualTrigger.name, 'Mark Unread')));
		await openWorkflow(page, editor, saved.id);
		expect(await page.locator('[data-test-id=canvas-node]', { hasText: 'Mark Unread' }).innerText()).toContain('Mark Unread: Dialog');
		await callAs(emu.webhooks.admin, 'im.dialog.read', { DIALOG_ID: 'chat1' });
		expect(emu.readState(1, 'chat1').unreadCount).toBe(0);
		await page.locator('[data-test-id=execute-workflow-button]').click();
		await page.locator('[data-test-id=canvas-node]', { hasText: 'Mark Unread' }).dblclick();
		const output = page.locator('[data-test-id=output-panel]');
		await output.getByText('true', { exact: true }).first().waitFor();
		expect(await output.innerText()).toMatch(/1 item[\s\S]*result[\s\S]*true/);
		expect(emu.readState(1, 'chat1').unreadCount).toBeGreaterThan(0);
		await shot(page, 'mark-unread-output', '[data-test-id=ndv]');
		await page.locator('[data-test-id=parameter-input-messageId] input').first().fill('12x');
		await page.locator('[data-test-id=node-execute-button]').click();
		const message = 'Item 0: Message ID "12x" is not valid: it must be a whole number greater than 0';
		await page.waitForFunction((text) => document.querySelector('[data-test-id=output-panel]').innerText.includes(text), message);
		expect(await output.innerText()).toContain(message);
	});

	it('Mark Unread\'s parameters; its new credential offers Incoming Webhook and OAuth2; Rate Limit → Custom says where its values are', async () => {
		const saved = await editor.api('POST', '/workflows', workflow('Parameters', [manualTrigger, markUnread({ __rl: true, mode: 'id', value: 'chat1' })], chained(manualTrigger.name, 'Mark Unread')));
		await openWorkflow(page, editor, saved.id, saved.nodes[1].id);
		await shot(page, 'mark-unread-parameters', '[data-test-id=ndv]');
		await page.locator('[data-test-id=node-credentials-select]').click();
		await page.locator('[data-test-id=node-credentials-select-item-new]').click();
		const dialog = page.locator('[data-test-id=editCredential-modal]');
		await dialog.getByText('Setup credential').waitFor();
		const mode = dialog.locator('[data-test-id=credential-mode-dropdown-trigger]');
		expect(await mode.innerText()).toContain('Incoming Webhook');
		await mode.click();
		await page.getByText('OAuth2', { exact: true }).last().waitFor();
		await mode.click();
		await page.locator('button[aria-label="Close this dialog"]:visible').click();
		await dialog.waitFor({ state: 'hidden' });
		await page.locator('[data-test-id=collection-parameter-add]').click();
		await page.locator('[data-test-id=collection-parameter-option]', { hasText: /^Rate Limit$/ }).click();
		await choose(page, 'rateLimit', 'Custom');
		await page.getByText(/Rate Limit is Custom: set its values with Options/).waitFor();
	});

	it('the trigger shows its events on the canvas and says what the first Fetch Test Event does', async () => {
		const trigger = { name: 'Bitrix24 IM Trigger', type: TRIGGER, parameters: { authentication: 'webhook', events: ['messageAdd', 'joinChat'] }, credentials: webhookCredential };
		const saved = await editor.api('POST', '/workflows', workflow('Trigger', [trigger]));
		await openWorkflow(page, editor, saved.id);
		expect(await page.locator('[data-test-id=canvas-node]').innerText()).toContain('Message Added, Joined a Chat');
		await openWorkflow(page, editor, saved.id, saved.nodes[0].id);
		await page.getByText(/The first Fetch Test Event subscribes to the Bitrix24 user's events/).waitFor();
		await shot(page, 'trigger', '[data-test-id=ndv]');
		await page.locator('[data-test-id=node-parameters] [data-test-id=parameter-input-events]').click();
		const entries = page.locator('li.el-select-dropdown__item:visible');
		await entries.first().waitFor();
		const described = await entries.evaluateAll((items) =>
			Object.fromEntries(items.map((item) => [(item.querySelector('.option-headline') || item).textContent.trim(), (item.querySelector('.option-description') || {}).textContent])),
		);
		expect(described).toMatchObject({ 'Message Deleted': 'A message was deleted', 'Message Added': 'A new message in a chat' });
	});
});
