'use strict';
/*
 * Benchmark only: what a bot trigger on n8n's poll schedule does (as the other Bitrix24 packages' triggers do). n8n
 * runs poll() when the workflow activates, then on the schedule, every minute at the shortest (n8n refuses shorter
 * poll times). Each poll reads the bot's queue (imbot.v2.Event.get), confirms what the previous poll read (offset =
 * its nextOffset) and emits the new messages as one execution. The webhook URL and the bot token are plain
 * parameters: this node runs only against the emulator's dummy secrets, inside the benchmark's throwaway n8n.
 */
class BenchBotPoller {
	constructor() {
		this.description = {
			displayName: 'Bench Bot Poller',
			name: 'benchBotPoller',
			group: ['trigger'],
			version: 1,
			description: 'Benchmark only: reads a Bitrix24 bot queue on n8n\'s poll schedule',
			defaults: { name: 'Bench Bot Poller' },
			polling: true,
			inputs: [],
			outputs: ['main'],
			properties: [
				{ displayName: 'Webhook URL', name: 'webhookUrl', type: 'string', default: '' },
				{ displayName: 'Bot Token', name: 'botToken', type: 'string', default: '' },
				{ displayName: 'Bot ID', name: 'botId', type: 'number', default: 0 },
			],
		};
	}

	async poll() {
		const webhookUrl = this.getNodeParameter('webhookUrl');
		const botId = this.getNodeParameter('botId');
		const stored = this.getWorkflowStaticData('node');
		const body = { botId, botToken: this.getNodeParameter('botToken'), limit: 100 };
		if (stored.offset) body.offset = stored.offset;
		const answer = await this.helpers.httpRequest({ method: 'POST', url: `${webhookUrl}imbot.v2.Event.get.json`, body, json: true });
		const { events = [], nextOffset } = answer.result || {};
		if (nextOffset) stored.offset = nextOffset;
		const items = events
			.filter((event) => event.type === 'ONIMBOTV2MESSAGEADD')
			.map((event) => ({ json: { event: 'messageAdd', botId, dialogId: event.data.chat.dialogId, text: event.data.message.text } }));
		return items.length > 0 ? [items] : null;
	}
}

module.exports = { BenchBotPoller };
