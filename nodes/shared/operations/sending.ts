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
		const outcome = await client.call(operation.method, { ...params, [param]: size }, true);
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

async function sendOne(client: Bitrix24Client, operation: OperationDescription, request: ItemRequest): Promise<CallOutcome> {
	switch (operation.kind) {
		case 'call':
			return await client.call(request.method as string, request.params, operation.retrySafe);
		case 'list':
			return await readPages(client, operation, request);
		case 'steps':
			return await operation.run(
				async (method, params) => await client.call(method, params, operation.retrySafe),
				request.params,
			);
	}
}

/** Sends every item's request (in `batch` requests where the operation and the options allow); outcomes by item. */
export async function sendAll(
	client: Bitrix24Client,
	operation: OperationDescription,
	requests: ItemRequest[],
	batching: boolean,
	stopAtFirstFailure: boolean,
): Promise<Map<number, CallOutcome>> {
	if (batching && operation.kind === 'call' && operation.batchable && requests.length > 1) {
		const byKey = await client.callBatch(
			requests.map(({ itemIndex, method, params }) => ({ key: `i${itemIndex}`, method: method as string, params })),
			operation.retrySafe,
		);
		return new Map(requests.map(({ itemIndex }) => [itemIndex, byKey.get(`i${itemIndex}`) as CallOutcome]));
	}
	const outcomes = new Map<number, CallOutcome>();
	for (const request of requests) {
		const outcome = await sendOne(client, operation, request);
		outcomes.set(request.itemIndex, outcome);
		if (!outcome.ok && stopAtFirstFailure) break;
	}
	return outcomes;
}
