import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { booleanField } from '../../../shared/fields';
import type { ItemReader } from '../../../shared/operations';
import { COLOR_OPTIONS, colorField, optionOf } from '../common';

/** What Register and Update share: the bot's profile, its flags, and the answer {bot, users} as one item. */

export const BOT_TYPES = [
	{ name: 'Bot', value: 'bot', description: 'Gets private messages and messages that mention it' },
	{ name: 'Open Channel', value: 'openline', description: 'Answers customers in Open Channels' },
	{ name: 'Personal', value: 'personal', description: 'An assistant: gets every message of its chats and may read their history' },
	{ name: 'Supervisor', value: 'supervisor', description: 'Gets every message of its chats and may read their history' },
];

const BACKGROUNDS = ['azure', 'mint', 'steel', 'slate', 'teal', 'cornflower', 'sky', 'peach', 'frost'].map((value) => ({
	name: value.charAt(0).toUpperCase() + value.slice(1),
	value,
}));

const GENDERS = [
	{ name: 'Female', value: 'F' },
	{ name: 'Male', value: 'M' },
];

/** The optional profile fields of Register and Update. */
export const profileOptions: INodeProperties[] = [
	{
		displayName: 'Avatar Binary Field',
		name: 'avatarBinaryPropertyName',
		type: 'string',
		default: 'data',
		description: 'The input binary field holding the avatar: an image (PNG, JPEG or GIF) up to 5000×5000',
	},
	{
		displayName: 'Background',
		name: 'backgroundId',
		type: 'options',
		options: BACKGROUNDS,
		default: 'azure',
		description: 'The background of the bot\'s dialogs',
	},
	colorField('The colour of the bot\'s avatar placeholder'),
	{ displayName: 'Gender', name: 'gender', type: 'options', options: GENDERS, default: 'F' },
	booleanField('Hidden', 'isHidden', 'Whether the bot is hidden from the portal\'s contact list'),
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
	booleanField('Reactions Enabled', 'isReactionsEnabled', 'Whether users can react to the bot\'s messages (a reaction starts a reaction event)', true),
	booleanField(
		'Supports Open Channels',
		'isSupportOpenline',
		'Whether a bot of type Bot also serves Open Channels (for Open Channel operations)',
	),
	{ displayName: 'Work Position', name: 'workPosition', type: 'string', default: '', placeholder: 'AI assistant' },
];

/** The profile and flags set in the collection `collection` (only those set); `name` is read by the caller. */
export async function readProfile(read: ItemReader, collection: string): Promise<{ properties: IDataObject; flags: IDataObject }> {
	const field = (name: string) => `${collection}.${name}`;
	const set = (name: string) => read.optionalText(field(name)) !== undefined;
	const properties: IDataObject = {
		lastName: read.optionalText(field('lastName')),
		workPosition: read.optionalText(field('workPosition')),
		color: set('color') ? optionOf(read, field('color'), COLOR_OPTIONS) : undefined,
		gender: set('gender') ? optionOf(read, field('gender'), GENDERS) : undefined,
		avatar: set('avatarBinaryPropertyName') ? await read.image(field('avatarBinaryPropertyName')) : undefined,
	};
	const flags: IDataObject = {
		isHidden: read.optionalFlag(field('isHidden')),
		isReactionsEnabled: read.optionalFlag(field('isReactionsEnabled')),
		isSupportOpenline: read.optionalFlag(field('isSupportOpenline')),
		backgroundId: set('backgroundId') ? optionOf(read, field('backgroundId'), BACKGROUNDS) : undefined,
	};
	return { properties, flags };
}

interface BotAnswer {
	bot?: IDataObject;
	users?: IDataObject[];
}

/** A bot with its name, from an answer's bot and its users. */
export function botItem(bot: IDataObject, users: IDataObject[] = []): IDataObject {
	const user = users.find((entry) => entry.id === bot.id) ?? {};
	return {
		botId: bot.id,
		code: bot.code,
		name: user.name,
		type: bot.type,
		eventMode: bot.eventMode,
		isHidden: bot.isHidden,
		isReactionsEnabled: bot.isReactionsEnabled,
		isSupportOpenline: bot.isSupportOpenline,
		backgroundId: bot.backgroundId,
	};
}

/** Register, Update, Get: {bot, users} → one item. */
export function botOf(result: unknown): IDataObject {
	const { bot = {}, users = [] } = (result ?? {}) as BotAnswer;
	return botItem(bot, users);
}
