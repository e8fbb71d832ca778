jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { emulatorRunner, oauth2Credentials, useEmulator } from '../helpers/emulator';
import type { Emulator } from '../helpers/emulator';
import { runWorkflow } from '../helpers/runWorkflow';

/** The emulator's portal state (test/emulator/state.js), as far as chats and files go. */
interface ChatState {
	id: number;
	type: string;
	title: string;
	description: string;
	owner: number;
	color: string;
	users: number[];
	muted: number[];
	entityType: string;
	entityId: string;
	avatar?: string;
	messageIds: number[];
}
interface PortalState {
	chats: Record<string, ChatState>;
	relations: Record<string, { historyFrom?: number }>;
	disk: { files: Record<string, { id: number; name: string; folderId: number; content: string }> };
}

const getEmulator = useEmulator();
const emulator = () => getEmulator() as Emulator & { state: PortalState };
const chatState = (id: number) => emulator().state.chats[id];

// 1×1 PNG, as a binary input of the harness.
const PNG_BASE64 = Buffer.from(
	'89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4c50000000049454e44ae426082',
	'hex',
).toString('base64');
const png = { data: { data: PNG_BASE64, fileName: 'logo.png', mimeType: 'image/png' } };

const run = emulatorRunner(emulator, { resource: 'chat' });
const json = (output: Array<{ json: Record<string, unknown> }>) => output.map((item) => item.json);
const byExpression = { __rl: true, mode: 'id', value: '={{ $json.chatId }}' };

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

describe('Chat → Rename, Set Color, Set Owner', () => {
	it('renames the chat', async () => {
		const { output, error } = await run([{ chatId: 'chat2' }], { operation: 'rename', chatId: byExpression, title: 'Apollo 2' });
		expect(error).toBeUndefined();
		expect(chatState(2).title).toBe('Apollo 2');
		expect(json(output)).toEqual([{ success: true, chatId: 2, title: 'Apollo 2' }]);
	});

	it('recolours the chat; the colour it already has is Bitrix24\'s WRONG_REQUEST', async () => {
		const { output } = await run([{ chatId: 2 }, { chatId: 1 }], { operation: 'setColor', chatId: byExpression, color: 'MINT' }, { continueOnFail: true });
		expect(chatState(2).color).toBe('MINT');
		expect(json(output)[0]).toEqual({ success: true, chatId: 2, color: 'MINT' });
		expect(json(output)[1]).toMatchObject({ code: 'WRONG_REQUEST' });
	});

	it('names field and item for a colour outside the list', async () => {
		emulator().clearLog();
		const { error } = await run([{ chatId: 2, color: 'teal' }], { operation: 'setColor', chatId: byExpression, color: '={{ $json.color }}' });
		expect(error?.message).toMatch(/^Item 0: Color "teal" is not valid: it must be one of RED, GREEN, /);
		expect(emulator().log).toHaveLength(0);
	});

	it('hands the chat to another member', async () => {
		const { output, error } = await run([{}], { operation: 'setOwner', chatId: { __rl: true, mode: 'list', value: '2' }, userId: '3' });
		expect(error).toBeUndefined();
		expect(chatState(2).owner).toBe(3);
		expect(json(output)).toEqual([{ success: true, chatId: 2, ownerId: 3 }]);
	});
});

describe('Chat → Set Avatar', () => {
	it('sets the avatar from the input image, one request per image (never a batch of images)', async () => {
		const { output, error } = await run([{ chatId: 2, $binary: png }, { chatId: 1, $binary: png }], {
			operation: 'setAvatar',
			chatId: byExpression,
			binaryPropertyName: 'data',
		});
		expect(error).toBeUndefined();
		expect(chatState(2).avatar).toMatch(/chat2_1\.png$/);
		expect(chatState(1).avatar).toMatch(/chat1_1\.png$/);
		expect(json(output)).toEqual([{ success: true, chatId: 2 }, { success: true, chatId: 1 }]);
		expect(emulator().log.map(({ method }) => method)).toEqual(['im.chat.updateavatar', 'im.chat.updateavatar']);
	});

	it('refuses a file that is not an image locally, and passes on Bitrix24\'s AVATAR_ERROR for a broken one', async () => {
		emulator().clearLog();
		const { output } = await run(
			[
				{ $binary: { data: { data: Buffer.from('%PDF-1.4').toString('base64'), fileName: 'offer.pdf', mimeType: 'application/pdf' } } },
				{ $binary: { data: { data: Buffer.from('not really a png').toString('base64'), fileName: 'fake.png', mimeType: 'image/png' } } },
			],
			{ operation: 'setAvatar', chatId: { __rl: true, mode: 'id', value: '2' }, binaryPropertyName: 'data' },
			{ continueOnFail: true },
		);
		expect(json(output)[0].error).toBe(
			'Item 0: Input Binary Field "offer.pdf (application/pdf)" is not valid: the avatar must be an image, e.g. image/png or image/jpeg',
		);
		expect(json(output)[1]).toMatchObject({ code: 'AVATAR_ERROR' });
		expect(emulator().log).toHaveLength(1);
		expect(chatState(2).avatar).toBeUndefined();
	});
});

describe('Chat → Mute, Unmute, Leave', () => {
	const chat2 = { __rl: true, mode: 'id', value: 'chat2' };

	it('mutes and unmutes the chat for the credential\'s user', async () => {
		const muted = await run([{}], { operation: 'mute', chatId: chat2 });
		expect(json(muted.output)).toEqual([{ success: true, chatId: 2, muted: true }]);
		expect(chatState(2).muted).toEqual([1]);
		const unmuted = await run([{}], { operation: 'unmute', chatId: chat2 });
		expect(json(unmuted.output)).toEqual([{ success: true, chatId: 2, muted: false }]);
		expect(chatState(2).muted).toEqual([]);
	});

	it('leaves the chat', async () => {
		const { output, error } = await run([{}], { operation: 'leave', chatId: chat2 });
		expect(error).toBeUndefined();
		expect(chatState(2).users).toEqual([2, 3]);
		expect(json(output)).toEqual([{ success: true, chatId: 2 }]);
	});
});

