import type { IDataObject } from 'n8n-workflow';

import type { Bitrix24Client, CallOutcome } from '../transport';
import type { ListOperation, OperationDescription } from './kinds';
import type { ItemRequest } from './requests';

/** Walks a list method's pages for one item; the records come back as one answer whose result is their array. */
async function readPages(client: Bitrix24Client, operation: ListOperation, request: ItemRequest): Promise<CallOutcome> {
	const { param, max } = operation.paging.pageSize;
	const records: IDataObject[] = [];
	let params = request.params;
	for (;;) {
		const size = request.limit === undefined ? max : Math.min(max, request.limit - records.length);
		const outcome = await client.call(operation.method, { ...params, [param]: size }, true, request.placement);
		if (!outcome.ok) return outcome;
		const page = operation.paging.records(outcome.value);
		records.push(...page);
		const next = page.length > 0 && (request.limit === undefined || records.length < request.limit)
			? operation.paging.nextPage(outcome.value, params, page)
			: undefined;
		if (!next) return { ok: true, value: { result: records.slice(0, request.limit) } };
		params = next;
	}
}

/** A successful answer that the operation reads as a failure (`check`), as that failure. */
function checked(operation: OperationDescription, method: string | undefined, sent: CallOutcome): CallOutcome {
	const refusal = sent.ok && operation.kind === 'call' ? operation.check?.(sent.value) : undefined;
	return refusal ? { ok: false, failure: { ...refusal, method: method as string } } : sent;
}

async function sendOne(client: Bitrix24Client, operation: OperationDescription, request: ItemRequest): Promise<CallOutcome> {
	switch (operation.kind) {
		case 'call':
			return checked(
				operation,
				request.method,
				await client.call(request.method as string, request.params, request.retrySafe, request.placement),
			);
		case 'list':
			return await readPages(client, operation, request);
		case 'steps':
			return await operation.run(
				{
					call: async (method, params) => await client.call(method, params, request.retrySafe, request.placement),
					download: async (url, method) => await client.download(url, method),
				},
				request.params,
			);
	}
}

/**
 * Sends every item's request, in `batch` requests where the operation and the options allow; outcomes by item.
 * With `stopAtFirstFailure`, nothing after the first failing item is sent, batched or not; an operation whose success
 * needs a look at the answer (`check`) then goes one by one, because a batch cannot stop on it.
 */
export async function sendAll(
	client: Bitrix24Client,
	operation: OperationDescription,
	requests: ItemRequest[],
	batching: boolean,
	stopAtFirstFailure: boolean,
): Promise<Map<number, CallOutcome>> {
	// A call that needs the credential's replacement is checked for it before sending, so it goes on its own.
	const batchable =
		operation.kind === 'call' &&
		operation.batchable &&
		!(stopAtFirstFailure && operation.check) &&
		!operation.credentialParameters?.replacementInside;
	if (batching && batchable && requests.length > 1) {
		const byKey = await client.callBatch(
			requests.map(({ itemIndex, method, params, placement }) => ({ key: `i${itemIndex}`, method: method as string, params, placement })),
			// One flag for the whole batch: safe only if every item is.
			requests.every((request) => request.retrySafe),
			{ stopAtFirstFailure },
		);
		const outcomes = new Map<number, CallOutcome>();
		for (const { itemIndex, method } of requests) {
			const outcome = byKey.get(`i${itemIndex}`);
			if (outcome) outcomes.set(itemIndex, checked(operation, method, outcome));
		}
		return outcomes;
	}
	const outcomes = new Map<number, CallOutcome>();
	for (const request of requests) {
		const outcome = await sendOne(client, operation, request);
		outcomes.set(request.itemIndex, outcome);
		if (!outcome.ok && stopAtFirstFailure) break;
	}
	return outcomes;
}
