jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { callAs } from '../../../helpers/emulator';
import { useMessageEmulator } from '../../../helpers/messageWorkflow';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const emulatorState = require('../../../emulator/state') as {
	addMessage(state: unknown, chat: unknown, authorId: number, text: string, params?: unknown, date?: number): { id: number };
};

const { emulator, run } = useMessageEmulator();
const ids = (output: Array<{ json: Record<string, unknown> }>) => output.map(({ json }) => json.id as number);
/** chat6 "Long history": 120 messages, "History message 1" … "History message 120". */
const history = () => emulator().messagesOf('chat6');
const search = (extra: Record<string, unknown> = {}) => ({ operation: 'search', chatId: { __rl: true, mode: 'id', value: '6' }, returnAll: true, ...extra });

describe('Message → Search', () => {
	it('finds a chat\'s messages by text, newest first or oldest first', async () => {
		const newest = await run([{}], search({ searchText: 'History message 11' }));
		expect(newest.error).toBeUndefined();
		expect(newest.output.map(({ json }) => json.text)).toEqual([
			...Array.from({ length: 10 }, (_, i) => `History message ${119 - i}`),
			'History message 11',
		]);
		const oldest = await run([{}], search({ searchText: 'history message 11', direction: 'oldestFirst' }));
		expect(ids(oldest.output)).toEqual([...ids(newest.output)].reverse());
		expect(emulator().log.at(-1)?.params).toMatchObject({ CHAT_ID: 6, SEARCH_MESSAGE: 'history message 11', ORDER: { ID: 'ASC' }, LIMIT: 200 });
	});

	it('narrows by date: Date From and Date To are both included', async () => {
		const messages = history();
		const { output, error } = await run([{}], search({ filters: { dateFrom: messages[10].date, dateTo: messages[12].date } }));
		expect(error).toBeUndefined();
		expect(ids(output)).toEqual([messages[12].id, messages[11].id, messages[10].id]);
	});

	it('walks pages of 200 with Return All, each message once, and stops at a Limit', async () => {
		const { chats } = emulator().state as unknown as { chats: Record<number, unknown> };
		for (let i = 0; i < 150; i++) emulatorState.addMessage(emulator().state, chats[6], 2, `More ${i}`);
		emulator().clearLog();
		const all = await run([{}], search({ direction: 'oldestFirst' }));
		expect(all.error).toBeUndefined();
		expect(ids(all.output)).toEqual(history().map(({ id }) => id));
		expect(emulator().log.map(({ params }) => [params?.LIMIT, params?.LAST_ID])).toEqual([[200, undefined], [200, history()[199].id]]);

		emulator().clearLog();
		const few = await run([{}], search({ returnAll: false, limit: 3 }));
		expect(ids(few.output)).toEqual(history().slice(-3).map(({ id }) => id).reverse());
		expect(emulator().log.map(({ params }) => params?.LIMIT)).toEqual([3]);
	});

	it('attaches a message\'s files without their signed links', async () => {
		const uploaded = (await callAs(emulator().webhooks.admin.url, 'im.v2.File.upload', {
			dialogId: 'chat2',
			fields: { name: 'offer.pdf', content: Buffer.from('%PDF').toString('base64'), message: 'The offer, as promised' },
		})) as { messageId: number; file: { id: number } };
		const { output, error } = await run([{}], search({ chatId: 'chat2', searchText: 'as promised' }));
		expect(error).toBeUndefined();
		expect(ids(output)).toEqual([uploaded.messageId]);
		expect(output[0].json.files).toEqual([expect.objectContaining({ id: uploaded.file.id, name: 'offer.pdf', urlDownload: null })]);
		expect(JSON.stringify(output)).not.toContain(emulator().webhooks.admin.secret);
	});

	it('searches as the credential\'s user: another member finds the messages, someone else gets Bitrix24\'s refusal', async () => {
		const { output } = await run([{}], search(), { webhookUrl: emulator().webhooks.user2.url });
		expect(output).toHaveLength(120);
		const outsider = emulator().addWebhook({ userId: 5, scopes: ['im'] });
		const denied = await run([{}], search(), { continueOnFail: true, webhookUrl: outsider.url });
		expect(denied.output[0].json).toMatchObject({ code: 'ACCESS_ERROR', httpStatus: 403 });
	});
});
