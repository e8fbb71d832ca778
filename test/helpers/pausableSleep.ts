/**
 * n8n-workflow with its `sleep` under a test's control, for test files that mock the module:
 *   const mockPause: PauseControl = { delays: [], held: false, waiting: 0 };  // first, before any import
 *   jest.mock('n8n-workflow', () => jest.requireActual('../helpers/pausableSleep').withPausableSleep(mockPause));
 * Every sleep is recorded in `delays` and lasts 1 ms, or, while `held`, until the test lets go (`waiting` counts
 * the sleeps held). This module imports nothing at load time: the mock factory requires it before n8n-workflow.
 */
export interface PauseControl {
	delays: number[];
	held: boolean;
	waiting: number;
}

export function withPausableSleep(pause: PauseControl): object {
	const actual = jest.requireActual<typeof import('n8n-workflow')>('n8n-workflow');
	const sleep = async (ms: number) => {
		pause.delays.push(ms);
		await actual.sleep(1);
		if (!pause.held) return;
		pause.waiting += 1;
		while (pause.held) await actual.sleep(2);
		pause.waiting -= 1;
	};
	return { ...actual, sleep: jest.fn(sleep) };
}
