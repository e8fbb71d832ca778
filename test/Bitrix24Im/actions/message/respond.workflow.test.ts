jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import type { Message } from '../../../helpers/messageWorkflow';
import { useMessageEmulator } from '../../../helpers/messageWorkflow';

const { emulator, run, lastOf } = useMessageEmulator();

describe('Message → Like', () => {
	it('likes, toggles and removes the like', async () => {
		const target = emulator().messagesOf('chat2')[0] as unknown as Message;
		const like = (likeAction?: string) =>
			run([{}], { operation: 'like', messageId: target.id, ...(likeAction && { likeAction }) }, { continueOnFail: true });

		expect((await like()).output[0].json).toEqual({ success: true, messageId: target.id, action: 'plus' });
		expect(emulator().state.messages[target.id].likes).toEqual([1]);
		expect((await like('plus')).output[0].json.code).toBe('WITHOUT_CHANGES');
		await like('toggle');
		expect(emulator().state.messages[target.id].likes).toEqual([]);
		await like('toggle');
		expect(emulator().state.messages[target.id].likes).toEqual([1]);
		await like('minus');
		expect(emulator().state.messages[target.id].likes).toEqual([]);
	});

	it('is not repeated after a lost answer: a repeated toggle would undo the like', async () => {
		const target = emulator().messagesOf('chat2')[0] as unknown as Message;
		emulator().injectFault('reset', { count: 5 });
		emulator().clearLog();
		const { output } = await run([{}], { operation: 'like', messageId: target.id, likeAction: 'toggle' }, { continueOnFail: true });
		expect(output[0].json.code).toBe('ECONNRESET');
		expect(emulator().log).toHaveLength(1);
	});
});

describe('Message → Share', () => {
	it.each([
		['task', 'TASK'],
		['calendarEvent', 'CALEND'],
	])('shares a message as %s', async (shareAs, type) => {
		const target = emulator().messagesOf('chat2')[2] as unknown as Message;
		const { output, error } = await run([{}], { operation: 'share', messageId: target.id, dialogId: 'chat2', shareAs });
		expect(error).toBeUndefined();
		expect(output[0].json).toEqual({ success: true, messageId: target.id, dialogId: 'chat2', type });
		expect(emulator().state.shares).toEqual([expect.objectContaining({ type, messageId: target.id, userId: 1 })]);
	});

	it('reports Bitrix24\'s refusal for a message that does not exist', async () => {
		const { output } = await run([{}], { operation: 'share', messageId: 999999, dialogId: 'chat2', shareAs: 'post' }, { continueOnFail: true });
		expect(output[0].json.error).toMatch(/^Bitrix24 im\.message\.share: .* \[[A-Z_]+\]$/);
		expect(emulator().state.shares).toEqual([]);
	});
});

describe('Message → Run Bot Command', () => {
	it('runs the bot\'s command with its parameters, and the bot answers', async () => {
		const target = emulator().messagesOf('chat2')[0] as unknown as Message;
		const { output, error } = await run([{}], {
			operation: 'runBotCommand',
			messageId: target.id,
			botId: '6',
			command: '/echo',
			commandParams: 'Hello from n8n',
		});
		expect(error).toBeUndefined();
		expect(output[0].json).toEqual({ success: true, messageId: target.id, botId: 6, command: 'echo' });
		expect(emulator().state.commands).toEqual([expect.objectContaining({ botId: 6, command: 'echo', params: 'Hello from n8n', messageId: target.id })]);
		expect(lastOf('chat2')).toMatchObject({ authorId: 6, text: 'Hello from n8n' });
	});

	it('reports a command the bot does not have', async () => {
		const target = emulator().messagesOf('chat2')[0] as unknown as Message;
		const { output } = await run([{}], { operation: 'runBotCommand', messageId: target.id, botId: 6, command: 'dance' }, { continueOnFail: true });
		expect(output[0].json.code).toBe('PARAMS_ERROR');
		expect(emulator().state.commands).toEqual([]);
	});
});
