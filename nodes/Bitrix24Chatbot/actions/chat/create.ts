import type { IDataObject } from 'n8n-workflow';

import { binaryPropertyField, collectionField } from '../../../shared/fields';
import type { ItemReader } from '../../../shared/operations';
import { singleCall } from '../../../shared/operations';
import { anySet, asBot, botDialogId, botField, COLOR_OPTIONS, colorField, DIALOG_HELP, dialogField, done, optionOf } from '../common';

/** Creating a chat as the bot, reading it and changing how it looks. */

const looksOptions = (what: string) => [
	{ ...binaryPropertyField(`The input binary field holding the ${what} avatar: an image`), name: 'avatarBinaryPropertyName', displayName: 'Avatar Binary Field', required: false },
	colorField(`The ${what} colour`),
	{ displayName: 'Description', name: 'description', type: 'string' as const, default: '' },
];

async function looks(read: ItemReader, collection: string): Promise<IDataObject> {
	const field = (name: string) => `${collection}.${name}`;
	return {
		description: read.optionalText(field('description')),
		color: read.optionalText(field('color')) ? optionOf(read, field('color'), COLOR_OPTIONS) : undefined,
		avatar: read.optionalText(field('avatarBinaryPropertyName')) ? await read.image(field('avatarBinaryPropertyName')) : undefined,
	};
}

const chatOf = (result: unknown) => ((result ?? {}) as { chat?: IDataObject }).chat ?? {};

export const create = singleCall({
	value: 'create',
	name: 'Create',
	action: 'Create a chat as the bot',
	description: 'Create a group chat the bot owns (unless Owner User ID says otherwise). Never repeated after a lost answer.',
	method: 'imbot.v2.Chat.add',
	fields: [
		botField,
		{ displayName: 'Title', name: 'title', type: 'string', default: '', placeholder: 'Support: order 1042', description: 'Empty: Bitrix24 names it after its first members' },
		{
			displayName: 'Member User IDs',
			name: 'userIds',
			type: 'string',
			default: '',
			placeholder: '2, 3',
			description: 'The users to add, as IDs separated by commas or an array from an expression; unknown users are skipped',
		},
		collectionField('Additional Fields', 'additionalFields', 'Add Field', [
			...looksOptions('chat\'s'),
			{ displayName: 'First Message', name: 'message', type: 'string', default: '', description: 'A first message from the bot' },
			{ displayName: 'Owner User ID', name: 'ownerId', type: 'string', default: '', description: 'Who owns the chat; empty: the bot' },
		]),
	],
	toParams: async (read) =>
		asBot(read, {
			fields: {
				title: read.optionalText('title'),
				userIds: read.optionalPositiveIntegers('userIds'),
				...(await looks(read, 'additionalFields')),
				message: read.optionalText('additionalFields.message'),
				ownerId: read.optionalPositiveInteger('additionalFields.ownerId'),
			},
		}),
	shape: ({ result }) => {
		const chat = chatOf(result);
		return { chatId: chat.id, dialogId: chat.dialogId };
	},
	// A repeat after a lost answer could create a second chat; not batched: an avatar can be large.
	retrySafe: false,
	batchable: false,
});

export const get = singleCall({
	value: 'get',
	name: 'Get',
	action: 'Get a chat the bot is in',
	description: 'Get a chat as the bot sees it: its title, type, owner, the bot\'s role, managers and counters',
	method: 'imbot.v2.Chat.get',
	fields: [botField, dialogField(`The chat: ${DIALOG_HELP}`)],
	toParams: (read) => asBot(read, { dialogId: botDialogId(read) }),
	shape: ({ result }) => chatOf(result),
});

export const update = singleCall({
	value: 'update',
	name: 'Update',
	action: 'Update a chat as the bot',
	description: 'Change the title, description, colour or avatar of a chat the bot is in',
	method: 'imbot.v2.Chat.update',
	fields: [
		botField,
		dialogField(`The chat: ${DIALOG_HELP}`),
		collectionField('Update Fields', 'updateFields', 'Add Field', [
			...looksOptions('chat\'s'),
			{ displayName: 'Title', name: 'title', type: 'string', default: '' },
		]),
	],
	toParams: async (read) => {
		const fields = { title: read.optionalText('updateFields.title'), ...(await looks(read, 'updateFields')) };
		if (!anySet(fields)) read.invalid('updateFields', 'add at least one field to change', {});
		return asBot(read, { dialogId: botDialogId(read), fields });
	},
	shape: done((params) => ({ dialogId: params.dialogId })),
	// Sets fixed values. Not batched: an avatar can be large.
	batchable: false,
});
