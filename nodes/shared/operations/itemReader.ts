import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { DialogIdOptions } from '../values';
import {
	isNotifyDialogId,
	isTooLargeForId,
	MAX_ID,
	normalizeDialogId,
	toChatId,
	toJson,
	toPositiveInteger,
	toPositiveIntegers,
	toRfc3339,
	toText,
} from '../values';
import { itemParameter } from './parameters';

/** An input binary, ready for Bitrix24's base64 file fields. */
export interface BinaryFile {
	fileName: string;
	mimeType: string;
	base64: string;
}

/** Reads one item's fields, validated the way Bitrix24 would; throws an input error naming field and item. */
export interface ItemReader {
	readonly itemIndex: number;
	/**
	 * `chatNNN`, `sgNNN` or `NNN` (a user id), from a plain value or a resource locator; with `notify`, also the
	 * notifications dialog `notify` (refused, with its own reason, where the operation's method does not take it).
	 */
	dialogId(field: string, options?: DialogIdOptions): string;
	/** A numeric chat id; `chat12` is accepted and sent as 12. */
	chatId(field: string): number;
	positiveInteger(field: string): number;
	/** Undefined when the field is empty; otherwise a whole number > 0. */
	optionalPositiveInteger(field: string): number | undefined;
	/** Whole numbers > 0, from an array or a comma-separated list; at least one. */
	positiveIntegers(field: string): number[];
	/** `positiveIntegers`, or undefined when the field is empty (an empty text or, from an expression, an empty array). */
	optionalPositiveIntegers(field: string): number[] | undefined;
	/** A whole number > 0 from a resource locator (a pick from its list, or an ID). */
	resourceId(field: string): number;
	/** Trimmed, not empty; with `minLength`, at least that many characters (e.g. a search phrase). */
	text(field: string, minLength?: number): string;
	/** Trimmed; undefined when empty. */
	optionalText(field: string): string | undefined;
	/** A date and time in Bitrix24's RFC3339 form (UTC, e.g. `2026-03-01T08:00:00+00:00`); undefined when empty. */
	optionalDateTime(field: string): string | undefined;
	/** One of the documented values (compared case-insensitively, returned as documented). */
	choice<T extends string>(field: string, allowed: readonly T[]): T;
	/** A JSON object or array, given as JSON text or as an object; undefined when empty. */
	json(field: string): IDataObject | IDataObject[] | undefined;
	/** Bitrix24's ATTACH: `json`, at most 60,000 characters once serialized (longer is ATTACH_OVERSIZE). */
	attach(field: string): IDataObject | IDataObject[] | undefined;
	/** A boolean field as Bitrix24's 'Y' / 'N'. */
	flag(field: string, fallback: boolean): 'Y' | 'N';
	/** `flag`, or undefined when the field is not set (an option of a collection that was not added). */
	optionalFlag(field: string): 'Y' | 'N' | undefined;
	/**
	 * The input binary named by the field (a binary property name such as `data`); with `maxBytes`, a larger file is
	 * refused before it is read into a request.
	 */
	binary(field: string, maxBytes?: number): Promise<BinaryFile>;
	/** The input binary named by the field as base64, refused unless its MIME type is an image (an avatar). */
	image(field: string): Promise<string>;
	/**
	 * Rejects the field with the operation's own rule (one the readers above do not cover): throws the same input error,
	 * naming item, field and value (`shown` replaces the field's value in the message, e.g. for a very long value).
	 */
	invalid(field: string, expected: string, shown?: unknown): never;
}

/** A field of an item that Bitrix24 would reject; raised before any request. */
function inputError(node: INode, itemIndex: number, field: string, value: unknown, expected: string) {
	const shown = typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? String(value);
	return new NodeOperationError(node, `Item ${itemIndex}: ${field} ${shown} is not valid: ${expected}`, {
		itemIndex,
		description: `Fix the "${field}" field of item ${itemIndex}; nothing was sent to Bitrix24 for this item.`,
	});
}

/** An input error as the output item of a failed item under continue-on-fail. */
export function toInputErrorItem({ message, description }: NodeOperationError): IDataObject {
	return { error: message, description: description ?? undefined };
}

const TOO_LARGE = `it is above ${MAX_ID}, the largest ID Bitrix24 stores`;

const DIALOG_SHAPES = 'use chatNNN for a group chat, sgNNN for a workgroup chat or NNN (a user id) for a private dialog';
const NOT_HERE = `it is the notifications dialog, which this operation does not take: ${DIALOG_SHAPES}`;

/** Bitrix24 refuses an ATTACH longer than this once serialized (`ATTACH_OVERSIZE`). */
const ATTACH_MAX_CHARS = 60000;

const isEmpty = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

