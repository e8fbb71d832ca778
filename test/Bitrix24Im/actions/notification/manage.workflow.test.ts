jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { webhookCredentials } from '../../../helpers/emulator';
import { runWorkflow } from '../../../helpers/runWorkflow';
import { useNotificationEmulator } from '../../../helpers/notificationWorkflow';

const { emulator, notificationsOf, run, sendPersonal } = useNotificationEmulator();

describe('Notification → Delete', () => {
	it('deletes by ID', async () => {
		const [first] = notificationsOf(1);
		const { output, error } = await run([{}], { operation: 'delete', deleteBy: 'id', notificationId: String(first.id) });
		expect(error).toBeUndefined();
		expect(output[0].json).toEqual({ success: true, deleted: true, notificationId: first.id });
		expect(emulator().state.notifications[first.id]).toBeUndefined();
		const again = await run([{}], { operation: 'delete', deleteBy: 'id', notificationId: first.id });
		expect(again.output[0].json).toEqual({ success: true, deleted: false, notificationId: first.id });
	});

	it('deletes every notification with a tag or sub-tag (OAuth2 app)', async () => {
		await sendPersonal([{ userId: 2, text: 'A' }, { userId: 3, text: 'B' }], { tag: 'TRIP|7' }, true);
		await sendPersonal([{ userId: 2, text: 'Other' }], { tag: 'TRIP|8', subTag: 'TRIPS' }, true);
		const tags = () => Object.values(emulator().state.notifications).filter(({ tag }) => tag.includes('|TRIP|')).map(({ tag }) => tag.replace(/^MP\|\w+\|/, ''));
		expect(tags()).toEqual(['TRIP|7', 'TRIP|7', 'TRIP|8']);
		const byTag = await run([{}], { operation: 'delete', deleteBy: 'tag', tag: 'TRIP|7' }, false, true);
		expect(byTag.error).toBeUndefined();
		expect(byTag.output[0].json).toEqual({ success: true, deleted: true, tag: 'TRIP|7' });
		expect(tags()).toEqual(['TRIP|8']);
		await run([{}], { operation: 'delete', deleteBy: 'subTag', subTag: 'TRIPS' }, false, true);
		expect(tags()).toEqual([]);
	});

	it('refuses deleting by tag through a webhook without a Client ID, before sending', async () => {
		emulator().clearLog();
		const { error } = await run([{}], { operation: 'delete', deleteBy: 'subTag', subTag: 'X' });
		expect(error?.message).toMatch(/^Item 0: Client ID "" is not valid: with a webhook credential, deleting by tag needs the Client ID/);
		expect(emulator().log).toHaveLength(0);
	});
});

describe('Notification → Mark Read / Mark All Read', () => {
	const unreadIds = (userId: number) => notificationsOf(userId).filter(({ read }) => !read).map(({ id }) => id);

	it('marks exactly the listed notifications read, batching items with different methods', async () => {
		const carol = unreadIds(3);
		expect(carol).toHaveLength(5);
		const webhook = emulator().addWebhook({ userId: 3, scopes: ['im'] });
		emulator().clearLog();
		const { output, error } = await runWorkflow({
			items: [{ ids: `${carol[0]}, ${carol[2]}`, scope: 'only' }, { ids: String(carol[3]), scope: 'andLater' }],
			parameters: { authentication: 'webhook', resource: 'notification', operation: 'markRead', notificationIds: '={{ $json.ids }}', scope: '={{ $json.scope }}' },
			credentials: webhookCredentials(emulator(), webhook.url),
		});
		expect(error).toBeUndefined();
		expect(output.map(({ json }) => json)).toEqual([
			{ success: true, notificationIds: [carol[0], carol[2]] },
			{ success: true, fromNotificationId: carol[3] },
		]);
		expect(unreadIds(3)).toEqual([carol[1]]);
		expect(emulator().log.map(({ method }) => method)).toEqual(['batch']);
	});

	it('Mark All Read leaves none unread', async () => {
		expect(unreadIds(1)).toHaveLength(2);
		const { output, error } = await run([{}], { operation: 'markAllRead' });
		expect(error).toBeUndefined();
		expect(output[0].json).toEqual({ success: true, unreadCount: 0 });
		expect(unreadIds(1)).toEqual([]);
	});
});
