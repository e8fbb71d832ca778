import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { singleCall } from '../../../shared/operations';
import { asBot, botDialogId, botField, DIALOG_HELP, dialogField, messageIdField } from '../common';

/** Reading messages: marking them read, and (Supervisor and Personal bots only) fetching them. */

const READERS_ONLY: INodeProperties = {
	displayName:
		'Only bots of type Supervisor or Personal may read messages; other bots get BOT_TYPE_NOT_ALLOWED (they get each message in their trigger event)',
	name: 'readersOnlyNotice',
	type: 'notice',
	default: '',
};

interface MessageAnswer {
	message?: IDataObject;
	messages?: IDataObject[];
	user?: IDataObject;
	users?: IDataObject[];
	hasPrevPage?: boolean;
	hasNextPage?: boolean;
}

export const markRead = singleCall({
	value: 'markRead',
	name: 'Mark Read',
	action: 'Mark messages read as the bot',
	description: 'Mark a dialog read for the bot, up to a message or all of it',
	method: 'imbot.v2.Chat.Message.read',
	fields: [
		botField,
		dialogField(`The dialog: ${DIALOG_HELP}`),
		{
			displayName: 'Up To Message ID',
			name: 'upToMessageId',
			type: 'string',
			default: '',
			description: 'That message and every earlier one become read; empty reads the whole dialog',
		},
	],
	toParams: (read) =>
		asBot(read, { dialogId: botDialogId(read), messageId: read.optionalPositiveInteger('upToMessageId') }),
	shape: ({ result }, params) => ({ success: true, botId: params.botId, dialogId: params.dialogId, ...(result as IDataObject) }),
});

export const get = singleCall({
	value: 'get',
	name: 'Get',
	action: 'Get a message',
	description: 'Get a message of a chat the bot is in, with its author (Supervisor and Personal bots only)',
	method: 'imbot.v2.Chat.Message.get',
	fields: [READERS_ONLY, botField, messageIdField('The message to get. A whole number greater than 0.')],
	toParams: (read) => asBot(read, { messageId: read.positiveInteger('messageId') }),
	shape: ({ result }) => {
		const { message = {}, user } = (result ?? {}) as MessageAnswer;
		return { ...message, author: user };
	},
});

export const getContext = singleCall({
	value: 'getContext',
	name: 'Get Context',
	action: 'Get the messages around a message',
	description: 'Get the messages before and after a message, oldest first, one item each (Supervisor and Personal bots only)',
	method: 'imbot.v2.Chat.Message.getContext',
	fields: [
		READERS_ONLY,
		botField,
		messageIdField('The message in the middle. A whole number greater than 0.'),
		{
			displayName: 'Range',
			name: 'range',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 50 },
			default: 50,
			description: 'How many messages to get on each side of it (1 to 50)',
		},
	],
	toParams: (read) => {
		const range = read.positiveInteger('range');
		if (range > 50) read.invalid('range', 'it must be from 1 to 50');
		return asBot(read, { messageId: read.positiveInteger('messageId'), range });
	},
	shape: ({ result }) => {
		const { messages = [], users = [] } = (result ?? {}) as MessageAnswer;
		return messages.map((message) => ({ ...message, author: users.find((user) => user.id === message.authorId) }));
	},
});
