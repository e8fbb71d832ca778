import type { IDataObject } from 'n8n-workflow';

/** Conversions of field values to what Bitrix24 accepts: each gives undefined for a value Bitrix24 would reject. */

const DIALOG_ID = /^(chat|sg)?(\d+)$/i;
const CHAT_ID = /^(chat)?(\d+)$/i;

/** Bitrix24's search methods refuse shorter phrases (FIND_SHORT). */
export const MIN_SEARCH_LENGTH = 2;

/** `chat12`, `CHAT12` → `chat12`; `sg5`; `42` (a user id). Undefined when Bitrix24 would reject it. */
export function normalizeDialogId(value: unknown): string | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const match = DIALOG_ID.exec(String(value).trim());
	if (!match || /^0+$/.test(match[2])) return undefined;
	return `${(match[1] ?? '').toLowerCase()}${match[2]}`;
}

/** `12` or `chat12` → 12 (Bitrix24's CHAT_ID takes no prefix). Undefined for anything else, `sg5` included. */
export function toChatId(value: unknown): number | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const match = CHAT_ID.exec(String(value).trim());
	return match ? toPositiveInteger(match[2]) : undefined;
}

/** A whole number > 0, from a number or a numeric string; undefined otherwise (0, -5, 1.5, 'abc', ''). */
export function toPositiveInteger(value: unknown): number | undefined {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (!/^\d+$/.test(text)) return undefined;
	const number = Number(text);
	return number > 0 && Number.isSafeInteger(number) ? number : undefined;
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
