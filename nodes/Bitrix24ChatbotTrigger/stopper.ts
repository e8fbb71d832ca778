import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { QueueFailure } from '../shared/events';

/**
 * The stop switch of a running trigger: `pause` waits for the next poll unless the trigger is stopped meanwhile
 * (the workflow was deactivated, n8n shuts down, the editor stopped listening), which ends the wait at once.
 */
export class Stopper {
	private readonly abort = new AbortController();

	private wake: () => void = () => {};

	private readonly stoppedSignal = new Promise<void>((resolve) => {
		this.wake = resolve;
	});

	get stopped(): boolean {
		return this.abort.signal.aborted;
	}

	stop(): void {
		this.abort.abort();
		this.wake();
	}

	/** Waits `ms`, or less when stopped; n8n's sleep takes the abort signal (older n8n versions ignore it: the race ends it). */
	async pause(ms: number): Promise<void> {
		if (this.stopped) return;
		await Promise.race([sleep(ms, this.abort.signal).catch(() => undefined), this.stoppedSignal]);
	}
}

/** What a trigger reports for a failure: the NodeApiError of a Bitrix24 failure, n8n's errors as they are, the rest wrapped. */
export function reportable(node: INode, error: unknown): Error {
	if (error instanceof QueueFailure) return error.error;
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error instanceof Error ? error.message : String(error));
}
