import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { Bitrix24Failure, Bitrix24Outcome, Bitrix24Success } from '../transport/types';

/** An input binary, ready for Bitrix24's base64 file fields. */
export interface BinaryFile {
	fileName: string;
	mimeType: string;
	base64: string;
}

/** Reads one item's fields, validated the way Bitrix24 would; throws an input error naming field and item. */
export interface ItemReader {
	readonly itemIndex: number;
	/** `chatNNN`, `sgNNN` or `NNN` (a user id), from a plain value or a resource locator. */
	dialogId(field: string): string;
	/** A numeric chat id; `chat12` is accepted and sent as 12. */
	chatId(field: string): number;
	positiveInteger(field: string): number;
	/** Undefined when the field is empty; otherwise a whole number > 0. */
	optionalPositiveInteger(field: string): number | undefined;
	/** Whole numbers > 0, from an array or a comma-separated list; at least one. */
	positiveIntegers(field: string): number[];
	/** Trimmed, not empty; with `minLength`, at least that many characters (e.g. a search phrase). */
	text(field: string, minLength?: number): string;
	/** Trimmed; undefined when empty. */
	optionalText(field: string): string | undefined;
	/** One of the documented values (compared case-insensitively, returned as documented). */
	choice<T extends string>(field: string, allowed: readonly T[]): T;
	/** A JSON object or array, given as JSON text or as an object; undefined when empty. */
	json(field: string): IDataObject | IDataObject[] | undefined;
	/** A boolean field as Bitrix24's 'Y' / 'N'. */
	flag(field: string, fallback: boolean): 'Y' | 'N';
	/** The input binary named by the field (a binary property name such as `data`). */
	binary(field: string): Promise<BinaryFile>;
	/**
	 * Rejects the field with the operation's own rule (one the readers above do not cover): throws the same input error,
	 * naming item, field and value (`shown` replaces the field's value in the message, e.g. for a very long value).
	 */
	invalid(field: string, expected: string, shown?: unknown): never;
}

/** Calls one Bitrix24 method through the node's transport (limits, retries, error envelope). */
export type MethodCall = (method: string, params: IDataObject) => Promise<Bitrix24Outcome>;

/**
 * How a list operation walks Bitrix24's pages. The builder adds "Return All" and "Limit" to the operation; the
 * executor asks for pages until `nextPage` says there are none or the limit is reached, one output item per record.
 */
export interface PagingDescription {
	/** The parameter that sets the page size, and the largest page Bitrix24 serves. */
	pageSize: { param: string; max: number };
	/** This page's records. */
	records(answer: Bitrix24Success): IDataObject[];
	/** Parameters for the page after this one, or undefined when this was the last. */
	nextPage(answer: Bitrix24Success, params: IDataObject, records: IDataObject[]): IDataObject | undefined;
}

/**
 * One operation, described as data. The executor does the rest (validation order, batching, retries, limits,
 * paging, pairing, continue-on-fail, scrubbing), so adding an operation means adding one of these.
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
	/** For an operation whose method is chosen per item (Custom API Call); `method` is then only its label. */
	methodFor?(read: ItemReader): string;
	/** n8n properties of this operation, without display conditions (the builder adds them). */
	fields: INodeProperties[];
	/** The one place Bitrix24's UPPER_CASE parameter names appear. */
	toParams(read: ItemReader): IDataObject | Promise<IDataObject>;
	/** May travel inside a `batch` request with other items' commands. */
	batchable: boolean;
	/** Repeating it after an ambiguous failure leaves the same state (no duplicate message, no double effect). */
	retrySafe: boolean;
	/** A list method: read page after page (never batched). */
	paging?: PagingDescription;
	/** Several calls per item (e.g. find the chat's folder, upload, then post): replaces the single call. */
	run?(call: MethodCall, params: IDataObject): Promise<Bitrix24Outcome>;
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
