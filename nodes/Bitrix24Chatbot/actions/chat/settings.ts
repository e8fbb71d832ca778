import { collectionField, userIdField } from '../../../shared/fields';
import { singleCall } from '../../../shared/operations';
import type { ItemReader } from '../../../shared/operations';
import { asBot, botDialogId, botField, DIALOG_HELP, dialogField, done, optionOf } from '../common';

/** The bot's place in a chat (leave, hand over) and the chat's interface (typing indicator, text field). */

const chatField = () => dialogField(`The chat: ${DIALOG_HELP}`);
const inChat = (read: ItemReader) => asBot(read, { dialogId: botDialogId(read) });
const echoDialog = done((params) => ({ dialogId: params.dialogId }));

const STATUSES = [
	{ name: 'Typing', value: 'typing' },
	...['THINKING', 'SEARCHING', 'GENERATING', 'ANALYZING', 'PROCESSING', 'TRANSLATING', 'CONNECTING', 'CHECKING', 'CALCULATING', 'READING_DOCS', 'COMPOSING']
		.map((status) => ({ name: status.charAt(0) + status.slice(1).toLowerCase().replace('_', ' '), value: `IMBOT_AGENT_ACTION_${status}` })),
];

export const leave = singleCall({
	value: 'leave',
	name: 'Leave',
	action: 'Leave a chat',
	description: 'Make the bot leave a group chat',
	method: 'imbot.v2.Chat.leave',
	fields: [botField, chatField()],
	toParams: inChat,
	shape: echoDialog,
	// A repeat after a lost answer would report ACCESS_DENIED for a chat the bot left.
	retrySafe: false,
});

export const setOwner = singleCall({
	value: 'setOwner',
	name: 'Set Owner',
	action: 'Hand a chat over to a member',
	description: 'Make a member the owner of a chat the bot owns; the bot then no longer owns it',
	method: 'imbot.v2.Chat.setOwner',
	fields: [botField, chatField(), userIdField('New Owner User ID', 'The member who becomes the owner, e.g. 42')],
	toParams: (read) => asBot(read, { dialogId: botDialogId(read), userId: read.positiveInteger('userId') }),
	shape: done((params) => ({ dialogId: params.dialogId, ownerId: params.userId })),
	// After it the bot is no longer the owner: a repeat would fail.
	retrySafe: false,
});

export const showTyping = singleCall({
	value: 'showTyping',
	name: 'Show Typing',
	action: 'Show that the bot is typing',
	description: 'Show "typing…" (or thinking, searching, …) under the bot\'s name in a chat, for example while an AI agent works',
	method: 'imbot.v2.Chat.InputAction.notify',
	fields: [
		botField,
		chatField(),
		collectionField('Additional Fields', 'additionalFields', 'Add Field', [
			{
				displayName: 'Duration (Seconds)',
				name: 'duration',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 600 },
				default: 30,
				description: 'How long the indicator shows (1 to 600 seconds) unless the bot posts first',
			},
			{ displayName: 'Status', name: 'status', type: 'options', options: STATUSES, default: 'typing', description: 'What the indicator says' },
		]),
	],
	toParams: (read) => {
		const status = read.optionalText('additionalFields.status') ? optionOf(read, 'additionalFields.status', STATUSES) : 'typing';
		const duration = read.optionalPositiveInteger('additionalFields.duration');
		if (duration !== undefined && duration > 600) read.invalid('additionalFields.duration', 'it must be from 1 to 600 seconds');
		return asBot(read, { dialogId: botDialogId(read), statusMessageCode: status === 'typing' ? undefined : status, duration });
	},
	shape: echoDialog,
});

const textField = (enabled: boolean) =>
	singleCall({
		value: enabled ? 'enableTextField' : 'disableTextField',
		name: enabled ? 'Enable Text Field' : 'Disable Text Field',
		action: enabled ? 'Let users type to the bot' : 'Stop users from typing to the bot',
		description: enabled
			? 'Show the text field of a chat again, so users can type'
			: 'Hide the text field of a chat, so users answer with the keyboard\'s buttons only',
		method: 'imbot.v2.Chat.TextField.enabled',
		fields: [botField, chatField()],
		toParams: (read) => asBot(read, { dialogId: botDialogId(read), enabled: enabled ? 'Y' : 'N' }),
		shape: done((params) => ({ dialogId: params.dialogId, textFieldEnabled: enabled })),
	});

export const enableTextField = textField(true);
export const disableTextField = textField(false);
