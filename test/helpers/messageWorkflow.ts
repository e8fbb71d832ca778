import type { Emulator } from './emulator';
import { emulatorRunner, useEmulator } from './emulator';

/** A message of the emulator's portal state (test/emulator/state.js). */
export interface Message {
	id: number;
	chatId: number;
	authorId: number;
	text: string;
	deleted: boolean;
	likes: number[];
	params: Record<string, unknown>;
}
type EmulatorWithState = Emulator & {
	state: { messages: Record<number, Message>; shares: Array<Record<string, unknown>>; commands: Array<Record<string, unknown>> };
};

/**
 * One emulator for a Message workflow test file (see useEmulator), with its messages typed: `run` runs Items →
 * Bitrix24 IM with resource Message on it, `lastOf` is a dialog's newest message, `ownMessage` posts a fresh message of
 * user 1 (the webhook's user) in chat2.
 */
export function useMessageEmulator() {
	const emulatorOf = useEmulator();
	const emulator = () => emulatorOf() as EmulatorWithState;
	const run = emulatorRunner(emulator, { resource: 'message' });
	const lastOf = (dialogId: string) => emulator().messagesOf(dialogId).slice(-1)[0] as unknown as Message;
	const ownMessage = async (text = 'Original') => {
		const { output, error } = await run([{}], { operation: 'send', dialogId: 'chat2', text });
		expect(error).toBeUndefined();
		return emulator().state.messages[output[0].json.messageId as number];
	};
	return { emulator, run, lastOf, ownMessage };
}
