'use strict';
/*
 * n8n's editor in a real headless Chromium (playwright-core driving Debian's chromium, or the browser CHROMIUM_PATH
 * names; playwright downloads none), signed in as the owner of an editor from helpers/editor.js. Each page records
 * the browser console's errors and uncaught exceptions, so a test can say "no console error" for what it did.
 * E2E_SCREENSHOTS=<dir> makes shot() write PNG files there (`npm run screenshots` → docs/screenshots/).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');
const { createInstance } = require('../../../scripts/lib/n8n');
const { startEmulator } = require('../../emulator');
const { startEditor } = require('./editor');

const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// Without the networking flags Chromium keeps trying to reach Google's hosts, which a closed network refuses.
const CHROMIUM_FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];
const VIEWPORT = { width: 1440, height: 900 };

/** A browser with a fresh profile; resolves { newPage(theme), close() }. */
async function launchBrowser() {
	if (!fs.existsSync(CHROMIUM_PATH)) {
		throw new Error(`No Chromium at ${CHROMIUM_PATH}: install Debian's chromium package (apt-get install chromium) or set CHROMIUM_PATH`);
	}
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM_PATH,
		headless: true,
		args: CHROMIUM_FLAGS,
		viewport: VIEWPORT,
	});
	return {
		context,
		async close() {
			await context.close();
			fs.rmSync(profile, { recursive: true, force: true });
		},
	};
}

/**
 * Signs in to the editor as its owner and returns the page with its console record: errors() lists what the console
 * reported as an error (and uncaught exceptions) since the last clearErrors().
 */
async function signIn(browser, editor, { theme = 'light' } = {}) {
	const page = await browser.context.newPage();
	let errors = [];
	const local = (url) => url.startsWith(editor.base);
	// "Failed to load resource" is said again by the request events below, with the URL: n8n's own fetches from the
	// internet fail on a closed network and are not the editor's errors; n8n's answers to the editor are.
	page.on('console', (message) => {
		if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(`console: ${message.text()}`);
	});
	page.on('pageerror', (error) => errors.push(`exception: ${error.message}`));
	page.on('requestfailed', (request) => {
		// ERR_ABORTED: a request the page itself dropped when it navigated.
		if (local(request.url()) && request.failure().errorText !== 'net::ERR_ABORTED') errors.push(`request failed: ${request.url()} ${request.failure().errorText}`);
	});
	page.on('response', (response) => {
		if (local(response.url()) && response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
	});
	await page.goto(`${editor.base}/signin`);
	await page.evaluate((value) => localStorage.setItem('N8N_THEME', value), theme);
	await page.fill('input[name=emailOrLdapLoginId]', editor.owner.email);
	await page.fill('input[name=password]', editor.owner.password);
	await page.keyboard.press('Enter');
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 60_000 });
	// The sign-in page asks for the session before there is one (401): not an error of what the tests do.
	errors = [];
	return {
		page,
		errors: () => errors.slice(),
		clearErrors: () => (errors = []),
	};
}

/** Opens a saved workflow, or one of its nodes' panels (NDV) when a node id is given, and dismisses n8n's tips. */
async function openWorkflow(page, editor, workflowId, nodeId) {
	await page.goto(`${editor.base}/workflow/${workflowId}${nodeId ? `/${nodeId}` : ''}`);
	await page.waitForSelector(nodeId ? '[data-test-id=node-parameters]' : '[data-test-id=canvas-wrapper]', { timeout: 60_000 });
	const tip = page.getByRole('button', { name: 'Got it' });
	if (await tip.isVisible().catch(() => false)) await tip.click();
}

const openDropdown = () => [...document.querySelectorAll('li[data-test-id=parameter-input-item]')].some((item) => item.offsetParent !== null);

/** The visible entries of the open dropdown (their headlines, without descriptions). */
async function dropdownEntries(page) {
	const items = page.locator('li[data-test-id=parameter-input-item]:visible');
	await items.first().waitFor({ timeout: 15_000 });
	return await items.evaluateAll((list) => list.map((item) => (item.querySelector('.option-headline') || item).textContent.trim()));
}

