import type { IDataObject, IExecuteFunctions, INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import { inputError } from '../transport/errors';
import type { ItemReader } from './types';

const DIALOG_ID = /^(chat|sg)?(\d+)$/i;
const CHAT_ID = /^(chat)?(\d+)$/i;

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

const isEmpty = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Per execution: for each parameter read, whether it holds no expression and so the value it has for every item. */
const fixedParameters = new WeakMap<IExecuteFunctions, Map<string, { fixed: boolean; value: unknown }>>();

const holdsExpression = (raw: unknown): boolean =>
	typeof raw === 'string'
		? raw.startsWith('=')
		: typeof raw === 'object' && raw !== null && Object.values(raw).some(holdsExpression);

/**
 * A parameter's value for one item. n8n evaluates, copies and validates a parameter on every call, which costs more
 * than the rest of an item's processing; a parameter without an expression has the same value for every item, so a
 * plain (non-object) value of one is read once per execution.
 */
export function itemParameter(
	context: IExecuteFunctions,
	path: string,
	itemIndex: number,
	fallback: unknown,
	extractValue = false,
): unknown {
	let known = fixedParameters.get(context);
	if (!known) {
		known = new Map();
		fixedParameters.set(context, known);
	}
	const key = extractValue ? `${path} (value)` : path;
	const seen = known.get(key);
	if (seen?.fixed) return seen.value;
	const value = context.getNodeParameter(path, itemIndex, fallback, extractValue ? { extractValue } : undefined);
	if (!seen) {
		const raw = context.getNodeParameter(path, itemIndex, fallback, { rawExpressions: true });
		known.set(key, { fixed: !holdsExpression(raw) && (value === null || typeof value !== 'object'), value });
	}
	return value;
}

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
		if (converted === undefined) throw rejection(field, value, expected);
		return converted;
	};
	// `locator`: a resource locator holds {mode, value}; saved workflows from before it may hold the plain id.
	const read = <T>(field: string, convert: (value: unknown) => T | undefined, expected: string, locator = false): T => {
		const value = itemParameter(context, field, itemIndex, '', locator);
		return check(field, value, convert(value), expected);
	};
	return {
		itemIndex,
		dialogId: (field) =>
			read(field, normalizeDialogId, 'use chatNNN for a group chat, sgNNN for a workgroup chat or NNN (a user id) for a private dialog', true),
		chatId: (field) => read(field, toChatId, 'use the chat\'s number, e.g. 12 (or chat12)', true),
		positiveInteger: (field) => read(field, toPositiveInteger, 'it must be a whole number greater than 0'),
		optionalPositiveInteger: (field) => {
			const value = valueOf(field);
			if (isEmpty(value)) return undefined;
			return check(field, value, toPositiveInteger(value), 'it must be a whole number greater than 0, or empty');
		},
		positiveIntegers: (field) =>
			read(field, toPositiveIntegers, 'it must be one or more whole numbers greater than 0, separated by commas'),
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
		choice: <T extends string>(field: string, allowed: readonly T[]) =>
			read(
				field,
				(value) => allowed.find((entry) => entry.toLowerCase() === String(value).trim().toLowerCase()),
				`it must be one of ${allowed.join(', ')}`,
			),
		json: (field) => {
			const value = valueOf(field);
			if (isEmpty(value)) return undefined;
			return check(field, value, toJson(value), 'it must be a JSON object or array');
		},
		flag: (field, fallback) => (itemParameter(context, field, itemIndex, fallback) === true ? 'Y' : 'N'),
		binary: async (field) => {
			const propertyName = read(field, toText, 'it must name an input binary property, e.g. data');
			const item = context.getInputData()[itemIndex];
			if (!item?.binary?.[propertyName]) {
				throw rejection(field, propertyName, 'the input item has no binary property of that name');
			}
			const binary = item.binary[propertyName];
			const buffer = await context.helpers.getBinaryDataBuffer(itemIndex, propertyName);
			return {
				fileName: binary.fileName ?? propertyName,
				mimeType: binary.mimeType,
				base64: buffer.toString('base64'),
			};
		},
		invalid: (field, expected, shown) => {
			throw rejection(field, shown === undefined ? valueOf(field) : shown, expected);
		},
	};
}

