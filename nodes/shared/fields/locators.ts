import type { INodeProperties } from 'n8n-workflow';

import type { DialogIdOptions } from '../values';
import { ID_DIGITS } from '../values';

/** A resource locator: a searchable list (`searchListMethod`) or an ID the editor checks with `regex`. */
export function locatorField(options: {
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

/** How the notifications dialog is written, for the help of the fields that take it. */
export const NOTIFY_HELP = 'or notify for the notifications';

const NOTIFY = '[Nn][Oo][Tt][Ii][Ff][Yy]';

/** The Dialog ID field; with `notify`, for an operation whose method also takes the notifications dialog. */
export function dialogIdField(description: string, { notify = false }: DialogIdOptions = {}): INodeProperties {
	const ids = `(?:[Cc][Hh][Aa][Tt]|[Ss][Gg])?${ID_DIGITS}`;
	return locatorField({
		displayName: 'Dialog ID',
		name: 'dialogId',
		description,
		searchListMethod: 'searchDialogs',
		listPlaceholder: 'Select a dialog...',
		idPlaceholder: 'chat12',
		regex: notify ? `^\\s*(?:${ids}|${NOTIFY})\\s*$` : `^\\s*${ids}\\s*$`,
		errorMessage: `Use chatNNN (group chat), sgNNN (workgroup chat)${notify ? ', NNN (a user ID) or notify' : ' or NNN (a user ID)'}`,
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
		regex: `^\\s*(?:[Cc][Hh][Aa][Tt])?${ID_DIGITS}\\s*$`,
		errorMessage: 'Use the chat\'s number, e.g. 12 (chat12 also works)',
	});
}

/** The bot a Chatbot node acts as or listens to: one of the credential's bots, or its ID. */
export const botField: INodeProperties = locatorField({
	displayName: 'Bot',
	name: 'botId',
	description: 'The bot that acts: one of the bots of this credential (its token or OAuth2 app), or its ID',
	searchListMethod: 'searchBots',
	listPlaceholder: 'Select a bot...',
	idPlaceholder: '456',
	regex: `^\\s*${ID_DIGITS}\\s*$`,
	errorMessage: 'Use the bot\'s ID, a whole number, e.g. 456',
});
