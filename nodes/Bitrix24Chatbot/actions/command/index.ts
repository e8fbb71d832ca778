import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { booleanField, collectionField, messageTextField } from '../../../shared/fields';
import type { ItemReader, ResourceDescription } from '../../../shared/operations';
import { singleCall } from '../../../shared/operations';
import {
	anySet,
	asBot,
	botDialogId,
	botField,
	contentOptions,
	DIALOG_HELP,
	dialogField,
	done,
	messageContent,
	messageIdField,
} from '../common';

/** Slash commands of the bot (also what keyboard buttons with COMMAND run), and answering them. */

const commandIdField = messageIdField('The command\'s ID, from Register or Get Many, or the trigger\'s command event', 'commandId', 'Command ID');

const commandOptions: INodeProperties[] = [
	booleanField('Available Everywhere', 'common', 'Whether users may use it in any chat, not only in the bot\'s dialogs and chats'),
	booleanField('Extranet Users', 'extranetSupport', 'Whether extranet users may use it'),
	booleanField('Hidden', 'hidden', 'Whether to leave it out of the command list (it still runs, e.g. from a button)'),
	{ displayName: 'Language', name: 'language', type: 'string', default: 'en', description: 'The language of Title and Parameters Hint, e.g. en or de' },
	{ displayName: 'Parameters Hint', name: 'paramsHint', type: 'string', default: '', placeholder: 'topic', description: 'What to type after the command, shown in the list' },
];

/** `/help` or `help` → `help`; a command is one word. */
function commandName(read: ItemReader, field: string): string | undefined {
	const text = read.optionalText(field);
	if (text === undefined) return undefined;
	const name = text.replace(/^\/+/, '');
	if (!/^[^\s/]+$/.test(name)) read.invalid(field, 'it must be one word, with or without the leading slash, e.g. help or /help');
	return name;
}

/** Title and hint keyed by language, as Bitrix24 takes them. */
function texts(read: ItemReader, collection: string, title: string | undefined): IDataObject {
	const language = read.optionalText(`${collection}.language`) ?? 'en';
	if (!/^[a-z]{2}$/i.test(language)) read.invalid(`${collection}.language`, 'it must be a two-letter language code, e.g. en');
	const hint = read.optionalText(`${collection}.paramsHint`);
	return {
		title: title === undefined ? undefined : { [language.toLowerCase()]: title },
		params: hint === undefined ? undefined : { [language.toLowerCase()]: hint },
	};
}

const flags = (read: ItemReader, collection: string): IDataObject => ({
	common: read.optionalFlag(`${collection}.common`),
	hidden: read.optionalFlag(`${collection}.hidden`),
	extranetSupport: read.optionalFlag(`${collection}.extranetSupport`),
});

const commandOf = (result: unknown) => ((result ?? {}) as { command?: IDataObject }).command ?? {};

const register = singleCall({
	value: 'register',
	name: 'Register',
	action: 'Register a bot command',
	description: 'Add a slash command to the bot (or return the existing one of that name unchanged)',
	method: 'imbot.v2.Command.register',
	fields: [
		botField,
		{ displayName: 'Command', name: 'command', type: 'string', required: true, default: '', placeholder: 'help', description: 'The command users type after a slash, e.g. help for /help' },
		{ displayName: 'Title', name: 'title', type: 'string', default: '', placeholder: 'Show help', description: 'What the command does, shown in the command list; required unless Hidden' },
		collectionField('Additional Fields', 'additionalFields', 'Add Field', commandOptions),
	],
	toParams: (read) => {
		const command = commandName(read, 'command') ?? read.text('command');
		const title = read.optionalText('title');
		const options = flags(read, 'additionalFields');
		if (title === undefined && options.hidden !== 'Y') read.invalid('title', 'a command in the list needs a title (or make it Hidden)');
		return asBot(read, { fields: { command, ...texts(read, 'additionalFields', title), ...options } });
	},
	shape: ({ result }) => commandOf(result),
	// Documented idempotent: the same command of the same bot comes back unchanged.
});

const update = singleCall({
	value: 'update',
	name: 'Update',
	action: 'Update a bot command',
	description: 'Rename a command or change its title, hint and flags',
	method: 'imbot.v2.Command.update',
	fields: [
		botField,
		commandIdField,
		collectionField('Update Fields', 'updateFields', 'Add Field', [
			...commandOptions,
			{ displayName: 'Command', name: 'command', type: 'string', default: '', description: 'A new name, e.g. support' },
			{ displayName: 'Title', name: 'title', type: 'string', default: '' },
		]),
	],
	toParams: (read) => {
		const fields = {
			command: commandName(read, 'updateFields.command'),
			...texts(read, 'updateFields', read.optionalText('updateFields.title')),
			...flags(read, 'updateFields'),
		};
		if (!anySet(fields)) read.invalid('updateFields', 'add at least one field to change', {});
		return asBot(read, { commandId: read.positiveInteger('commandId'), fields });
	},
	shape: ({ result }) => commandOf(result),
});

const getMany = singleCall({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get the bot\'s commands',
	description: 'List the bot\'s commands, one item each',
	method: 'imbot.v2.Command.list',
	fields: [botField],
	toParams: (read) => asBot(read, {}),
	shape: ({ result }) => ((result ?? {}) as { commands?: IDataObject[] }).commands ?? [],
});

const unregister = singleCall({
	value: 'unregister',
	name: 'Unregister',
	action: 'Unregister a bot command',
	description: 'Remove a command from the bot',
	method: 'imbot.v2.Command.unregister',
	fields: [botField, commandIdField],
	toParams: (read) => asBot(read, { commandId: read.positiveInteger('commandId') }),
	shape: done((params) => ({ commandId: params.commandId })),
	// A repeat cannot remove anything else (it answers COMMAND_NOT_FOUND).
});

const answer = singleCall({
	value: 'answer',
	name: 'Answer',
	action: 'Answer a command',
	description:
		'Reply to a command a user typed or pressed, in its dialog (also where the bot is not a member). Never repeated after a lost answer: Bitrix24 may already have posted it.',
	method: 'imbot.v2.Command.answer',
	fields: [
		botField,
		commandIdField,
		messageIdField('The message the command came with (the command event\'s message ID). A whole number greater than 0.'),
		dialogField(`The dialog of the command event: ${DIALOG_HELP}`),
		messageTextField('The answer, at most 20,000 characters; BB-codes allowed. Required unless Attachments are given.', false),
		collectionField('Additional Fields', 'additionalFields', 'Add Field', contentOptions),
	],
	toParams: (read) =>
		asBot(read, {
			commandId: read.positiveInteger('commandId'),
			messageId: read.positiveInteger('messageId'),
			dialogId: botDialogId(read),
			fields: messageContent(read),
		}),
	shape: done((params) => ({ commandId: params.commandId, messageId: params.messageId, dialogId: params.dialogId })),
	// A repeat after a lost answer would post the answer twice.
	retrySafe: false,
});

export const command: ResourceDescription = {
	value: 'command',
	name: 'Command',
	operations: [register, update, getMany, unregister, answer],
};
