import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { chatIdField } from '../../../shared/fields';
import { succeededWithId } from '../../../shared/operations';

/** Bitrix24's chat colours (im.chat.add COLOR, im.chat.updateColor). */
export const CHAT_COLORS = [
	'RED',
	'GREEN',
	'MINT',
	'LIGHT_BLUE',
	'DARK_BLUE',
	'PURPLE',
	'AQUA',
	'PINK',
	'LIME',
	'BROWN',
	'AZURE',
	'KHAKI',
	'SAND',
	'MARENGO',
	'GRAY',
	'GRAPHITE',
] as const;

const colorOptions = CHAT_COLORS.map((value) => ({
	name: value
		.split('_')
		.map((word) => word.charAt(0) + word.slice(1).toLowerCase())
		.join(' '),
	value,
}));

export const colorField = (description: string, required: boolean): INodeProperties => ({
	displayName: 'Color',
	name: 'color',
	type: 'options',
	options: colorOptions,
	...(required && { required: true }),
	default: 'AZURE',
	description,
});

/** The chat field every operation but Create shares. */
export const chatField = (what: string) =>
	chatIdField(`${what}: the chat's number without the "chat" prefix, e.g. 12 for dialog chat12`);

export const chatIdOf = (params: IDataObject) => params.CHAT_ID as number;

/** What a `true` answer of a chat change means, with the ids it was about. */
export const done = succeededWithId('chatId', 'CHAT_ID');

