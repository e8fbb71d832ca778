'use strict';
/*
 * n8n 2.41.1's editor in headless Chromium: every resource and operation of every node of the package (package.json's
 * "n8n" nodes, as packed and installed), picked in the panel's dropdowns as a user picks them, opens its fields with
 * no browser console error; the Operation list shows exactly the description's entries (one Custom API Call, last),
 * and the fields shown are the ones the description says (helpers/panels.js generates the table).
 */
const crypto = require('crypto');
const { useEditorInBrowser, openWorkflow, choose, shownFields } = require('./helpers/browser');
const { packageNodes, panelCases } = require('./helpers/panels');

const CREDENTIAL = { id: 'b24hook', name: 'B24 webhook' };
const CREDENTIAL_TYPE = 'bitrix24WebhookApi';
const nodes = packageNodes();

/** The fields the panel shows once they match `expected` (the panel redraws after a pick), or the last seen after 10 s. */
async function settledFields(page, expected) {
	let shown;
	for (const until = Date.now() + 10_000; Date.now() < until; await page.waitForTimeout(200)) {
		shown = await shownFields(page);
		if (JSON.stringify(shown) === JSON.stringify(expected)) break;
	}
	return shown;
}

/** A saved workflow holding only this node, with the webhook credential where the node takes it. */
function workflowWith({ type, description }) {
	const credential = (description.credentials || []).find(({ name }) => name === CREDENTIAL_TYPE);
	const parameters = credential ? Object.fromEntries(Object.entries(credential.displayOptions.show).map(([name, [value]]) => [name, value])) : {};
	return {
		name: `Panels of ${description.displayName}`,
		nodes: [{ id: crypto.randomUUID(), name: description.defaults.name, type, typeVersion: 1, position: [0, 0], parameters, ...(credential && { credentials: { [CREDENTIAL_TYPE]: CREDENTIAL } }) }],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

describe('every panel of every node in n8n\'s editor', () => {
	let editor;
	let session;
	useEditorInBrowser('editor-panels', CREDENTIAL, (ready) => ({ editor, session } = ready));

	it('covers every node in package.json', () => {
		expect(nodes.map(({ description }) => description.name)).toEqual(expect.arrayContaining(['bitrix24Im', 'bitrix24ImTrigger']));
	});

	describe.each(nodes.map((node) => [node.description.displayName, node]))('%s', (_name, node) => {
		const cases = panelCases(node.description);

		it(`opens each of its ${cases.length} panels with the described fields and no console error`, async () => {
			const { page } = session;
			const saved = await editor.api('POST', '/workflows', workflowWith(node));
			await openWorkflow(page, editor, saved.id, saved.nodes[0].id);
			const seen = [];
			for (const panel of cases) {
				session.clearErrors();
				let operationEntries;
				if (panel.resource) {
					await choose(page, 'resource', panel.resource.name);
					operationEntries = await choose(page, 'operation', panel.operation.name);
				}
				const fields = await settledFields(page, panel.fields);
				seen.push({
					panel: panel.resource ? `${panel.resource.name} → ${panel.operation.name}` : node.description.displayName,
					...(panel.resource && { operationEntries }),
					fields,
					consoleErrors: session.errors(),
				});
			}
			expect(seen).toEqual(
				cases.map((panel) => ({
					panel: panel.resource ? `${panel.resource.name} → ${panel.operation.name}` : node.description.displayName,
					...(panel.resource && { operationEntries: panel.operationEntries }),
					fields: panel.fields,
					consoleErrors: [],
				})),
			);
		});
	});
});
