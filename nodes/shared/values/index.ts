import type { IDataObject } from 'n8n-workflow';

/** Conversions of field values to what Bitrix24 accepts: each gives undefined for a value Bitrix24 would reject. */

/** Bitrix24 keeps its ids (users, chats, messages, notifications, files) in signed 32-bit columns. */
export const MAX_ID = 2147483647;

/**
 * A whole number from 1 to MAX_ID, leading zeros allowed, as a regular expression (for the editor's checks, which
 * must accept exactly what the readers below accept).
 */
export const ID_DIGITS =
	'0*(?:[1-9]\\d{0,8}|1\\d{9}|20\\d{8}|21[0-3]\\d{7}|214[0-6]\\d{6}|2147[0-3]\\d{5}|21474[0-7]\\d{4}|214748[0-2]\\d{3}|2147483[0-5]\\d{2}|21474836[0-3]\\d|214748364[0-7])';

const DIALOG_ID = /^(chat|sg)?(\d+)$/i;
const CHAT_ID = /^(chat)?(\d+)$/i;

/** Bitrix24's search methods refuse shorter phrases (FIND_SHORT). */
export const MIN_SEARCH_LENGTH = 2;

/** Digits as an id: leading zeros dropped, 1 to MAX_ID; undefined otherwise. */
function idOf(digits: string): number | undefined {
	const number = Number(digits);
	return number >= 1 && number <= MAX_ID ? number : undefined;
}

/** A value as text without surrounding whitespace, for strings and numbers only. */
function textOf(value: unknown): string | undefined {
	return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : undefined;
}

/**
 * A Dialog ID in its one canonical form: `chat12`, `sg5` or `42` (a user id) - lower-case prefix, no leading zeros,
 * no whitespace, within MAX_ID. ` CHAT012 ` → `chat12`. Undefined when Bitrix24 would reject it or read another id.
 */
export function normalizeDialogId(value: unknown): string | undefined {
	const match = DIALOG_ID.exec(textOf(value) ?? '');
	const id = match ? idOf(match[2]) : undefined;
	return id === undefined ? undefined : `${(match?.[1] ?? '').toLowerCase()}${id}`;
}

/** `12` or `chat12` → 12 (Bitrix24's CHAT_ID takes no prefix). Undefined for anything else, `sg5` included. */
export function toChatId(value: unknown): number | undefined {
	const match = CHAT_ID.exec(textOf(value) ?? '');
	return match ? idOf(match[2]) : undefined;
}

/**
 * A whole number from 1 to MAX_ID, from a number or a numeric string; undefined otherwise (0, -5, 1.5, '1e3', 'abc',
 * '', 99999999999).
 */
export function toPositiveInteger(value: unknown): number | undefined {
	const text = textOf(value) ?? '';
	return /^\d+$/.test(text) ? idOf(text) : undefined;
}

/** Whether a value that was refused is a whole number, only too large for an id (so the error can say so). */
export function isTooLargeForId(value: unknown): boolean {
	const digits = /^(?:chat|sg)?(\d+)$/i.exec(textOf(value) ?? '')?.[1];
	return digits !== undefined && Number(digits) > MAX_ID;
}

/** `[1, '2']` or `'1, 2'` → [1, 2]; undefined when empty or when any entry is not a positive whole number. */
export function toPositiveIntegers(value: unknown): number[] | undefined {
	const entries = Array.isArray(value) ? value : typeof value === 'string' || typeof value === 'number' ? String(value).split(',') : [];
	const numbers = entries.filter((entry) => String(entry).trim() !== '').map(toPositiveInteger);
	if (numbers.length === 0 || numbers.some((number) => number === undefined)) return undefined;
	return numbers as number[];
}

/** A string that is not empty once trimmed; undefined otherwise. */
export function toText(value: unknown): string | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	return text === '' ? undefined : text;
}

/** An object or array, or JSON text of one; undefined for anything else. */
export function toJson(value: unknown): IDataObject | IDataObject[] | undefined {
	let parsed = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value);
		} catch {
			return undefined;
		}
	}
	return typeof parsed === 'object' && parsed !== null ? (parsed as IDataObject | IDataObject[]) : undefined;
}

/** A JSON object (not null, not an array), or undefined. */
export function objectOrUndefined(value: unknown): IDataObject | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as IDataObject) : undefined;
}

/** A JSON object, or `{}` for anything else (PHP sends an empty map as `[]`). */
export const asObject = (value: unknown): IDataObject => objectOrUndefined(value) ?? {};
