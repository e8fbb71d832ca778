jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { useNotificationEmulator } from '../../../helpers/notificationWorkflow';

const { emulator, notificationsOf, run } = useNotificationEmulator();

/** User 4's seeded notifications: an invitation with Accept (Y) / Decline (N), a task comment, a paid invoice. */
const asDan = () => ({ webhookUrl: emulator().addWebhook({ userId: 4, scopes: ['im'] }).url });
const dans = () => notificationsOf(4).map(({ id }) => id);

describe('Notification → Answer', () => {
	it('replies to the notification, and says what Bitrix24 answered', async () => {
		const [, comment] = dans();
		const { output, error } = await run([{ id: comment }], { operation: 'answer', notificationId: '={{ $json.id }}', answerText: 'On it' }, false, false, asDan());
		expect(error).toBeUndefined();
		expect(output[0].json).toEqual({ success: true, notificationId: comment, messages: ['Your response has been successfully sent.'] });
		expect(emulator().state.notifyReplies).toEqual([{ kind: 'answer', notificationId: comment, userId: 4, text: '[USER=2]Bob Builder[/USER] On it' }]);
	});

	it('reports a notification the user does not have as an error of that item, and sends no answer twice', async () => {
		const [, comment] = dans();
		emulator().clearLog();
		const { output } = await run(
			[{ id: 151 }, { id: comment }],
			{ operation: 'answer', notificationId: '={{ $json.id }}', answerText: 'Thanks' },
			true,
			false,
			asDan(),
		);
		expect(output[0].json).toMatchObject({ code: 'NOTIFY_NOT_FOUND', error: 'Bitrix24 im.notify.answer: the credential\'s user has no notification of this ID [NOTIFY_NOT_FOUND]' });
		expect(output[1].json).toMatchObject({ success: true, notificationId: comment });
		expect(emulator().state.notifyReplies).toHaveLength(1);
	});

	it('stops at such a notification with On Error → Stop: nothing after it is answered', async () => {
		const [, comment] = dans();
		const { error } = await run([{ id: 151 }, { id: comment }], { operation: 'answer', notificationId: '={{ $json.id }}', answerText: 'x' }, false, false, asDan());
		expect(error?.message).toMatch(/NOTIFY_NOT_FOUND/);
		expect(emulator().state.notifyReplies).toEqual([]);
	});
});

describe('Notification → Confirm', () => {
	it('presses a button: the choice comes back and the notification is gone', async () => {
		const [invitation] = dans();
		const { output, error } = await run([{}], { operation: 'confirm', notificationId: String(invitation), value: 'Y' }, false, false, asDan());
		expect(error).toBeUndefined();
		expect(output[0].json).toEqual({ success: true, notificationId: invitation, value: 'Y', messages: ['Your choice: Accept'] });
		expect(dans()).not.toContain(invitation);
		expect(emulator().state.notifyReplies).toEqual([{ kind: 'confirm', notificationId: invitation, userId: 4, value: 'Y' }]);
	});

	it('refuses a notification without buttons, and a "0" value before sending', async () => {
		const [invitation, comment] = dans();
		emulator().clearLog();
		const { output } = await run(
			[{ id: comment, value: 'Y' }, { id: invitation, value: '0' }],
			{ operation: 'confirm', notificationId: '={{ $json.id }}', value: '={{ $json.value }}' },
			true,
			false,
			asDan(),
		);
		expect(output[0].json).toMatchObject({ code: 'NOTIFY_NOT_FOUND' });
		expect(output[1].json.error).toBe('Item 1: Button Value "0" is not valid: Bitrix24 takes "0" for an empty value here');
		expect(emulator().log.map(({ method }) => method)).toEqual(['im.notify.confirm']);
		expect(dans()).toContain(invitation);
	});
});
