jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { json, png, useChatEmulator } from '../../../helpers/chatWorkflow';

const { emulator, chatState, run } = useChatEmulator();

describe('Chat → Create', () => {
	it('creates each chat with its members, type, colour, link, avatar and first message', async () => {
		const { output, error } = await run(
			[
				{ title: 'Deal #1663', users: [2, 3], type: 'OPEN', $binary: png },
				{ title: '', users: '', type: 'CHAT' },
			],
			{
				operation: 'create',
				title: '={{ $json.title }}',
				users: '={{ $json.users }}',
				type: '={{ $json.type }}',
				additionalFields: {
					description: 'Everything about the deal',
					color: 'RED',
					message: 'Welcome!',
					entityType: 'CRM',
					entityId: '={{ "DEAL|" + ($itemIndex + 1663) }}',
					avatarBinaryPropertyName: '={{ $itemIndex === 0 ? "data" : "" }}',
				},
			},
		);
		expect(error).toBeUndefined();
		const [first, second] = json(output);
		expect(first).toEqual({ chatId: expect.any(Number), dialogId: `chat${first.chatId as number}` });
		expect(chatState(first.chatId as number)).toMatchObject({
			type: 'open',
			title: 'Deal #1663',
			owner: 1,
			users: [1, 2, 3],
			color: 'RED',
			description: 'Everything about the deal',
			entityType: 'CRM',
			entityId: 'DEAL|1663',
			avatar: expect.stringMatching(/chat\d+_1\.png$/),
		});
		expect(emulator().messagesOf(first.dialogId as string).map(({ text }) => text)).toEqual(['Welcome!']);
		expect(chatState(second.chatId as number)).toMatchObject({ type: 'chat', users: [1], entityId: 'DEAL|1664' });
		expect(chatState(second.chatId as number).avatar).toBeUndefined();
	});

	it('refuses a non-image avatar and an unknown colour from an expression before sending anything', async () => {
		emulator().clearLog();
		const { output } = await run(
			[
				{ color: 'ORANGE', $binary: png },
				{ color: 'RED', $binary: { data: { data: Buffer.from('hello').toString('base64'), fileName: 'a.txt', mimeType: 'text/plain' } } },
			],
			{ operation: 'create', type: 'CHAT', additionalFields: { color: '={{ $json.color }}', avatarBinaryPropertyName: 'data' } },
			{ continueOnFail: true },
		);
		expect(json(output).map(({ error }) => error)).toEqual([
			expect.stringContaining('Item 0: Color "ORANGE" is not valid'),
			'Item 1: Avatar Binary Field "a.txt (text/plain)" is not valid: the avatar must be an image, e.g. image/png or image/jpeg',
		]);
		expect(emulator().log).toHaveLength(0);
	});
});

describe('Chat → Find by Linked Entity', () => {
	it('finds the linked chat, and says "not found" as an item instead of failing', async () => {
		const created = await run([{}], {
			operation: 'create',
			title: 'Deal chat',
			type: 'CHAT',
			additionalFields: { entityType: 'CRM', entityId: 'DEAL|7' },
		});
		const chatId = created.output[0].json.chatId as number;
		const { output, error } = await run([{ id: 'DEAL|7' }, { id: 'DEAL|8' }], {
			operation: 'findByEntity',
			entityType: 'CRM',
			entityId: '={{ $json.id }}',
		});
		expect(error).toBeUndefined();
		expect(json(output)).toEqual([
			{ found: true, chatId, dialogId: `chat${chatId}`, entityType: 'CRM', entityId: 'DEAL|7' },
			{ found: false, entityType: 'CRM', entityId: 'DEAL|8' },
		]);
	});
});
