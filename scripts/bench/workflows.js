'use strict';
/*
 * The benchmark's workflows: Manual Trigger -> a Code node making N items -> the node under test, one variant each.
 */
const { workflow, markUnreadNode: markUnreadNodeWith } = require('../lib/n8n');

/**
 * A Code node producing N items spread over the seed's five dialogs of user 1 (chat1, chat2, sg5, and the private
 * dialogs with users 2 and 3), each with one of that dialog's real message ids (101 + d + 5k).
 */
function itemsNode(n) {
	return {
		name: 'Items',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		parameters: {
			mode: 'runOnceForAllItems',
			language: 'javaScript',
			jsCode: [
				`const N = ${n};`,
				"const dialogs = ['chat1', 'chat2', 'sg5', '2', '3'];",
				'return Array.from({ length: N }, (_, i) => {',
				'  const d = i % 5;',
				'  return { json: { dialogId: dialogs[d], messageId: 101 + d + 5 * (Math.floor(i / 5) % 10) } };',
				'});',
			].join('\n'),
		},
	};
}

function markUnreadNode(options) {
	return markUnreadNodeWith({ name: 'Mark Unread', credential: { id: 'benchCred', name: 'Bitrix24 webhook' }, options });
}

function httpRequestNode(webhookUrl, { retry }) {
	const node = {
		name: 'Mark Unread',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: `${webhookUrl}im.dialog.unread.json`,
			sendBody: true,
			contentType: 'json',
			specifyBody: 'keypair',
			bodyParameters: {
				parameters: [
					{ name: 'DIALOG_ID', value: '={{ $json.dialogId }}' },
					{ name: 'MESSAGE_ID', value: '={{ $json.messageId }}' },
				],
			},
			options: retry ? {} : { batching: { batch: { batchSize: 1, batchInterval: 500 } } },
		},
	};
	if (retry) Object.assign(node, { retryOnFail: true, maxTries: 5, waitBetweenTries: 5000 });
	return node;
}

/** For context only: n8n's Set node evaluating the same two expressions per item, and nothing else. */
function setExpressionsNode() {
	return {
		name: 'Mark Unread', // the name the measurements look for; it only sets fields
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		parameters: {
			mode: 'manual',
			assignments: {
				assignments: [
					{ id: 'f1', name: 'DIALOG_ID', value: '={{ $json.dialogId }}', type: 'string' },
					{ id: 'f2', name: 'MESSAGE_ID', value: '={{ $json.messageId }}', type: 'number' },
				],
			},
			options: {},
		},
	};
}

function benchWorkflow(id, n, variant, webhookUrl, nodeOptions) {
	const nodes = [itemsNode(n)];
	if (variant === 'a') nodes.push(markUnreadNode(nodeOptions || {}));
	else if (variant === 'b') nodes.push(markUnreadNode({ ...(nodeOptions || {}), batching: false }));
	else if (variant === 'c') nodes.push(httpRequestNode(webhookUrl, { retry: false }));
	else if (variant === 'cRetry') nodes.push(httpRequestNode(webhookUrl, { retry: true }));
	else if (variant === 'aLiteral') {
		// The same node with fixed parameter values, so n8n evaluates no expression per item: own processing.
		const node = markUnreadNode(nodeOptions || {});
		Object.assign(node.parameters, { dialogId: 'chat1', messageId: '126' });
		nodes.push(node);
	} else if (variant === 'setExpr') nodes.push(setExpressionsNode());
	else if (variant !== 'codeOnly' && variant !== 'idle') throw new Error(`unknown variant ${variant}`);
	return workflow({ id, name: `bench ${variant} N=${n}`, nodes: variant === 'idle' ? [] : nodes });
}

module.exports = { benchWorkflow };
