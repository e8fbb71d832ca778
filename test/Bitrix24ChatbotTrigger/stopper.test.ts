import { mock } from 'jest-mock-extended';
import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { reportable, Stopper } from '../../nodes/Bitrix24ChatbotTrigger/stopper';
import { QueueFailure } from '../../nodes/shared/events';

const node = mock<INode>({ name: 'Bitrix24 Chatbot Trigger', type: 'n8n-nodes-bitrix24-im.bitrix24ChatbotTrigger' });

describe('Stopper', () => {
	it('a pause ends as soon as the trigger is stopped, and later pauses do not wait at all', async () => {
		const stopper = new Stopper();
		let ended = false;
		const pause = stopper.pause(3_600_000).then(() => (ended = true));
		await Promise.resolve();
		expect(ended).toBe(false);
		stopper.stop();
		await pause;
		expect([ended, stopper.stopped]).toEqual([true, true]);
		await stopper.pause(3_600_000);
	});
});

describe('reportable', () => {
	it('a Bitrix24 failure becomes its NodeApiError; n8n errors pass; anything else is wrapped with its message', () => {
		const apiError = new NodeApiError(node, { code: 'BOT_NOT_FOUND' }, { message: 'Bitrix24 imbot.v2.Bot.get: Bot not found [BOT_NOT_FOUND]' });
		const failure = new QueueFailure({ kind: 'api', code: 'BOT_NOT_FOUND', description: 'Bot not found', method: 'imbot.v2.Bot.get' }, apiError);
		expect(reportable(node, failure)).toBe(apiError);
		const operation = new NodeOperationError(node, 'no');
		expect(reportable(node, operation)).toBe(operation);
		const wrapped = reportable(node, new Error('Bot Token is empty'));
		expect(wrapped).toBeInstanceOf(NodeOperationError);
		expect(wrapped.message).toBe('Bot Token is empty');
	});
});
