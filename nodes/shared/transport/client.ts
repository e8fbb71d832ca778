import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { batchBody, chunkCommands, readBatchResult } from './batch';
import type { BatchCommand } from './batch';
import { CallParameterSet } from './callParameters';
import type { ParameterPlacement } from './callParameters';
import { fetchFile } from './download';
import { toNodeApiError } from './errors';
import type { LeakyBucket, RateLimit, Slot } from './limiter';
import { bucketFor, stricter } from './limiter';
import type { Authentication, Connection, Context, CredentialProfiles } from './request';
import { connect, send } from './request';
import { decideRetry, isRetryableCode } from './retry';
import type { Scrubber } from './scrub';
import type { Bitrix24Failure, Bitrix24Outcome, Bitrix24Success, CallOutcome } from './types';

export type { Context };

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

	private readonly parameters: CallParameterSet;

	/** `rateLimit`: a node's own setting, which can only make the credential's limit stricter. */
	constructor(
		private readonly context: Context,
		private readonly connection: Connection,
		rateLimit?: RateLimit,
	) {
		this.bucket = bucketFor(connection.portal, stricter(connection.rateLimit, rateLimit));
		this.parameters = new CallParameterSet(connection.callParameters);
	}

	/** The portal's origin, e.g. `https://acme.bitrix24.com`. */
	get portal(): string {
		return this.connection.portal;
	}

	/** Removes the credential's secrets from what leaves the node. */
	get scrubber(): Scrubber {
		return this.connection.scrubber;
	}

	/**
	 * One request, with its retries; the outcome of the last attempt. The credential's call parameters go where
	 * `placement` says; when the portal refuses them as no longer valid, the credential's replacement is tried.
	 */
	async call(method: string, params: IDataObject, retrySafe: boolean, placement?: ParameterPlacement): Promise<CallOutcome> {
		const missing = this.parameters.missing(placement);
		if (missing) return { ok: false, failure: { kind: 'api', code: 'CREDENTIAL_INCOMPLETE', description: missing, method } };
		const started = Date.now();
		for (let attempt = 1; ; attempt++) {
			const slot = await this.bucket.acquire();
			const signedWithReplacement = this.parameters.usingReplacement;
			const outcome = await send(this.context, this.connection, method, this.parameters.apply(params, placement));
			this.settle(slot, outcome);
			if (outcome.ok) return outcome;
			// The portal refused the credential's parameters before running anything: the replacement goes at once.
			if (this.parameters.retriesAfter(outcome.failure.code, signedWithReplacement)) {
				this.parameters.useReplacement();
				continue;
			}
			const delayMs = this.retryDelay(outcome.failure, attempt, started, retrySafe);
			if (delayMs === undefined) return naming(method, outcome);
			await sleep(delayMs);
		}
	}

	/**
	 * A file behind a download link an answer held, sent once (such links may be single-use); a failure names
	 * `method`, the call that gave the link, and never the link.
	 */
	async download(url: string, method: string): Promise<CallOutcome> {
		const slot = await this.bucket.acquire();
		const fetched = await fetchFile(this.context, this.connection, url);
		this.settle(slot, fetched);
		if (!fetched.ok) return { ok: false, failure: { ...fetched.failure, method } };
		return { ok: true, value: { result: null, file: fetched.file } };
	}

	/** `call` for callers that stop at the first failure: the answer, or the failure as a scrubbed NodeApiError. */
	async callOrThrow(method: string, params: IDataObject, retrySafe: boolean): Promise<Bitrix24Success> {
		const outcome = await this.call(method, params, retrySafe);
		if (!outcome.ok) throw toNodeApiError(this.context.getNode(), outcome.failure, this.scrubber);
		return outcome.value;
	}

	/**
	 * Runs many commands through `batch` (≤ 50 commands a request). Each key gets its own outcome. A whole request is
	 * repeated only as `decideRetry` allows (a 503 proves nothing ran; a lost answer does not), and within an answered
	 * batch only the commands that failed with a retryable code are sent again.
	 *
	 * With `stopAtFirstFailure`, nothing after the first failing command runs, as if the commands went one by one:
	 * chunks go one after another with `halt`, and a failure ends the run. Commands it never ran get no outcome.
	 */
	async callBatch(
		commands: BatchCommand[],
		retrySafe: boolean,
		{ stopAtFirstFailure = false } = {},
	): Promise<Map<string, CallOutcome>> {
		const outcomes = new Map<string, CallOutcome>();
		const chunks = chunkCommands(commands);
		if (stopAtFirstFailure) {
			for (const chunk of chunks) if (!(await this.runChunk(chunk, retrySafe, outcomes, true))) break;
			return outcomes;
		}
		let next = 0;
		const worker = async () => {
			while (next < chunks.length) await this.runChunk(chunks[next++], retrySafe, outcomes, false);
		};
		await Promise.all(Array.from({ length: Math.min(PARALLEL_BATCHES, chunks.length) }, worker));
		return outcomes;
	}

	/** Tells the portal's bucket how a request it let go was answered (a probe's answer is news, see LeakyBucket). */
	private settle(slot: Slot, outcome: { ok: true } | { ok: false; failure: { code: string } }): void {
		if (outcome.ok) this.bucket.onSuccess(slot);
		else if (outcome.failure.code === 'QUERY_LIMIT_EXCEEDED') this.bucket.onRateLimited(slot);
		else this.bucket.onOtherFailure(slot);
	}

	private retryDelay(failure: Bitrix24Failure, attempt: number, started: number, retrySafe: boolean) {
		const now = Date.now();
		const decision = decideRetry(failure, { attempt, elapsedMs: now - started, retrySafe, nowMs: now });
		return decision.retry ? decision.delayMs : undefined;
	}

	/** One chunk, with its retries; whether every command succeeded. */
	private async runChunk(
		chunk: BatchCommand[],
		retrySafe: boolean,
		outcomes: Map<string, CallOutcome>,
		halt: boolean,
	): Promise<boolean> {
		const started = Date.now();
		let pending = chunk;
		for (let attempt = 1; ; attempt++) {
			if (pending.length === 1) {
				const [only] = pending;
				const outcome = await this.call(only.method, only.params as IDataObject, retrySafe, only.placement);
				outcomes.set(only.key, outcome);
				return outcome.ok;
			}
			const slot = await this.bucket.acquire();
			const signedWithReplacement = this.parameters.usingReplacement;
			const signed = pending.map((command) => ({ ...command, params: this.parameters.apply(command.params as IDataObject, command.placement) }));
			const answer = await send(this.context, this.connection, 'batch', batchBody(signed, halt) as unknown as IDataObject);
			this.settle(slot, answer);
			let retry: Settled['retry'];
			if (answer.ok) {
				const perKey = readBatchResult(answer.value.result, pending.map(({ key }) => key));
				// Commands refused before they ran: rate limits, and the credential's parameters it can replace.
				const again = (code: string) => isRetryableCode(code, retrySafe) || this.parameters.retriesAfter(code, signedWithReplacement);
				const settled = halt ? settleHalted(pending, perKey, again, outcomes) : settleAll(pending, perKey, again, outcomes);
				if (!settled.retry) return settled.allOk;
				retry = settled.retry;
				// Commands the portal refused for its rate limit mean the same as a refused request.
				if (retry.cause.code === 'QUERY_LIMIT_EXCEEDED') this.bucket.onRateLimited();
			} else {
				retry = { again: pending, cause: answer.failure };
			}
			const replaced = this.parameters.retriesAfter(retry.cause.code, signedWithReplacement);
			if (replaced) this.parameters.useReplacement();
			const delayMs = replaced ? 0 : this.retryDelay(retry.cause, attempt, started, retrySafe);
			if (delayMs === undefined) {
				// Given up. Without halt, an answered batch already gave every command its own outcome; a failed request
				// is every command's failure. With halt, only the first command left failed: nothing after it ran.
				const failed = halt ? retry.again.slice(0, 1) : answer.ok ? [] : retry.again;
				for (const command of failed) outcomes.set(command.key, naming(command.method, { ok: false, failure: retry.cause }));
				return false;
			}
			await sleep(delayMs);
			pending = retry.again;
		}
	}
}

