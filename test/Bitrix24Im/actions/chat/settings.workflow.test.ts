jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { byExpression, json, png, useChatEmulator } from '../../../helpers/chatWorkflow';

const { emulator, chatState, run } = useChatEmulator();

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
