import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { Bitrix24Failure, Bitrix24Success } from '../transport/types';

/** Reads one item's fields, validated the way Bitrix24 would; throws an input error naming field and item. */
export interface ItemReader {
	readonly itemIndex: number;
	dialogId(field: string): string;
	positiveInteger(field: string): number;
	/** Undefined when the field is empty; otherwise a whole number > 0. */
	optionalPositiveInteger(field: string): number | undefined;
	/** Trimmed, not empty. */
	text(field: string): string;
	/** A boolean field as Bitrix24's 'Y' / 'N'. */
	flag(field: string, fallback: boolean): 'Y' | 'N';
}

/**
 * One operation, described as data. The executor does the rest (validation order, batching, retries, limits,
 * pairing, continue-on-fail, scrubbing), so adding an operation means adding one of these.
 */
export interface OperationDescription {
	/** Stored in saved workflows: never rename. */
	value: string;
	name: string;
	/** The sentence an AI agent and the node picker show. */
	action: string;
	description: string;
	/** The Bitrix24 REST method. */
	method: string;
	/** n8n properties of this operation, without display conditions (the builder adds them). */
	fields: INodeProperties[];
	/** The one place Bitrix24's UPPER_CASE parameter names appear. */
	toParams(read: ItemReader): IDataObject;
	/** May travel inside a `batch` request with other items' commands. */
	batchable: boolean;
	/** Repeating it after an ambiguous failure leaves the same state (no duplicate message, no double effect). */
	retrySafe: boolean;
	/**
	 * Shapes a successful answer for the next node (one object, or an array: one output item per element). With a
	 * shape, the operation gets a "Simplify" switch that outputs the raw answer when off. Default: the answer as is.
	 */
	shape?(answer: Bitrix24Success, params: IDataObject): IDataObject | IDataObject[];
	/** A successful HTTP answer that still means failure (e.g. `false` for "no access"). */
	check?(answer: Bitrix24Success): Bitrix24Failure | undefined;
}

export interface ResourceDescription {
	/** Stored in saved workflows: never rename. */
	value: string;
	name: string;
	operations: OperationDescription[];
}
