import { DIALOG_HELP, dialogIdField, messageIdField } from '../../../shared/fields';
import { singleCall } from '../../../shared/operations';
import { done } from './common';

/** Acting on a message: like it, share it as a task, post, event or chat, run a bot's command on it. */

const LIKE_ACTIONS = { plus: 'plus', minus: 'minus', toggle: 'auto' } as const;
const SHARE_TYPES = { task: 'TASK', post: 'POST', calendarEvent: 'CALEND', chat: 'CHAT' } as const;

export const like = singleCall({
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
});

export const share = singleCall({
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
});

export const runBotCommand = singleCall({
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
});