/** Picks an entry of an options field by the name it shows; resolves every entry the dropdown listed. */
async function choose(page, parameterName, entryName) {
	await page.waitForFunction(`!(${openDropdown})()`, null, { timeout: 15_000 }); // the last one has faded out
	await page.locator(`[data-test-id=node-parameters] [data-test-id=parameter-input-${parameterName}]`).first().click();
	const entries = await dropdownEntries(page);
	await page
		.locator('li[data-test-id=parameter-input-item]:visible')
		.filter({ has: page.locator('.option-headline', { hasText: new RegExp(`^${entryName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) })
		.first()
		.click();
	await page.waitForFunction(`!(${openDropdown})()`, null, { timeout: 15_000 });
	return entries;
}

/** The top-level fields the node panel shows, in order: parameter names, and "notice: <text>" for notices. */
async function shownFields(page) {
	return await page.locator('[data-test-id=node-parameters]').evaluate((root) =>
		[...root.querySelectorAll('[data-test-id=parameter-item]')]
			.filter((item) => !item.parentElement.closest('[data-test-id=parameter-item]') && item.offsetParent !== null)
			.map((item) => {
				const label = item.querySelector('label[for]');
				if (label) return label.getAttribute('for');
				// n8n puts the credential selector in the first field's slot: a notice's text is its own element's.
				const notice = item.querySelector('.notice');
				return notice ? `notice: ${notice.textContent.trim()}` : `? ${item.textContent.trim().slice(0, 60)}`;
			}),
	);
}

/** Writes a screenshot of the page (or of one of its elements) to E2E_SCREENSHOTS/<name>.png when that is set. */
async function shot(page, name, selector) {
	const dir = process.env.E2E_SCREENSHOTS;
	if (!dir) return;
	fs.mkdirSync(dir, { recursive: true });
	for (const close of await page.locator('.el-notification__closeBtn:visible').all()) await close.click().catch(() => {});
	await page.waitForFunction(() => !document.querySelector('.el-notification'), null, { timeout: 10_000 }).catch(() => {});
	await page.mouse.move(VIEWPORT.width / 3, 12); // no hover effect in the picture
	await (selector ? page.locator(selector).first() : page).screenshot({ path: path.join(dir, `${name}.png`) });
}

/**
 * Registers a suite's hooks: an emulator, an n8n instance with the emulator's admin webhook imported as `credential`
 * ({ id, name }, type bitrix24WebhookApi), that n8n started with its owner (helpers/editor.js), and a browser signed in.
 * `use({ emu, n8n, editor, browser, session })` gets them once they are up.
 */
function useEditorInBrowser(name, credential, use) {
	const parts = {};
	beforeAll(async () => {
		parts.emu = await startEmulator({ port: 0 });
		parts.n8n = await createInstance({ name });
		await parts.n8n.importCredentials([{ ...credential, type: 'bitrix24WebhookApi', data: { webhookUrl: parts.emu.webhooks.admin.url } }]);
		parts.editor = await startEditor(parts.n8n);
		parts.browser = await launchBrowser();
		parts.session = await signIn(parts.browser, parts.editor);
		use(parts);
	}, 10 * 60 * 1000);

	afterAll(async () => {
		if (parts.browser) await parts.browser.close();
		if (parts.editor) await parts.editor.stop();
		if (parts.n8n) await parts.n8n.cleanup();
		if (parts.emu) await parts.emu.close();
	});
}

/** Opens the dialog of a new credential of the type n8n lists under this name. */
async function newCredentialDialog(page, editor, typeName) {
	await page.goto(`${editor.base}/home/credentials`);
	await page.locator('[data-test-id=add-resource-credential]').click();
	await page.keyboard.type(typeName);
	await page.locator('[data-test-id=new-credential-type-select-option]', { hasText: typeName }).click();
	await page.locator('[data-test-id=new-credential-type-button]').click();
	return page.locator('[data-test-id=editCredential-modal]');
}

module.exports = { useEditorInBrowser, newCredentialDialog, launchBrowser, signIn, openWorkflow, choose, dropdownEntries, shownFields, shot };
