import { emulatorRunner, useEmulator } from './emulator';
import type { Emulator } from './emulator';

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

/**
 * One emulator for a Chat workflow test file (see useEmulator), with its portal state typed; `chatState` is one chat's
 * state, `run` runs Items → Bitrix24 IM with resource Chat on it.
 */
export function useChatEmulator() {
	const getEmulator = useEmulator();
	const emulator = () => getEmulator() as Emulator & { state: PortalState };
	return {
		emulator,
		chatState: (id: number) => emulator().state.chats[id],
		run: emulatorRunner(emulator, { resource: 'chat' }),
	};
}

// 1×1 PNG, as a binary input of the harness.
const PNG_BASE64 = Buffer.from(
	'89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4c50000000049454e44ae426082',
	'hex',
).toString('base64');
export const png = { data: { data: PNG_BASE64, fileName: 'logo.png', mimeType: 'image/png' } };

export const json = (output: Array<{ json: Record<string, unknown> }>) => output.map((item) => item.json);
export const byExpression = { __rl: true, mode: 'id', value: '={{ $json.chatId }}' };
