jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { useNotificationEmulator } from '../../../helpers/notificationWorkflow';

const { emulator, notificationsOf, run, sendPersonal } = useNotificationEmulator();

describe('Notification → Get Many', () => {
	const createMany = async (count: number) => {
		const items = Array.from({ length: count }, (_, index) => ({ userId: 1, text: `Reminder ${index + 1}` }));
		// With On Error → Stop these go one by one (a send's `false` cannot stop a batch), more than the portal's burst,
		// and this file does not sleep between retries: no rate limit while the notifications are made.
		emulator().setRateLimit(false);
		const { error } = await sendPersonal(items);
		emulator().setRateLimit({ burst: 50, drainPerSecond: 2 });
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

describe('Notification → Search History', () => {
	const asCarol = () => ({ webhookUrl: emulator().webhooks.user3.url });

	it('finds the notifications by text across pages of 50, newest first, each once', async () => {
		emulator().clearLog();
		const { output, error } = await run([{}], { operation: 'searchHistory', searchText: 'for carol', returnAll: true }, false, false, asCarol());
		expect(error).toBeUndefined();
		expect(output.map(({ json }) => json.id)).toEqual(notificationsOf(3).map(({ id }) => id).reverse());
		expect(output[0].json).toMatchObject({ text: 'Notification 60 for Carol' });
		const pages = emulator().log.map(({ params }) => [params?.LIMIT, params?.LAST_ID]);
		expect(pages).toEqual([[50, undefined], [50, output[49].json.id]]);
	});

	it('narrows by type, with a shorter text or none; stops at a Limit', async () => {
		const tasks = await run([{}], { operation: 'searchHistory', filters: { type: 'tasks|comment' }, returnAll: true }, false, false, {
			webhookUrl: emulator().addWebhook({ userId: 4, scopes: ['im'] }).url,
		});
		expect(tasks.output.map(({ json }) => json.text)).toEqual(['Bob commented on the task "Quarterly report"']);
		const few = await run([{}], { operation: 'searchHistory', searchText: 'Notification', returnAll: false, limit: 3 }, false, false, asCarol());
		expect(few.output.map(({ json }) => json.text)).toEqual(['Notification 60 for Carol', 'Notification 59 for Carol', 'Notification 58 for Carol']);
	});

	it('refuses a text shorter than 3 characters without a filter, before sending', async () => {
		emulator().clearLog();
		const { error } = await run([{}], { operation: 'searchHistory', searchText: 'ab', returnAll: true });
		expect(error?.message).toBe('Item 0: Search Text "ab" is not valid: it must be at least 3 characters long, unless a Type or Day filter is given');
		expect(emulator().log).toHaveLength(0);
	});
});

describe('Notification → Get Schema', () => {
	it('lists the notification types, one item per type', async () => {
		const { output, error } = await run([{}], { operation: 'getSchema' });
		expect(error).toBeUndefined();
		expect(output.map(({ json }) => json)).toContainEqual({ id: 'tasks|comment', name: 'New comments', moduleId: 'tasks', moduleName: 'Tasks' });
		expect(new Set(output.map(({ json }) => json.moduleId))).toEqual(new Set(['im', 'calendar', 'tasks', 'crm', 'rest']));
	});
});
