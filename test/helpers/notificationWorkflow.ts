import type { Emulator } from './emulator';
import { oauth2Credentials, useEmulator, webhookCredentials } from './emulator';
import { runWorkflow } from './runWorkflow';
import type { TestItem } from './runWorkflow';

/** A notification of the emulator's portal state (test/emulator/state.js). */
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
type EmulatorWithState = Emulator & {
	state: { notifications: Record<number, Notification>; notifyReplies: Array<Record<string, unknown>> };
};

/**
 * One emulator for a Notification workflow test file (see useEmulator): `notificationsOf` lists a user's notifications
 * oldest first; `run` runs Items → Bitrix24 IM with resource Notification (as user 1, through the admin webhook or
 * another webhook's URL, or with `oauth` an OAuth2 app: Bitrix24 keeps notification tags only for apps);
 * `sendPersonal` sends one notification
 * per item from its userId and text.
 */
export function useNotificationEmulator() {
	const emulatorOf = useEmulator();
	const emulator = () => emulatorOf() as EmulatorWithState;
	const notificationsOf = (userId: number) =>
		Object.values(emulator().state.notifications)
			.filter((entry) => entry.userId === userId)
			.sort((a, b) => a.id - b.id);
	const run = (
		items: TestItem[],
		parameters: Record<string, unknown>,
		continueOnFail = false,
		oauth = false,
		{ webhookUrl }: { webhookUrl?: string } = {},
	) =>
		runWorkflow({
			items,
			parameters: { authentication: oauth ? 'oAuth2' : 'webhook', resource: 'notification', ...parameters, options: { timeout: 2 } },
			credentials: oauth ? oauth2Credentials(emulator()).credentials : webhookCredentials(emulator(), webhookUrl),
			continueOnFail,
		});
	const sendPersonal = (items: TestItem[], additionalFields: Record<string, unknown> = {}, oauth = false) =>
		run(items, { operation: 'sendPersonal', userId: '={{ $json.userId }}', text: '={{ $json.text }}', additionalFields }, false, oauth);
	return { emulator, notificationsOf, run, sendPersonal };
}