export function createItemReader(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: INodeProperties[],
): ItemReader {
	const rejection = (field: string, value: unknown, expected: string) =>
		inputError(context.getNode(), itemIndex, labelOf(field), value, expected);
	const labelOf = (path: string) => {
		const [name, inner] = path.split('.');
		const property = fields.find((entry) => entry.name === name);
		const nested = inner ? (property?.options as INodeProperties[] | undefined)?.find((entry) => entry.name === inner) : property;
		return nested?.displayName ?? path;
	};
	const valueOf = (field: string) => itemParameter(context, field, itemIndex, '');
	const check = <T>(field: string, value: unknown, converted: T | undefined, expected: string): T => {
		if (converted !== undefined) return converted;
		throw rejection(field, value, isTooLargeForId(value) ? TOO_LARGE : expected);
	};
	// `locator`: a resource locator holds {mode, value}; saved workflows from before it may hold the plain id.
	const read = <T>(field: string, convert: (value: unknown) => T | undefined, expected: string, locator = false): T => {
		const value = itemParameter(context, field, itemIndex, '', locator);
		return check(field, value, convert(value), expected);
	};
	const json = (field: string) => {
		const value = valueOf(field);
		if (isEmpty(value)) return undefined;
		return check(field, value, toJson(value), 'it must be a JSON object or array');
	};
	const positiveIntegers = (field: string) =>
		read(field, toPositiveIntegers, 'it must be one or more whole numbers greater than 0, separated by commas');
	const binary = async (field: string, maxBytes?: number): Promise<BinaryFile> => {
		const propertyName = read(field, toText, 'it must name an input binary property, e.g. data');
		const item = context.getInputData()[itemIndex];
		if (!item?.binary?.[propertyName]) {
			throw rejection(field, propertyName, 'the input item has no binary property of that name');
		}
		const file = item.binary[propertyName];
		const buffer = await context.helpers.getBinaryDataBuffer(itemIndex, propertyName);
		if (maxBytes !== undefined && buffer.length > maxBytes) {
			throw rejection(field, propertyName, `its file is ${buffer.length} bytes, more than the ${maxBytes} bytes Bitrix24 accepts`);
		}
		return { fileName: file.fileName ?? propertyName, mimeType: file.mimeType, base64: buffer.toString('base64') };
	};
	return {
		itemIndex,
		dialogId: (field, options = {}) => {
			const value = itemParameter(context, field, itemIndex, '', true);
			const expected = options.notify ? `${DIALOG_SHAPES}, or notify for the notifications` : DIALOG_SHAPES;
			return check(field, value, normalizeDialogId(value, options), isNotifyDialogId(value) ? NOT_HERE : expected);
		},
		chatId: (field) => read(field, toChatId, 'use the chat\'s number, e.g. 12 (or chat12)', true),
		positiveInteger: (field) => read(field, toPositiveInteger, 'it must be a whole number greater than 0'),
		optionalPositiveInteger: (field) => {
			const value = valueOf(field);
			if (isEmpty(value)) return undefined;
			return check(field, value, toPositiveInteger(value), 'it must be a whole number greater than 0, or empty');
		},
		positiveIntegers,
		optionalPositiveIntegers: (field) => {
			const value = valueOf(field);
			return isEmpty(value) || (Array.isArray(value) && value.length === 0) ? undefined : positiveIntegers(field);
		},
		resourceId: (field) => read(field, toPositiveInteger, 'it must be a whole number greater than 0', true),
		text: (field, minLength = 1) =>
			read(
				field,
				(value) => {
					const text = toText(value);
					return text !== undefined && text.length >= minLength ? text : undefined;
				},
				minLength > 1 ? `it must be at least ${minLength} characters long` : 'it must not be empty',
			),
		optionalText: (field) => toText(valueOf(field)),
		optionalDateTime: (field) => {
			const value = valueOf(field);
			if (isEmpty(value)) return undefined;
			return check(field, value, toRfc3339(value), 'it must be a date and time, e.g. 2026-03-01T09:00:00+01:00 (without a time zone: UTC)');
		},
		choice: <T extends string>(field: string, allowed: readonly T[]) =>
			read(
				field,
				(value) => allowed.find((entry) => entry.toLowerCase() === String(value).trim().toLowerCase()),
				`it must be one of ${allowed.join(', ')}`,
			),
		json,
		attach: (field) => {
			const attach = json(field);
			const text = attach === undefined ? '' : JSON.stringify(attach);
			if (text.length <= ATTACH_MAX_CHARS) return attach;
			throw rejection(
				field,
				`${text.slice(0, 40)}…`,
				`it is ${text.length} characters as JSON; Bitrix24 accepts at most ${ATTACH_MAX_CHARS} (ATTACH_OVERSIZE)`,
			);
		},
		flag: (field, fallback) => (itemParameter(context, field, itemIndex, fallback) === true ? 'Y' : 'N'),
		optionalFlag: (field) => {
			// n8n throws for a missing parameter without a fallback: null marks "not set".
			const value = itemParameter(context, field, itemIndex, null);
			return value === null || value === undefined ? undefined : value === true ? 'Y' : 'N';
		},
		binary,
		image: async (field) => {
			const file = await binary(field);
			if (!/^image\//i.test(file.mimeType ?? '')) {
				throw rejection(field, `${file.fileName} (${file.mimeType || 'no MIME type'})`, 'the avatar must be an image, e.g. image/png or image/jpeg');
			}
			return file.base64;
		},
		invalid: (field, expected, shown) => {
			throw rejection(field, shown === undefined ? valueOf(field) : shown, expected);
		},
	};
}
