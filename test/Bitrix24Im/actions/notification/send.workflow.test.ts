jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { useNotificationEmulator } from '../../../helpers/notificationWorkflow';

const { emulator, notificationsOf, run, sendPersonal } = useNotificationEmulator();

describe('Notification → Send Personal / Send System', () => {
	it('sends each notification once and says which one it created', async () => {
		const before = notificationsOf(2).length;
		const { output, error } = await sendPersonal(
			[{ userId: 2, text: 'Deal #42 is won' }, { userId: '3', text: 'Call the client' }],
			{ messageOut: 'Deal #42 is won (by email)' },
		);
		expect(error).toBeUndefined();
		const toBob = notificationsOf(2).slice(-1)[0];
		const toCarol = notificationsOf(3).slice(-1)[0];
		expect(notificationsOf(2)).toHaveLength(before + 1);
		expect(toBob).toMatchObject({ userId: 2, authorId: 1, notifyType: 2, text: 'Deal #42 is won', read: false });
		expect(output.map(({ json }) => json)).toEqual([
			{ notificationId: toBob.id, userId: 2 },
			{ notificationId: toCarol.id, userId: 3 },
		]);
	});

	it('sends a system notification without an author', async () => {
		const { output } = await run([{}], { operation: 'sendSystem', userId: 2, text: 'Backup done' });
		expect(notificationsOf(2).slice(-1)[0]).toMatchObject({ id: output[0].json.notificationId, authorId: 0, notifyType: 4, text: 'Backup done' });
	});

	it('through an OAuth2 app, replaces the earlier notification with the same tag instead of adding a second one', async () => {
		const before = notificationsOf(2).length;
		const first = await sendPersonal([{ userId: 2, text: 'Deal #42: 50%' }], { tag: 'DEAL|42' }, true);
		expect(first.error).toBeUndefined();
		await sendPersonal([{ userId: 2, text: 'Deal #42: 80%' }], { tag: 'DEAL|42' }, true);
		expect(notificationsOf(2)).toHaveLength(before + 1);
		expect(notificationsOf(2).slice(-1)[0]).toMatchObject({ text: 'Deal #42: 80%', tag: expect.stringMatching(/\|DEAL\|42$/) });
	});

	it('through a webhook, Bitrix24 drops the tag, so the same tag adds a second notification', async () => {
		const before = notificationsOf(2).length;
		await sendPersonal([{ userId: 2, text: 'One' }, { userId: 2, text: 'Two' }], { tag: 'DEAL|42' });
		expect(notificationsOf(2)).toHaveLength(before + 2);
	});

	it('reports a recipient Bitrix24 does not add a notification for', async () => {
		const { output } = await run([{}], { operation: 'sendPersonal', userId: 999, text: 'Nobody' }, true);
		expect(output[0].json).toMatchObject({ code: 'NOTIFY_NOT_ADDED' });
	});

	it('is not sent again after a lost answer, because that could show it twice', async () => {
		emulator().injectFault('reset', { count: 5 });
		emulator().clearLog();
		const before = notificationsOf(2).length;
		const { output } = await run([{}], { operation: 'sendPersonal', userId: 2, text: 'Once' }, true);
		expect(output[0].json.code).toBe('ECONNRESET');
		expect(emulator().log).toHaveLength(1);
		expect(notificationsOf(2)).toHaveLength(before);
	});

	it('refuses attachments over 60,000 characters and sends nothing for that item', async () => {
		emulator().clearLog();
		const { output } = await run(
			[{ attach: [{ MESSAGE: 'x'.repeat(60000) }] }],
			{ operation: 'sendPersonal', userId: 2, text: 'Big', additionalFields: { attachments: '={{ $json.attach }}' } },
			true,
		);
		expect(output[0].json.error).toMatch(/^Item 0: Attachments .* is not valid: it is 60016 characters as JSON/);
		expect(emulator().log).toHaveLength(0);
	});
});
