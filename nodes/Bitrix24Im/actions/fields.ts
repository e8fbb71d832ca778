import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../transport/errors';
import type { ItemReader } from './types';

const DIALOG_ID = /^(chat|sg)?(\d+)$/i;

/** `chat12`, `CHAT12` → `chat12`; `sg5`; `42` (a user id). Undefined when Bitrix24 would reject it. */
export function normalizeDialogId(value: unknown): string | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const match = DIALOG_ID.exec(String(value).trim());
	if (!match || /^0+$/.test(match[2])) return undefined;
	return `${(match[1] ?? '').toLowerCase()}${match[2]}`;
}

/** A whole number > 0, from a number or a numeric string; undefined otherwise (0, -5, 1.5, 'abc', ''). */
export function toPositiveInteger(value: unknown): number | undefined {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (!/^\d+$/.test(text)) return undefined;
	const number = Number(text);
	return number > 0 && Number.isSafeInteger(number) ? number : undefined;
}

/** A string that is not empty once trimmed; undefined otherwise. */
export function toText(value: unknown): string | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	return text === '' ? undefined : text;
}

export function createItemReader(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: INodeProperties[],
): ItemReader {
	const node = context.getNode();
	const labelOf = (path: string) => {
		const [name, inner] = path.split('.');
		const property = fields.find((entry) => entry.name === name);
		const nested = inner ? (property?.options as INodeProperties[] | undefined)?.find((entry) => entry.name === inner) : property;
		return nested?.displayName ?? path;
	};
	const read = <T>(field: string, convert: (value: unknown) => T | undefined, expected: string): T => {
		const value = context.getNodeParameter(field, itemIndex, '');
		const converted = convert(value);
		if (converted === undefined) throw inputError(node, itemIndex, labelOf(field), value, expected);
		return converted;
	};
	return {
		itemIndex,
		dialogId: (field) =>
			read(field, normalizeDialogId, 'use chatNNN for a group chat, sgNNN for a workgroup chat or NNN (a user id) for a private dialog'),
		positiveInteger: (field) => read(field, toPositiveInteger, 'it must be a whole number greater than 0'),
		optionalPositiveInteger: (field) => {
			const value = context.getNodeParameter(field, itemIndex, '');
			if (value === '' || value === undefined || value === null) return undefined;
			return read(field, toPositiveInteger, 'it must be a whole number greater than 0, or empty');
		},
		text: (field) => read(field, toText, 'it must not be empty'),
		flag: (field, fallback) => (context.getNodeParameter(field, itemIndex, fallback) === true ? 'Y' : 'N'),
	};
}

export function dialogIdField(description: string): INodeProperties {
	return {
		displayName: 'Dialog ID',
		name: 'dialogId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'chat12',
		description,
	};
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
