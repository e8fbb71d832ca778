jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import type { Message } from '../../../helpers/messageWorkflow';
import { useMessageEmulator } from '../../../helpers/messageWorkflow';

const { emulator, run, lastOf, ownMessage } = useMessageEmulator();

describe('Message → Send', () => {
	const send = (extra: Record<string, unknown> = {}) => ({
		resource: 'message',
		operation: 'send',
		dialogId: '={{ $json.dialogId }}',
		text: '={{ $json.text }}',
		...extra,
	});

	it('posts each message once and says which message it created', async () => {
		const { output, error } = await run(
			[
				{ dialogId: 'chat2', text: 'Deal won: ACME & Co. (100%)' },
				{ dialogId: 'CHAT2', text: 'Second' },
			],
			send(),
		);
		expect(error).toBeUndefined();
		const posted = emulator().messagesOf('chat2').slice(-2);
		expect(posted.map(({ text }) => text)).toEqual(['Deal won: ACME & Co. (100%)', 'Second']);
		expect(output.map(({ json }) => json)).toEqual(posted.map(({ id }) => ({ messageId: id, dialogId: 'chat2' })));
	});

	it('outputs Bitrix24\'s raw answer with Simplify off', async () => {
		const { output } = await run([{ dialogId: 'chat2', text: 'Raw' }], send({ simplify: false }));
		expect(output[0].json).toEqual({ result: emulator().messagesOf('chat2').slice(-1)[0].id, time: expect.any(Object) });
	});

	it('refuses an empty text before sending anything', async () => {
		emulator().clearLog();
		const { error } = await run([{ dialogId: 'chat2', text: '   ' }], send());
		expect(error?.message).toBe('Item 0: Text "   " is not valid: it must not be empty');
		expect(emulator().log).toHaveLength(0);
	});

	it('is not sent again after a lost answer, because that could post it twice', async () => {
		emulator().injectFault('reset', { count: 5 });
		emulator().clearLog();
		const before = emulator().messagesOf('chat2').length;
		const { output } = await run([{ dialogId: 'chat2', text: 'Once' }], send(), { continueOnFail: true });
		expect(output[0].json.code).toBe('ECONNRESET');
		expect(emulator().log).toHaveLength(1);
		expect(emulator().messagesOf('chat2')).toHaveLength(before);
	});
});

describe('Message → Send with attachments, keyboard and menu', () => {
	it('posts them with the message', async () => {
		const attach = [{ MESSAGE: 'Deal [b]#42[/b] won' }, { LINK: { NAME: 'Open', LINK: 'https://example.com/42' } }];
		const keyboard = [{ TEXT: 'Approve', COMMAND: 'approve', COMMAND_PARAMS: '42' }];
		const menu = [{ TEXT: 'Open deal', LINK: 'https://example.com/42' }];
		const { output, error } = await run([{ attach: JSON.stringify(attach) }], {
			operation: 'send',
			dialogId: 'chat2',
			text: 'Deal won',
			additionalFields: { attachments: '={{ $json.attach }}', keyboard: JSON.stringify(keyboard), menu: JSON.stringify(menu) },
		});
		expect(error).toBeUndefined();
		const posted = lastOf('chat2');
		expect(output[0].json).toEqual({ messageId: posted.id, dialogId: 'chat2' });
		expect(posted.text).toBe('Deal won');
		expect(posted.params).toMatchObject({ ATTACH: attach, KEYBOARD: keyboard, MENU: menu });
	});

	it('posts a message that has only attachments', async () => {
		const { error } = await run([{}], {
			operation: 'send',
			dialogId: 'chat2',
			text: '',
			additionalFields: { attachments: '{"BLOCKS": [{"MESSAGE": "Only a block"}]}' },
		});
		expect(error).toBeUndefined();
		expect(lastOf('chat2')).toMatchObject({ text: '', params: { ATTACH: { BLOCKS: [{ MESSAGE: 'Only a block' }] } } });
	});

	it('refuses attachments over 60,000 characters without sending anything; other items still go', async () => {
		emulator().clearLog();
		const before = emulator().messagesOf('chat2').length;
		const { output } = await run(
			[{ attach: JSON.stringify([{ MESSAGE: 'x'.repeat(60000) }]) }, { attach: '[{"MESSAGE": "small"}]' }],
			{ operation: 'send', dialogId: 'chat2', text: 'A', additionalFields: { attachments: '={{ $json.attach }}' } },
			{ continueOnFail: true },
		);
		expect(output[0].json.error).toMatch(/^Item 0: Attachments ".*" is not valid: it is 60016 characters as JSON; Bitrix24 accepts at most 60000/);
		expect(output[1].json.messageId).toBe(lastOf('chat2').id);
		expect(emulator().messagesOf('chat2')).toHaveLength(before + 1);
	});
});