describe('Chat → Add Members, Remove Member, List Members', () => {
	const chat2 = { __rl: true, mode: 'id', value: '2' };

	it('adds members without history by default, with history when asked', async () => {
		const { output, error } = await run([{ users: '4' }, { users: [5] }], {
			operation: 'addMembers',
			chatId: chat2,
			users: '={{ $json.users }}',
			showHistory: '={{ $itemIndex === 1 }}',
		});
		expect(error).toBeUndefined();
		expect(json(output)).toEqual([
			{ success: true, chatId: 2, userIds: [4] },
			{ success: true, chatId: 2, userIds: [5] },
		]);
		expect(chatState(2).users).toEqual([1, 2, 3, 4, 5]);
		expect(emulator().state.relations['4:2'].historyFrom).toBe(chatState(2).messageIds.at(-1));
		expect(emulator().state.relations['5:2'].historyFrom).toBe(0);
	});

	it('removes a member', async () => {
		const { output, error } = await run([{}], { operation: 'removeMember', chatId: chat2, userId: '3' });
		expect(error).toBeUndefined();
		expect(chatState(2).users).toEqual([1, 2]);
		expect(json(output)).toEqual([{ success: true, chatId: 2, userId: 3 }]);
	});

	it('lists one item per member, paired with its input item', async () => {
		const { output, error } = await run([{ chatId: 2 }, { chatId: 3 }], { operation: 'listMembers', chatId: byExpression });
		expect(error).toBeUndefined();
		expect(output.map(({ json: { userId, chatId }, pairedItem }) => [chatId, userId, pairedItem])).toEqual([
			[2, 1, { item: 0 }],
			[2, 2, { item: 0 }],
			[2, 3, { item: 0 }],
			[3, 1, { item: 1 }],
			[3, 2, { item: 1 }],
			[3, 4, { item: 1 }],
		]);
	});

	it('gives Bitrix24\'s plain list with Simplify off', async () => {
		const { output } = await run([{}], { operation: 'listMembers', chatId: chat2, simplify: false });
		expect(json(output)).toEqual([{ result: [1, 2, 3], time: expect.any(Object) }]);
	});
});

describe('Chat → Send File', () => {
	const pdf = Buffer.from('%PDF-1.4 offer');
	const sendFile = (extra: Record<string, unknown> = {}) => ({
		operation: 'sendFile',
		chatId: { __rl: true, mode: 'id', value: 'chat2' },
		binaryPropertyName: 'data',
		message: 'The offer',
		...extra,
	});
	const item = { $binary: { data: { data: pdf.toString('base64'), fileName: 'offer.pdf', mimeType: 'application/pdf' } } };

	it('uploads the file into the chat and posts it with the message', async () => {
		const { output, error } = await run([item], sendFile());
		expect(error).toBeUndefined();
		expect(emulator().log.map(({ method }) => method)).toEqual(['im.disk.folder.get', 'disk.folder.uploadfile', 'im.disk.file.commit']);
		const posted = emulator().messagesOf('chat2').at(-1) as { id: number; text: string; params: { FILE_ID: number[] } };
		expect(posted.text).toBe('The offer');
		const file = emulator().state.disk.files[posted.params.FILE_ID[0]];
		expect(Buffer.from(file.content, 'base64')).toEqual(pdf);
		expect(json(output)).toEqual([
			{ chatId: 2, dialogId: 'chat2', fileId: file.id, messageId: posted.id, fileName: 'offer.pdf', size: pdf.length },
		]);
	});

	it('never lets the webhook secret out through the download links of the raw answer', async () => {
		const key = emulator().webhooks.admin.secret;
		const { output, error } = await run([item], sendFile({ simplify: false }));
		expect(error).toBeUndefined();
		const text = JSON.stringify(output);
		expect(text).toContain('download.json');
		expect(text).toContain('/rest/1/***/download.json');
		expect(text).not.toContain(key);
	});

	it('never lets the OAuth2 access token out either (those links carry ?auth=<token>)', async () => {
		const { credentials, tokens } = oauth2Credentials(emulator(), { scopes: ['im', 'disk'] });
		const { output, error } = await runWorkflow({
			items: [item],
			parameters: { authentication: 'oAuth2', resource: 'chat', ...sendFile({ simplify: false }), options: { timeout: 2 } },
			credentials,
		});
		expect(error).toBeUndefined();
		const text = JSON.stringify(output);
		expect(text).toContain('download.json?auth=***');
		expect(text).not.toContain(tokens.access_token);
	});

	it('reports the failing step, and does not retry the upload after a lost answer', async () => {
		const outsider = emulator().addWebhook({ userId: 4, scopes: ['im', 'disk'] });
		const denied = await run([item], sendFile(), { continueOnFail: true, webhookUrl: outsider.url });
		expect(json(denied.output)[0]).toMatchObject({ code: 'ACCESS_ERROR', error: expect.stringContaining('im.disk.folder.get') });

		emulator().clearLog();
		emulator().injectFault('reset', { count: 5, method: 'disk.folder.uploadfile' });
		const lost = await run([item], sendFile(), { continueOnFail: true });
		expect(json(lost.output)[0]).toMatchObject({ code: 'ECONNRESET', error: expect.stringContaining('disk.folder.uploadfile') });
		expect(emulator().log.map(({ method }) => method)).toEqual(['im.disk.folder.get', 'disk.folder.uploadfile']);
	});
});
