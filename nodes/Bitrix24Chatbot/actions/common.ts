import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { attachmentsField, booleanField, botField, keyboardField as imKeyboardField } from '../../shared/fields';
import type { ItemReader } from '../../shared/operations';
import { succeeded } from '../../shared/operations';

export { botField };

export const DIALOG_HELP =
	'chatNNN for a group chat (e.g. chat12) or NNN, a user ID, for the bot\'s private dialog with that user; from a Bitrix24 Chatbot Trigger event use its dialogId';

export function dialogField(description: string): INodeProperties {
	return { displayName: 'Dialog ID', name: 'dialogId', type: 'string', required: true, default: '', placeholder: 'chat12', description };
}

/** The dialog as imbot.v2 names it: `chatNNN` or a user ID (workgroup ids `sgNNN` are not accepted). */
export function botDialogId(read: ItemReader, field = 'dialogId'): string {
	const dialogId = read.dialogId(field);
	if (dialogId.startsWith('sg')) read.invalid(field, 'a chat bot names a dialog chatNNN or by a user ID, not sgNNN');
	return dialogId;
}

export function messageIdField(description: string, name = 'messageId', displayName = 'Message ID'): INodeProperties {
	return { displayName, name, type: 'string', required: true, default: '', placeholder: '789', description };
}

/** The bot and these parameters: the shape of nearly every imbot.v2 call. */
export function asBot(read: ItemReader, params: IDataObject): IDataObject {
	return { botId: read.resourceId('botId'), ...params };
}

/** Bitrix24 cuts longer texts and ends them with " (...)"; the node refuses them instead. */
const MAX_TEXT = 20000;

/** A message text (BB-codes), at most 20,000 characters; undefined when empty. */
export function messageText(read: ItemReader, field: string): string | undefined {
	const text = read.optionalText(field);
	if (text !== undefined && text.length > MAX_TEXT) {
		read.invalid(field, `it is ${text.length} characters; Bitrix24 keeps at most ${MAX_TEXT} and cuts the rest`, `${text.slice(0, 40)}…`);
	}
	return text;
}

const BUTTON_ACTIONS = ['COMMAND', 'LINK', 'ACTION', 'APP_ID'];

function isButton(button: unknown): boolean {
	if (typeof button !== 'object' || button === null || Array.isArray(button)) return false;
	const entry = button as IDataObject;
	if (String(entry.TYPE ?? '').toUpperCase() === 'NEWLINE') return true;
	return typeof entry.TEXT === 'string' && entry.TEXT.trim() !== '' && BUTTON_ACTIONS.some((key) => entry[key] !== undefined && entry[key] !== '');
}

/** A keyboard: a list of buttons, or `{BUTTONS: [...]}` (BOT_ID is added by Bitrix24); undefined when empty. */
export function keyboard(read: ItemReader, field: string): IDataObject | IDataObject[] | undefined {
	const value = read.json(field);
	if (value === undefined) return undefined;
	const buttons = Array.isArray(value) ? value : value.BUTTONS;
	if (!Array.isArray(buttons) || buttons.length === 0 || !buttons.every(isButton)) {
		read.invalid(field, 'it must be a list of buttons, each with TEXT and one of COMMAND, LINK, ACTION or APP_ID (or {"TYPE": "NEWLINE"})');
	}
	return value;
}

export const keyboardField: INodeProperties = {
	...imKeyboardField,
	description:
		'Buttons under the message, as JSON: a list of buttons, e.g. [{"TEXT": "Yes", "COMMAND": "answer", "COMMAND_PARAMS": "yes"}, {"TYPE": "NEWLINE"}, {"TEXT": "Open", "LINK": "https://example.com"}]. A COMMAND button needs the command registered for this bot (Command → Register); pressing it starts a command event.',
};

export const urlPreviewField = booleanField('URL Preview', 'urlPreview', 'Whether Bitrix24 shows a preview of the first link in the text', true);

/** The optional parts of a message the bot posts (Send, Command → Answer), under Additional Fields. */
export const contentOptions: INodeProperties[] = [
	attachmentsField(),
	keyboardField,
	booleanField('System Message', 'system', 'Whether to post it as a system message (shown without an author)'),
	urlPreviewField,
];

/** A message the bot posts: Text and the Additional Fields of `contentOptions`, as imbot.v2's `fields`. */
export function messageContent(read: ItemReader): IDataObject {
	const attach = read.attach('additionalFields.attachments');
	const text = messageText(read, 'text');
	if (text === undefined && attach === undefined) read.invalid('text', 'it must not be empty unless Attachments are given');
	return {
		message: text,
		attach,
		keyboard: keyboard(read, 'additionalFields.keyboard'),
		system: read.flag('additionalFields.system', false),
		urlPreview: read.flag('additionalFields.urlPreview', true),
	};
}

/** The v2 chat colours (Chat.add, Bot properties), as the editor lists them. */
export const COLOR_OPTIONS = ['red', 'green', 'mint', 'lightBlue', 'darkBlue', 'purple', 'aqua', 'pink', 'lime', 'brown', 'azure',
	'khaki', 'sand', 'marengo', 'gray', 'graphite'].map((value) => ({ name: value.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase()), value }));

export function colorField(description: string): INodeProperties {
	return { displayName: 'Color', name: 'color', type: 'options', options: COLOR_OPTIONS, default: 'azure', description };
}

/** One of the listed options of an options field (an expression is checked against the list). */
export function optionOf(read: ItemReader, field: string, options: Array<{ value: string }>): string {
	return read.choice(field, options.map(({ value }) => value));
}

/** `{success: true, botId, ...}` for the changes whose answer is a bare `true`. */
export const done = (echo: (params: IDataObject) => IDataObject = () => ({})) =>
	succeeded((params) => ({ botId: params.botId, ...echo(params) }));

/** Whether any of these values is set: an update needs at least one. */
export function anySet(values: IDataObject): boolean {
	return Object.values(values).some((value) => value !== undefined);
}
