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

/**
 * The notifications "dialog". Bitrix24 compares it case-sensitively (`=== 'notify'`) and takes it only where a method
 * says so (im.dialog.read, im.recent.pin, im.recent.hide, im.recent.unread); elsewhere it fails the Dialog ID check.
 */
export const NOTIFY_DIALOG_ID = 'notify';

export interface DialogIdOptions {
	/** Whether the notifications dialog `notify` is a valid Dialog ID here. */
	notify?: boolean;
}

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

/** Whether a value names the notifications dialog (`notify`, in any case, with surrounding whitespace). */
export function isNotifyDialogId(value: unknown): boolean {
	return textOf(value)?.toLowerCase() === NOTIFY_DIALOG_ID;
}

/**
 * A Dialog ID in its one canonical form: `chat12`, `sg5` or `42` (a user id) - lower-case prefix, no leading zeros,
 * no whitespace, within MAX_ID - or, where `notify` is allowed, `notify`. ` CHAT012 ` → `chat12`. Undefined when
 * Bitrix24 would reject it or read another id.
 */
export function normalizeDialogId(value: unknown, { notify = false }: DialogIdOptions = {}): string | undefined {
	if (notify && isNotifyDialogId(value)) return NOTIFY_DIALOG_ID;
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

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** The text of a date-time value: a string, a Date, or an object that prints as ISO text (n8n's Luxon DateTime). */
function dateTimeText(value: unknown): string {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
	if (typeof value === 'string') return value.trim();
	return typeof value === 'object' && value !== null ? String(value) : '';
}

/** Minutes east of UTC of an offset such as `Z`, `+01:00` or `-0530`; undefined for an impossible one. */
function offsetMinutes(zone: string): number | undefined {
	if (zone.toUpperCase() === 'Z') return 0;
	const [hours, minutes] = [Number(zone.slice(1, 3)), Number(zone.slice(-2))];
	if (hours > 23 || minutes > 59) return undefined;
	return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

/**
 * A date and time as Bitrix24's RFC3339 parameters take it (PHP `Y-m-d\TH:i:sP`), in one canonical form: UTC, whole
 * seconds, `2026-03-01T08:00:00+00:00`. Takes `2026-03-01`, `2026-03-01T09:00`, `2026-03-01 09:00:00.5+01:00` and the
 * like; a time without a zone is UTC. Undefined for anything else, an impossible date (February 30) included.
 */
export function toRfc3339(value: unknown): string | undefined {
	const match = DATE_TIME.exec(dateTimeText(value));
	if (!match) return undefined;
	const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0));
	const wallClock = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
	const fields = [wallClock.getUTCFullYear(), wallClock.getUTCMonth() + 1, wallClock.getUTCDate(), wallClock.getUTCHours()];
	if (fields.join() !== [year, month, day, hour].join() || minute > 59 || second > 59) return undefined;
	const offset = offsetMinutes(match[7] ?? 'Z');
	if (offset === undefined) return undefined;
	return new Date(wallClock.getTime() - offset * 60000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}