describe('Message → Update', () => {
	it('changes the text and keyboard and marks the message edited', async () => {
		const message = await ownMessage();
		const { output, error } = await run([{ id: message.id }], {
			operation: 'update',
			messageId: '={{ $json.id }}',
			text: 'Changed',
			additionalFields: { keyboard: '[{"TEXT": "Done", "COMMAND": "done"}]' },
		});
		expect(error).toBeUndefined();
		expect(output[0].json).toEqual({ success: true, messageId: message.id });
		expect(emulator().state.messages[message.id]).toMatchObject({
			text: 'Changed',
			deleted: false,
			params: { IS_EDITED: 'Y', KEYBOARD: [{ TEXT: 'Done', COMMAND: 'done' }] },
		});
	});

	it('can leave the message unmarked', async () => {
		const message = await ownMessage();
		await run([{}], { operation: 'update', messageId: message.id, text: 'Quiet fix', additionalFields: { isEdited: false } });
		expect(emulator().state.messages[message.id].text).toBe('Quiet fix');
		expect(emulator().state.messages[message.id].params.IS_EDITED).toBeUndefined();
	});

	it('refuses an empty text, which Bitrix24 would take as delete, and sends nothing', async () => {
		const message = await ownMessage();
		emulator().clearLog();
		const { error } = await run([{ text: '' }], { operation: 'update', messageId: message.id, text: '={{ $json.text }}' });
		expect(error?.message).toBe(
			'Item 0: Text "" is not valid: it must not be empty: Bitrix24 would delete the message instead of updating it (use Message → Delete to delete)',
		);
		expect(emulator().log).toHaveLength(0);
		expect(emulator().state.messages[message.id]).toMatchObject({ text: 'Original', deleted: false });
	});

	it('reports Bitrix24\'s refusal for someone else\'s message', async () => {
		const foreign = emulator().messagesOf('chat2').find(({ authorId }) => authorId === 2) as unknown as Message;
		const { output } = await run([{}], { operation: 'update', messageId: foreign.id, text: 'Mine now' }, { continueOnFail: true });
		expect(output[0].json).toMatchObject({ code: 'CANT_EDIT_MESSAGE', httpStatus: 403 });
		expect(emulator().state.messages[foreign.id].text).toBe(foreign.text);
	});
});

describe('Message → Delete', () => {
	it('deletes each message, in one batch', async () => {
		const first = await ownMessage('One');
		const second = await ownMessage('Two');
		emulator().clearLog();
		const { output, error } = await run([{ id: first.id }, { id: second.id }], { operation: 'delete', messageId: '={{ $json.id }}' });
		expect(error).toBeUndefined();
		expect(output.map(({ json }) => json)).toEqual([
			{ success: true, messageId: first.id },
			{ success: true, messageId: second.id },
		]);
		expect(emulator().log.map(({ method }) => method)).toEqual(['batch']);
		expect(emulator().state.messages[first.id].deleted).toBe(true);
		expect(emulator().state.messages[second.id].deleted).toBe(true);
	});
});
