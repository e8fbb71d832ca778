'use strict';
/*
 * The chat bot benchmark's workflows: trigger → Code (build the answer) → Bitrix24 Chatbot → Send, where the trigger
 * is either this package's Bitrix24 Chatbot Trigger ('trigger') or the benchmark's own poller on n8n's poll schedule
 * at its shortest interval, every minute ('polling', see poller/). The answer is "Echo: <text>", so that each
 * reply names the message it answers.
 */
const crypto = require('crypto');
const { PACKAGE_NAME } = require('../../lib/n8n');

const CREDENTIAL = { bitrix24ChatbotWebhookApi: { id: 'benchBot', name: 'Bench bot' } };

function triggerNode(kind, { botId, webhookUrl, botToken }) {
	if (kind === 'trigger') {
		return {
			name: 'Trigger',
			type: `${PACKAGE_NAME}.bitrix24ChatbotTrigger`,
			parameters: { authentication: 'webhook', botId: { __rl: true, mode: 'id', value: String(botId) }, events: ['messageAdd'], ignoreOwnMessages: true, options: {} },
			credentials: CREDENTIAL,
		};
	}
	return {
		name: 'Trigger',
		type: 'n8n-nodes-bench-poller.benchBotPoller',
		parameters: { webhookUrl, botToken, botId, pollTimes: { item: [{ mode: 'everyMinute' }] } },
	};
}

function chatbotBenchWorkflow(kind, id, bot) {
	const nodes = [
		triggerNode(kind, bot),
		{
			name: 'Build the Answer',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			parameters: {
				mode: 'runOnceForAllItems',
				language: 'javaScript',
				jsCode: "return $input.all().map((item) => ({ json: { ...item.json, answer: 'Echo: ' + item.json.text } }));",
			},
		},
		{
			name: 'Send',
			type: `${PACKAGE_NAME}.bitrix24Chatbot`,
			parameters: {
				authentication: 'webhook',
				resource: 'message',
				operation: 'send',
				botId: { __rl: true, mode: 'id', value: '={{ $json.botId }}' },
				dialogId: '={{ $json.dialogId }}',
				text: '={{ $json.answer }}',
				additionalFields: {},
			},
			credentials: CREDENTIAL,
		},
	].map((node, i) => ({ id: crypto.randomUUID(), typeVersion: 1, position: [220 * i, 0], ...node }));
	const connect = (from, to) => ({ [from]: { main: [[{ node: to, type: 'main', index: 0 }]] } });
	return {
		id,
		name: `bench chatbot ${kind}`,
		active: false,
		nodes,
		connections: { ...connect('Trigger', 'Build the Answer'), ...connect('Build the Answer', 'Send') },
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

module.exports = { chatbotBenchWorkflow, CREDENTIAL };