function locatorField(options: {
	displayName: string;
	name: string;
	description: string;
	searchListMethod: string;
	listPlaceholder: string;
	idPlaceholder: string;
	regex: string;
	errorMessage: string;
}): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: options.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: options.listPlaceholder,
				typeOptions: { searchListMethod: options.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: options.idPlaceholder,
				validation: [{ type: 'regex', properties: { regex: options.regex, errorMessage: options.errorMessage } }],
			},
		],
	};
}

/** How a Dialog ID is written, for the fields' help. */
export const DIALOG_HELP =
	'chatNNN for a group chat (e.g. chat12), sgNNN for a workgroup chat (e.g. sg5), or NNN, a user ID, for the private dialog with that user';

export function dialogIdField(description: string): INodeProperties {
	return locatorField({
		displayName: 'Dialog ID',
		name: 'dialogId',
		description,
		searchListMethod: 'searchDialogs',
		listPlaceholder: 'Select a dialog...',
		idPlaceholder: 'chat12',
		regex: '^\\s*(?:[Cc][Hh][Aa][Tt]|[Ss][Gg])?0*[1-9]\\d*\\s*$',
		errorMessage: 'Use chatNNN (group chat), sgNNN (workgroup chat) or NNN (a user ID)',
	});
}

export function chatIdField(description: string): INodeProperties {
	return locatorField({
		displayName: 'Chat ID',
		name: 'chatId',
		description,
		searchListMethod: 'searchChats',
		listPlaceholder: 'Select a chat...',
		idPlaceholder: '12',
		regex: '^\\s*(?:[Cc][Hh][Aa][Tt])?0*[1-9]\\d*\\s*$',
		errorMessage: 'Use the chat\'s number, e.g. 12 (chat12 also works)',
	});
}

export function messageIdField(displayName: string, description: string): INodeProperties {
	return {
		displayName,
		name: 'messageId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '84869',
		description,
	};
}

export function binaryPropertyField(description: string): INodeProperties {
	return {
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the input binary field holding the file',
		description,
	};
}

/** The Authentication selector of both nodes; each of its values shows one credential (see `credentialsByAuthentication`). */
export function authenticationField(): INodeProperties {
	return {
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: [
			{ name: 'Incoming Webhook', value: 'webhook' },
			{ name: 'OAuth2', value: 'oAuth2' },
		],
		default: 'webhook',
	};
}

/** The credentials of both nodes, each shown for its Authentication value. */
export function credentialsByAuthentication(): INodeCredentialDescription[] {
	return [
		{ name: 'bitrix24WebhookApi', required: true, displayOptions: { show: { authentication: ['webhook'] } } },
		{ name: 'bitrix24OAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
	];
}

/** A collection of optional fields: "Options", "Additional Fields", "Filters". */
export function collectionField(
	displayName: string,
	name: string,
	placeholder: string,
	options: INodeProperties[],
): INodeProperties {
	return { displayName, name, type: 'collection', placeholder, default: {}, options };
}

export function booleanField(displayName: string, name: string, description: string, defaultValue = false): INodeProperties {
	// Two literals: n8n's linter wants a literal true or false as a boolean field's default.
	return defaultValue
		? { displayName, name, type: 'boolean', default: true, description }
		: { displayName, name, type: 'boolean', default: false, description };
}

/** Options → Timeout (Seconds), read back as `options.timeout` by both nodes. */
export function timeoutOption(description: string): INodeProperties {
	return {
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		default: 60,
		typeOptions: { minValue: 1 },
		description,
	};
}

export function userIdField(displayName: string, description: string): INodeProperties {
	return {
		displayName,
		name: 'userId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '42',
		description,
	};
}

/** The text of a message or notification (BB-codes allowed). */
export function messageTextField(description: string, required: boolean): INodeProperties {
	return {
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 3 },
		...(required && { required: true }),
		default: '',
		description,
	};
}
