import {
	attachmentsField,
	booleanField,
	collectionField,
	DIALOG_HELP,
	dialogIdField,
	keyboardField,
	menuField,
	messageIdField,
	messageTextField,
} from '../../../shared/fields';
import { singleCall, succeededWithId } from '../../../shared/operations';
import type { ResourceDescription } from '../../../shared/operations';

const LIKE_ACTIONS = { plus: 'plus', minus: 'minus', toggle: 'auto' } as const;
const SHARE_TYPES = { task: 'TASK', post: 'POST', calendarEvent: 'CALEND', chat: 'CHAT' } as const;

const urlPreviewField = () =>
	booleanField('URL Preview', 'urlPreview', 'Whether Bitrix24 shows a preview of the first link in the text', true);

/** `{success: true, messageId, ...}` for the changes of a message, which answer a bare `true`. */
const done = succeededWithId('messageId', 'MESSAGE_ID');

export const message: ResourceDescription = {
	value: 'message',
	name: 'Message',
	operations: [
		singleCall({
			value: 'send',
			name: 'Send',
			action: 'Send a message',
			description: 'Send a message to a dialog as the credential\'s user',
			method: 'im.message.add',
			fields: [
				dialogIdField(`Where to send: ${DIALOG_HELP}`),
				messageTextField(
					'The message text; Bitrix24 BB-codes such as [b]bold[/b] are allowed. Required unless Attachments are given.',
					false,
				),
				collectionField('Additional Fields', 'additionalFields', 'Add Field', [
					attachmentsField(),
					keyboardField,
					menuField,
					{
						displayName: 'Reply To Message ID',
						name: 'replyToMessageId',
						type: 'string',
						default: '',
						description: 'The message this one answers; it must be in the same dialog',
					},
					booleanField('System Message', 'system', 'Whether to send it as a system message (shown without an author)'),
					urlPreviewField(),
				]),
			],
			toParams: (read) => {
				const attach = read.attach('additionalFields.attachments');
				return {
					DIALOG_ID: read.dialogId('dialogId'),
					// Bitrix24 takes a message without text when it has attachments.
					MESSAGE: attach === undefined ? read.text('text') : read.optionalText('text'),
					ATTACH: attach,
					KEYBOARD: read.json('additionalFields.keyboard'),
					MENU: read.json('additionalFields.menu'),
					SYSTEM: read.flag('additionalFields.system', false),
					URL_PREVIEW: read.flag('additionalFields.urlPreview', true),
					REPLY_ID: read.optionalPositiveInteger('additionalFields.replyToMessageId'),
				};
			},
			shape: ({ result }, params) => ({ messageId: result as number, dialogId: params.DIALOG_ID as string }),
			// A repeat after a lost answer would post the message twice.
			retrySafe: false,
		}),
		singleCall({
			value: 'update',
			name: 'Update',
			action: 'Update a message',
			description: 'Change the text, attachments, keyboard or menu of a message the credential\'s user sent',
			method: 'im.message.update',
			fields: [
				messageIdField('Message ID', 'The message to change; the credential\'s user must be its author. A whole number greater than 0.'),
				messageTextField(
					'The new text; BB-codes allowed. It cannot be empty: Bitrix24 deletes a message whose text is updated to empty (use Delete for that).',
					true,
				),
				collectionField('Additional Fields', 'additionalFields', 'Add Field', [
					attachmentsField(),
					keyboardField,
					menuField,
					booleanField('Mark as Edited', 'isEdited', 'Whether Bitrix24 shows the message as edited', true),
					urlPreviewField(),
				]),
			],
			toParams: (read) => {
				const text = read.optionalText('text');
				if (text === undefined) {
					read.invalid(
						'text',
						'it must not be empty: Bitrix24 would delete the message instead of updating it (use Message → Delete to delete)',
					);
				}
				return {
					MESSAGE_ID: read.positiveInteger('messageId'),
					MESSAGE: text,
					ATTACH: read.attach('additionalFields.attachments'),
					KEYBOARD: read.json('additionalFields.keyboard'),
					MENU: read.json('additionalFields.menu'),
					IS_EDITED: read.flag('additionalFields.isEdited', true),
					URL_PREVIEW: read.flag('additionalFields.urlPreview', true),
				};
			},
			shape: done(),
			// Setting the same content again leaves the same message.
		}),
		singleCall({
			value: 'delete',
			name: 'Delete',
			action: 'Delete a message',
			description: 'Delete a message the credential\'s user sent',
			method: 'im.message.delete',
			fields: [
				messageIdField('Message ID', 'The message to delete; the credential\'s user must be its author. A whole number greater than 0.'),
			],
			toParams: (read) => ({ MESSAGE_ID: read.positiveInteger('messageId') }),
			shape: done(),
			// A repeat cannot delete anything else (it may answer CANT_EDIT_MESSAGE for the already deleted message).
		}),
		singleCall({
			value: 'like',
			name: 'Like',
			action: 'Like or unlike a message',
			description: 'Add, remove or toggle the credential\'s user\'s like on a message',
			method: 'im.message.like',
			fields: [
				messageIdField('Message ID', 'The message to like; the credential\'s user must be in its dialog. A whole number greater than 0.'),
				{
					displayName: 'Action',
					name: 'likeAction',
					type: 'options',
					options: [
						{ name: 'Like', value: 'plus', description: 'Add the like (Bitrix24 answers WITHOUT_CHANGES if it is already there)' },
						{ name: 'Remove Like', value: 'minus', description: 'Remove the like (WITHOUT_CHANGES if there is none)' },
						{ name: 'Toggle', value: 'toggle', description: 'Add the like if there is none, remove it otherwise' },
					],
					default: 'plus',
					description: 'What to do with the like',
				},
			],
			toParams: (read) => ({
				MESSAGE_ID: read.positiveInteger('messageId'),
				ACTION: LIKE_ACTIONS[read.choice('likeAction', ['plus', 'minus', 'toggle'] as const)],
			}),
			shape: done((params) => ({ action: params.ACTION as string })),
			// Toggle repeated after a lost answer would undo the like; the flag is per operation, so none is retried.
			retrySafe: false,
		}),
		singleCall({
			value: 'share',
			name: 'Share',
			action: 'Share a message as a task, post, event or chat',
			description: 'Create a task, a feed post, a calendar event or a new chat from a message',
			method: 'im.message.share',
			fields: [
				messageIdField('Message ID', 'The message to share. A whole number greater than 0.'),
				dialogIdField(`The dialog the message is in: ${DIALOG_HELP}`),
				{
					displayName: 'Share As',
					name: 'shareAs',
					type: 'options',
					options: [
						{ name: 'Calendar Event', value: 'calendarEvent' },
						{ name: 'Chat', value: 'chat', description: 'A new group chat to discuss the message' },
						{ name: 'Feed Post', value: 'post' },
						{ name: 'Task', value: 'task' },
					],
					default: 'task',
					description: 'What Bitrix24 creates from the message',
				},
			],
			toParams: (read) => ({
				MESSAGE_ID: read.positiveInteger('messageId'),
				DIALOG_ID: read.dialogId('dialogId'),
				TYPE: SHARE_TYPES[read.choice('shareAs', ['task', 'post', 'calendarEvent', 'chat'] as const)],
			}),
			shape: done((params) => ({ dialogId: params.DIALOG_ID as string, type: params.TYPE as string })),
			// A repeat would create a second task, post, event or chat.
			retrySafe: false,
		}),
		singleCall({
			value: 'runBotCommand',
			name: 'Run Bot Command',
			action: 'Run a bot command on a message',
			description: 'Run a chat bot\'s command on a message, as if the user had clicked it',
			method: 'im.message.command',
			fields: [
				messageIdField('Message ID', 'The message the command runs on (usually the bot\'s message with the button). A whole number greater than 0.'),
				{
					displayName: 'Bot ID',
					name: 'botId',
					type: 'string',
					required: true,
					default: '',
					placeholder: '6',
					description: 'The bot\'s user ID. A whole number greater than 0.',
				},
				{
					displayName: 'Command',
					name: 'command',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'echo',
					description: 'The command the bot registered, without or with the leading slash, e.g. echo or /echo',
				},
				{
					displayName: 'Command Parameters',
					name: 'commandParams',
					type: 'string',
					default: '',
					description: 'Text passed to the command, e.g. 42',
				},
			],
			toParams: (read) => {
				const command = read.text('command').replace(/^\/+/, '');
				if (command === '') read.invalid('command', 'it must name a command, not only a slash');
				return {
					MESSAGE_ID: read.positiveInteger('messageId'),
					BOT_ID: read.positiveInteger('botId'),
					COMMAND: command,
					COMMAND_PARAMS: read.optionalText('commandParams'),
				};
			},
			shape: done((params) => ({ botId: params.BOT_ID as number, command: params.COMMAND as string })),
			// The bot would act on the command twice.
			retrySafe: false,
		}),
	],
};
