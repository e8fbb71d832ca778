jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import type { Emulator } from '../../../helpers/emulator';
import { oauth2Credentials, useEmulator, webhookCredentials } from '../../../helpers/emulator';
import { runWorkflow } from '../../../helpers/runWorkflow';
import type { TestItem } from '../../../helpers/runWorkflow';

interface Notification {
	id: number;
	userId: number;
	authorId: number;
	notifyType: number;
	text: string;
	tag: string;
	subTag: string;
	read: boolean;
}
type EmulatorWithState = Emulator & { state: { notifications: Record<number, Notification> } };

const emulatorOf = useEmulator();
const emulator = () => emulatorOf() as EmulatorWithState;
const notificationsOf = (userId: number) =>
	Object.values(emulator().state.notifications)
		.filter((entry) => entry.userId === userId)
		.sort((a, b) => a.id - b.id);

/** OAuth2 credentials of an app installed for user 1: Bitrix24 keeps notification tags only for apps. */
const oauthCredentials = () => oauth2Credentials(emulator()).credentials;

const run = (items: TestItem[], parameters: Record<string, unknown>, continueOnFail = false, oauth = false) =>
	runWorkflow({
		items,
		parameters: { authentication: oauth ? 'oAuth2' : 'webhook', resource: 'notification', ...parameters, options: { timeout: 2 } },
		credentials: oauth ? oauthCredentials() : webhookCredentials(emulator()),
		continueOnFail,
	});

const sendPersonal = (items: TestItem[], additionalFields: Record<string, unknown> = {}, oauth = false) =>
	run(items, { operation: 'sendPersonal', userId: '={{ $json.userId }}', text: '={{ $json.text }}', additionalFields }, false, oauth);

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

describe('Notification → Get Many', () => {
	const createMany = async (count: number) => {
		const items = Array.from({ length: count }, (_, index) => ({ userId: 1, text: `Reminder ${index + 1}` }));
		// With On Error → Stop these go one by one (a send's `false` cannot stop a batch), more than the portal's burst,
		// and this file does not sleep between retries: no rate limit while the notifications are made.
		emulatorOf().setRateLimit(false);
		const { error } = await sendPersonal(items);
		emulatorOf().setRateLimit({ burst: 50, drainPerSecond: 2 });
		expect(error).toBeUndefined();
	};

	it('returns every notification across pages of 50, newest first, each once', async () => {
		await createMany(55);
		const expected = notificationsOf(1).map(({ id }) => id).reverse();
		expect(expected).toHaveLength(58);
		emulator().clearLog();
		const { output, error } = await run([{}], { operation: 'getMany', returnAll: true });
		expect(error).toBeUndefined();
		expect(output.map(({ json }) => json.id)).toEqual(expected);
		expect(new Set(output.map(({ json }) => json.id)).size).toBe(58);
		expect(output[0].json).toMatchObject({ text: 'Reminder 55', notify_read: 'N' });
		const calls = emulator().log.filter(({ method }) => method === 'im.notify.get');
		expect(calls).toHaveLength(2);
	});

	it('stops at the limit, crossing a page when needed', async () => {
		await createMany(55);
		const expected = notificationsOf(1).map(({ id }) => id).reverse().slice(0, 52);
		const { output } = await run([{}], { operation: 'getMany', returnAll: false, limit: 52 });
		expect(output.map(({ json }) => json.id)).toEqual(expected);
	});

	it('returns a few when the limit is small, in one call', async () => {
		emulator().clearLog();
		const { output } = await run([{}], { operation: 'getMany', returnAll: false, limit: 2 });
		expect(output).toHaveLength(2);
		expect(emulator().log.map(({ method }) => method)).toEqual(['im.notify.get']);
	});
});