interface Settled {
	allOk: boolean;
	/** Commands to send again (they did not run), and the failure that says why. */
	retry?: { again: BatchCommand[]; cause: Bitrix24Failure };
}

/** Without halt: every command has its outcome; the ones refused before running may go again. */
function settleAll(
	pending: BatchCommand[],
	perKey: Map<string, Bitrix24Outcome>,
	again: (code: string) => boolean,
	outcomes: Map<string, CallOutcome>,
): Settled {
	const resend: BatchCommand[] = [];
	let cause: Bitrix24Failure | undefined;
	for (const command of pending) {
		const outcome = perKey.get(command.key) as Bitrix24Outcome;
		if (!outcome.ok && again(outcome.failure.code)) {
			cause = cause ?? outcome.failure;
			resend.push(command);
		}
		outcomes.set(command.key, naming(command.method, outcome));
	}
	return { allOk: [...perKey.values()].every((outcome) => outcome.ok), retry: cause && { again: resend, cause } };
}

/**
 * With halt: the commands before the first failure ran; the portal ran nothing after it. A failure that proves the
 * command did not run (or a lost one of a retry-safe operation) goes again with everything after it, in order.
 */
function settleHalted(
	pending: BatchCommand[],
	perKey: Map<string, Bitrix24Outcome>,
	again: (code: string) => boolean,
	outcomes: Map<string, CallOutcome>,
): Settled {
	for (let index = 0; index < pending.length; index++) {
		const command = pending[index];
		const outcome = perKey.get(command.key) as Bitrix24Outcome;
		if (!outcome.ok && again(outcome.failure.code)) {
			return { allOk: false, retry: { again: pending.slice(index), cause: outcome.failure } };
		}
		outcomes.set(command.key, naming(command.method, outcome));
		if (!outcome.ok) return { allOk: false };
	}
	return { allOk: true };
}

export interface ClientOptions {
	timeoutMs?: number;
	/** A node's own Rate Limit option, for saved workflows that set one: it can only lower the credential's. */
	rateLimit?: RateLimit;
	/** The credentials of the node (default: the IM nodes'). */
	credentials?: CredentialProfiles;
}

/** A client for the credential the node's Authentication picks; throws a plain Error when the credential is unusable. */
export async function openClient(
	context: Context,
	authentication: Authentication,
	{ timeoutMs, rateLimit, credentials }: ClientOptions = {},
): Promise<Bitrix24Client> {
	return new Bitrix24Client(context, await connect(context, authentication, timeoutMs, credentials), rateLimit);
}
