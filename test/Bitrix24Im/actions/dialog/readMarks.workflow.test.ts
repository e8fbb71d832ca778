jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { emulatorRunner, useEmulator } from '../../../helpers/emulator';

const emulator = useEmulator();

const run = emulatorRunner(emulator, {});

describe('Dialog → Mark Read', () => {
	const markRead = { resource: 'dialog', operation: 'markRead', dialogId: '={{ $json.dialogId }}', messageId: '={{ $json.upTo }}' };

	it('marks a dialog read up to a message, or wholly when the message is empty', async () => {
		const chat1 = emulator().messagesOf('chat1');
		const middle = chat1[chat1.length - 2].id;
		const { output, error } = await run(
			[
				{ dialogId: 'chat1', upTo: middle },
				{ dialogId: '2', upTo: '' },
			],
			markRead,
		);
		expect(error).toBeUndefined();
		expect(emulator().readState(1, 'chat1').lastReadMessageId).toBe(middle);
		expect(emulator().readState(1, 'chat1').unreadCount).toBe(1);
		expect(emulator().readState(1, '2').unreadCount).toBe(0);
		expect(output[0].json.result).toMatchObject({ dialogId: 'chat1', lastId: middle, counter: 1 });
	});

	it('treats Bitrix24\'s `false` (no access to the dialog) as an error of that item', async () => {
		const outsider = emulator().addWebhook({ userId: 4, scopes: ['im'] });
		const { output } = await run(
			[{ dialogId: 'chat2', upTo: '' }, { dialogId: 'chat1', upTo: '' }],
			markRead,
			{ webhookUrl: outsider.url, continueOnFail: true },
		);
		expect(output[0].json).toMatchObject({ code: 'ACCESS_ERROR', error: 'Bitrix24 im.dialog.read: the user has no access to this dialog [ACCESS_ERROR]' });
		expect(output[1].json.result).toMatchObject({ dialogId: 'chat1' });
	});

	it('takes the notifications dialog: the user\'s notifications become read', async () => {
		const notifications = () => Object.values((emulator() as unknown as { state: { notifications: Record<number, { userId: number; read: boolean }> } })
			.state.notifications).filter(({ userId }) => userId === 1);
		expect(notifications().some(({ read }) => !read)).toBe(true);
		const { output, error } = await run([{ dialogId: ' NOTIFY ', upTo: '' }], markRead);
		expect(error).toBeUndefined();
		expect(output[0].json.result).toMatchObject({ dialogId: 'notify' });
		expect(emulator().log.at(-1)?.params).toEqual({ DIALOG_ID: 'notify' });
		expect(notifications().every(({ read }) => read)).toBe(true);
	});
});

describe('Dialog → Mark Unread', () => {
	it('refuses the notifications dialog, which im.dialog.unread does not take, before sending; the other items go', async () => {
		const [first] = emulator().messagesOf('chat2');
		emulator().clearLog();
		const { output } = await run(
			[{ dialogId: 'notify', messageId: first.id }, { dialogId: 'chat2', messageId: first.id }],
			{ resource: 'dialog', operation: 'markUnread', dialogId: '={{ $json.dialogId }}', messageId: '={{ $json.messageId }}' },
			{ continueOnFail: true },
		);
		expect(output[0].json.error).toBe(
			'Item 0: Dialog ID "notify" is not valid: it is the notifications dialog, which this operation does not take: use chatNNN for a group chat, sgNNN for a workgroup chat or NNN (a user id) for a private dialog',
		);
		expect(output[1].json).toEqual({ result: true, time: expect.any(Object) });
		expect(emulator().log.map(({ params }) => params?.DIALOG_ID)).toEqual(['chat2']);
	});
});

describe('Dialog → Mark All Read', () => {
	it('leaves no unread counter', async () => {
		expect(emulator().countersOf(1).TYPE.ALL).toBeGreaterThan(0);
		const { output, error } = await run([{}], { resource: 'dialog', operation: 'markAllRead' });
		expect(error).toBeUndefined();
		expect(output[0].json.result).toBe(true);
		expect(emulator().countersOf(1).TYPE.ALL).toBe(0);
	});
});
