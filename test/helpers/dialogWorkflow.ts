import { emulatorRunner, useEmulator } from './emulator';
import type { Emulator } from './emulator';

/** The emulator's portal state (test/emulator/state.js), as far as users and chat members go. */
interface EmulatorState {
	users: Record<number, Record<string, unknown>>;
	chats: Record<number, { users: number[] }>;
}

/**
 * One emulator for a Dialog workflow test file (see useEmulator); `run` runs Items → Bitrix24 IM with resource Dialog
 * on it (Options → Timeout 5 s), `calls` lists what the emulator received of one method.
 */
export function useDialogEmulator() {
	const emulator = useEmulator();
	return {
		emulator,
		run: emulatorRunner(emulator, { resource: 'dialog' }, 5),
		calls: (method: string) => emulator().log.filter((entry) => entry.method === method),
	};
}

export const stateOf = (emu: Emulator) => (emu as unknown as { state: EmulatorState }).state;

/** The `id` of every output item. */
export const ids = (output: Array<{ json: Record<string, unknown> }>) => output.map(({ json }) => json.id as number);
