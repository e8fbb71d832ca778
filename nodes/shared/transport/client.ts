import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { batchBody, chunkCommands, readBatchResult } from './batch';
import type { BatchCommand } from './batch';
import { toNodeApiError } from './errors';
import type { LeakyBucket, RateLimit } from './limiter';
import { bucketFor, STANDARD_PLAN } from './limiter';
import type { Authentication, Connection } from './request';
import { connect, send } from './request';
import { decideRetry, isRetryableCode } from './retry';
import type { Scrubber } from './scrub';
import type { Bitrix24Failure, Bitrix24Outcome, Bitrix24Success, CallOutcome } from './types';

export type Context = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/** Batch requests of one execution that may be in flight at once; the bucket still decides when each goes. */
const PARALLEL_BATCHES = 3;

function naming(method: string, outcome: Bitrix24Outcome): CallOutcome {
	return outcome.ok ? outcome : { ok: false, failure: { ...outcome.failure, method } };
}

/**
 * Calls Bitrix24 methods for one execution: every request waits for the portal's shared bucket, and failures are
 * retried only as `decideRetry` allows, so nothing is lost and nothing that is not retry-safe runs twice. Every
 * failure it returns names the method that failed.
 */
export class Bitrix24Client {
	private readonly bucket: LeakyBucket;

	constructor(
		private readonly context: Context,
		private readonly connection: Connection,
		rateLimit: RateLimit,
	) {
		this.bucket = bucketFor(connection.portal, rateLimit);
	}

	/** The portal's origin, e.g. `https://acme.bitrix24.com`. */
	get portal(): string {
		return this.connection.portal;
	}

	/** Removes the credential's secrets from what leaves the node. */
	get scrubber(): Scrubber {
		return this.connection.scrubber;
	}

	/** One request, with its retries; the outcome of the last attempt. */
	async call(method: string, params: IDataObject, retrySafe: boolean): Promise<CallOutcome> {
		const started = Date.now();
		for (let attempt = 1; ; attempt++) {
			await this.bucket.acquire();
			const outcome = await send(this.context, this.connection, method, params);
			if (outcome.ok) {
				this.bucket.onSuccess();
				return outcome;
			}
			const delayMs = this.retryDelay(outcome.failure, attempt, started, retrySafe);
			if (delayMs === undefined) return naming(method, outcome);
			await sleep(delayMs);
		}
	}

	/** `call` for callers that stop at the first failure: the answer, or the failure as a scrubbed NodeApiError. */
	async callOrThrow(method: string, params: IDataObject, retrySafe: boolean): Promise<Bitrix24Success> {
		const outcome = await this.call(method, params, retrySafe);
		if (!outcome.ok) throw toNodeApiError(this.context.getNode(), outcome.failure, this.scrubber);
		return outcome.value;
	}

	/**
	 * Runs many commands through `batch` (≤ 50 commands a request). Each key gets its own outcome. A
	 * whole request is repeated only as `decideRetry` allows (a 503 proves nothing ran; a lost answer does not), and
	 * within an answered batch only the commands that failed with a retryable code are sent again.
	 */
	async callBatch(commands: BatchCommand[], retrySafe: boolean): Promise<Map<string, CallOutcome>> {
		const outcomes = new Map<string, CallOutcome>();
		const chunks = chunkCommands(commands);
		let next = 0;
		const worker = async () => {
			while (next < chunks.length) await this.runChunk(chunks[next++], retrySafe, outcomes);
		};
		await Promise.all(Array.from({ length: Math.min(PARALLEL_BATCHES, chunks.length) }, worker));
		return outcomes;
	}

	private retryDelay(failure: Bitrix24Failure, attempt: number, started: number, retrySafe: boolean) {
		if (failure.code === 'QUERY_LIMIT_EXCEEDED') this.bucket.onRateLimited();
		const now = Date.now();
		const decision = decideRetry(failure, { attempt, elapsedMs: now - started, retrySafe, nowMs: now });
		return decision.retry ? decision.delayMs : undefined;
	}

	private async runChunk(chunk: BatchCommand[], retrySafe: boolean, outcomes: Map<string, CallOutcome>) {
		const started = Date.now();
		let pending = chunk;
		for (let attempt = 1; pending.length > 0; attempt++) {
			if (pending.length === 1) {
				const [only] = pending;
				outcomes.set(only.key, await this.call(only.method, only.params as IDataObject, retrySafe));
				return;
			}
			await this.bucket.acquire();
			const answer = await send(this.context, this.connection, 'batch', batchBody(pending) as unknown as IDataObject);
			if (!answer.ok) {
				const delayMs = this.retryDelay(answer.failure, attempt, started, retrySafe);
				if (delayMs === undefined) {
					for (const command of pending) outcomes.set(command.key, naming(command.method, answer));
					return;
				}
				await sleep(delayMs);
				continue;
			}
			this.bucket.onSuccess();
			const perKey = readBatchResult(answer.value.result, pending.map(({ key }) => key));
			const again: BatchCommand[] = [];
			let firstRetryable: Bitrix24Failure | undefined;
			for (const command of pending) {
				const outcome = perKey.get(command.key) as Bitrix24Outcome;
				if (!outcome.ok && isRetryableCode(outcome.failure.code, retrySafe)) {
					firstRetryable = firstRetryable ?? outcome.failure;
					again.push(command);
				}
				outcomes.set(command.key, naming(command.method, outcome));
			}
			if (!firstRetryable) return;
			const delayMs = this.retryDelay(firstRetryable, attempt, started, retrySafe);
			if (delayMs === undefined) return;
			await sleep(delayMs);
			pending = again;
		}
	}
}

export interface ClientOptions {
	timeoutMs?: number;
	rateLimit?: RateLimit;
}

/** A client for the credential the node's Authentication picks; throws a plain Error when the credential is unusable. */
export async function openClient(
	context: Context,
	authentication: Authentication,
	{ timeoutMs, rateLimit = STANDARD_PLAN }: ClientOptions = {},
): Promise<Bitrix24Client> {
	return new Bitrix24Client(context, await connect(context, authentication, timeoutMs), rateLimit);
}
