import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { Bitrix24Failure, Bitrix24Success, CallOutcome, ParameterPlacement } from '../transport';
import type { ItemReader } from './itemReader';

/**
 * Operations described as data, in three kinds: a single call per item, a list that walks pages, and a run of several
 * calls per item. Build them with `singleCall`, `list` and `steps`: the helper sets the kind and the defaults, and a
 * combination the executor would ignore does not type-check. The executor does the rest (validation order,
 * batching, retries, limits, paging, pairing, continue-on-fail, scrubbing).
 */

interface OperationBase {
	/** Stored in saved workflows: never rename. */
	value: string;
	name: string;
	/** The sentence an AI agent and the node picker show. */
	action: string;
	description: string;
	/** n8n properties of this operation, without display conditions (the builder adds them). */
	fields: INodeProperties[];
	/** The one place Bitrix24's UPPER_CASE parameter names appear. */
	toParams(read: ItemReader): IDataObject | Promise<IDataObject>;
	/** Where its calls carry the credential's call parameters, when not at the top level (see ParameterPlacement). */
	credentialParameters?: ParameterPlacement;
}

/**
 * Shapes a successful answer for the next node (one object, or an array: one output item per element). With a shape,
 * the operation gets a "Simplify" switch that outputs the raw answer when off. Without one: the answer as is.
 */
export type Shape = (answer: Bitrix24Success, params: IDataObject) => IDataObject | IDataObject[];

export interface SingleCallOperation extends OperationBase {
	kind: 'call';
	/** The Bitrix24 method, or how an item picks it (Custom API Call; one of two methods by a field). */
	method: string | ((read: ItemReader) => string);
	/** May travel inside a `batch` request with other items' commands. */
	batchable: boolean;
	/**
	 * Repeating it after an ambiguous failure leaves the same state (no duplicate message, no double effect); a
	 * function where the item says so (Custom API Call's Safe to Retry).
	 */
	retrySafe: boolean | ((read: ItemReader) => boolean);
	shape?: Shape;
	/** A successful HTTP answer that still means failure (e.g. `false` for "no access"). */
	check?(answer: Bitrix24Success): Bitrix24Failure | undefined;
}

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

/** A read of page after page: never batched, always safe to repeat. */
export interface ListOperation extends OperationBase {
	kind: 'list';
	method: string;
	paging: PagingDescription;
}

/** Calls one Bitrix24 method for a step of a several-call operation. */
export type MethodCall = (method: string, params: IDataObject) => Promise<CallOutcome>;

/** What a step of a several-call operation can do: call a method, or fetch a file from a link an answer held. */
export interface StepCalls {
	call: MethodCall;
	/** The file behind `url` as the answer's `file` (an n8n binary in the output); failures name `method`. */
	download(url: string, method: string): Promise<CallOutcome>;
}

/** Several calls per item (e.g. find the chat's folder, upload, then post): never batched. */
export interface StepsOperation extends OperationBase {
	kind: 'steps';
	/** The methods `run` calls, in order. */
	methods: string[];
	retrySafe: boolean;
	run(steps: StepCalls, params: IDataObject): Promise<CallOutcome>;
	shape?: Shape;
	/** For an operation that downloads a file: its field naming the output binary property the file goes into. */
	binaryOutputField?: string;
}

export type OperationDescription = SingleCallOperation | ListOperation | StepsOperation;

export interface ResourceDescription {
	/** Stored in saved workflows: never rename. */
	value: string;
	name: string;
	operations: OperationDescription[];
}

type Optional<T, K extends keyof T> = Omit<T, K | 'kind'> & Partial<Pick<T, K>>;

/**
 * One call per item. By default it may be batched and is safe to repeat: an operation whose repeat would post, create
 * or toggle something twice must say `retrySafe: false`.
 */
export function singleCall(spec: Optional<SingleCallOperation, 'batchable' | 'retrySafe'>): SingleCallOperation {
	return { kind: 'call', batchable: true, retrySafe: true, ...spec };
}

export function list(spec: Omit<ListOperation, 'kind'>): ListOperation {
	return { kind: 'list', ...spec };
}

export function steps(spec: Omit<StepsOperation, 'kind'>): StepsOperation {
	return { kind: 'steps', ...spec };
}
