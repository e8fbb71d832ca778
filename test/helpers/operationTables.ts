import type { IDataObject } from 'n8n-workflow';

import type { Shape } from '../../nodes/shared/operations';
import type { Bitrix24Success } from '../../nodes/shared/transport/types';
import { operationOf, requestFor } from './operationRequest';
import type { Binary, operationHelpers } from './operationRequest';

/*
 * The tables of an operation family's unit tests (one test file per source file of a resource): each function
 * registers one `it.each` over its rows, so that a family's test file holds only its cases.
 */

/** A resource locator typed by ID. */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** A successful answer with this result (and `next`, `total`, ... where given). */
export const ok = (result: unknown, extra: Partial<Bitrix24Success> = {}): Bitrix24Success => ({ result, ...extra });

/** A 1×1 PNG's first bytes, and input binaries (property `data`) for avatar and file fields. */
export const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
export const png = { data: { data: PNG, fileName: 'logo.png', mimeType: 'image/png' } };
export const pdf = { data: { data: Buffer.from('%PDF-1.4'), fileName: 'offer.pdf', mimeType: 'application/pdf' } };

/** The tables below for one node's operations (see operationHelpers); the IM node's are exported as they are. */
export function operationTables({ operationOf, requestFor }: Pick<ReturnType<typeof operationHelpers>, 'operationOf' | 'requestFor'>) {
	/** Rows [operation, method, parameter values, parameters sent, input binaries?]: what the executor would send. */
	function requestCases(
		resource: string,
		title: string,
		rows: Array<[string, string | undefined, IDataObject, IDataObject, Record<string, Binary>?]>,
	) {
		it.each(rows)(title, async (...[value, method, parameters, params, binaries]) => {
			// (A rest parameter: with a fifth named parameter jest would take it for `done` in four-column rows.)
			expect(await requestFor(resource, value, parameters, binaries)).toEqual({ method, params });
		});
	}

	/** Rows [operation, parameter values, message, input binaries?]: reading the item fails with that input error. */
	function refusalCases(resource: string, rows: Array<[string, IDataObject, string, Record<string, Binary>?]>) {
		it.each(rows)('%s refuses %j', async (...[value, parameters, message, binaries]) => {
			await expect(requestFor(resource, value, parameters, binaries)).rejects.toThrow(message);
		});
	}

	/** Rows [operation, answer's result, parameters sent, output]: what Simplify makes of a successful answer. */
	function shapeCases(resource: string, rows: Array<[string, unknown, IDataObject, unknown]>) {
		it.each(rows)('%s shapes %j', (value, result, params, expected) => {
			expect((operationOf(resource, value) as { shape: Shape }).shape(ok(result), params)).toEqual(expected);
		});
	}

	return { requestCases, refusalCases, shapeCases };
}

export const { requestCases, refusalCases, shapeCases } = operationTables({ operationOf, requestFor });
