'use strict';
/*
 * Workflow and node builders for the end-to-end harness. workflow(): Manual Trigger (the start node `n8n execute`
 * requires) chained to the given nodes; webhookWorkflow(): the same chain started by a production webhook.
 * codeNode(): a Code node producing items. The Code node works under `n8n execute` (it runs in the JS task runner
 * that the command starts; it adds ~1.5 s). markUnreadNode(): this package's node doing Dialog → Mark Unread.
 */

const crypto = require('crypto');
const { PACKAGE_NAME } = require('./constants');

const MANUAL_TRIGGER_NAME = 'Manual Trigger';
const WEBHOOK_NAME = 'Webhook';

function nodeId() {
	return crypto.randomUUID();
}

/**
 * Workflow JSON: a Manual Trigger (required start node for `n8n execute`) followed by `nodes`, connected
 * in a chain (main output 0 -> main input 0). Each node is a partial n8n node: { name, type, typeVersion?,
 * parameters?, credentials?, ... }. Pass `connections` to replace the automatic chain.
 * Workflow ids must be <= 21 characters.
 */
function workflow({ id, name, nodes = [], connections, settings } = {}) {
	const trigger = { name: MANUAL_TRIGGER_NAME, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} };
	return chainedWorkflow({ id, name, trigger, nodes, connections, settings });
}

/**
 * Workflow JSON started by a production webhook: POST /webhook/<path> runs `nodes` in a chain and answers at once
 * (n8n's Webhook node, response "Immediately"). For an n8n that serves webhooks (`n8n start`), once published.
 */
function webhookWorkflow({ id, name, path, nodes = [], settings } = {}) {
	if (!path) throw new Error('webhookWorkflow(): path is required');
	const trigger = {
		name: WEBHOOK_NAME,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: crypto.randomUUID(),
		parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
	};
	return chainedWorkflow({ id, name, trigger, nodes, settings });
}

/** Workflow JSON: `trigger` (a partial node, like those of `nodes`) followed by `nodes` in a chain. */
function chainedWorkflow({ id, name, trigger, nodes = [], connections, settings }) {
	if (!id) throw new Error('workflow(): id is required');
	if (String(id).length > 21) throw new Error(`workflow(): id "${id}" is longer than 21 characters`);
	const all = [{ id: nodeId(), position: [0, 0], ...trigger }];
	nodes.forEach((n, i) => {
		if (!n.name || !n.type) throw new Error('workflow(): every node needs name and type');
		all.push({
			id: nodeId(),
			typeVersion: 1,
			parameters: {},
			position: [220 * (i + 1), 0],
			...n,
		});
	});
	let conns = connections;
	if (!conns) {
		conns = {};
		for (let i = 0; i < all.length - 1; i++) {
			conns[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
		}
	}
	return {
		id: String(id),
		name: name || `e2e ${id}`,
		active: false,
		nodes: all,
		connections: conns,
		settings: { executionOrder: 'v1', ...(settings || {}) },
		pinData: {},
	};
}

/** A Code node (runs in n8n's JS task runner) that outputs the given plain objects as items. */
function codeNode(name, items) {
	return {
		name,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		parameters: {
			mode: 'runOnceForAllItems',
			language: 'javaScript',
			jsCode: `return ${JSON.stringify(items)}.map((json) => ({ json }));`,
		},
	};
}

/** This package's node type: the Bitrix24 IM node. */
const NODE_TYPE = `${PACKAGE_NAME}.bitrix24Im`;

/**
 * A Bitrix24 IM node doing Dialog → Mark Unread through the incoming-webhook credential `credential` ({ id, name }),
 * Dialog ID and Message ID read from each item's `dialogId` and `messageId` by expression. `options` are the node's
 * Options (batching, rateLimit, ...); `onError` e.g. 'continueRegularOutput'.
 */
function markUnreadNode({ name = 'Mark Unread', credential, options = {}, onError } = {}) {
	if (!credential || !credential.id) throw new Error('markUnreadNode(): credential { id, name } is required');
	const node = {
		name,
		type: NODE_TYPE,
		typeVersion: 1,
		parameters: {
			authentication: 'webhook',
			resource: 'dialog',
			operation: 'markUnread',
			dialogId: '={{ $json.dialogId }}',
			messageId: '={{ $json.messageId }}',
			options,
		},
		credentials: { bitrix24WebhookApi: credential },
	};
	if (onError) node.onError = onError;
	return node;
}

module.exports = { workflow, webhookWorkflow, chainedWorkflow, codeNode, markUnreadNode, MANUAL_TRIGGER_NAME, NODE_TYPE };
