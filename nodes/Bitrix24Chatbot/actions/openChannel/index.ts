import type { ResourceDescription } from '../../../shared/operations';
import { singleCall, succeeded } from '../../../shared/operations';
import { optionOf } from '../common';

/**
 * Open Channels: hand a customer's conversation from the bot to a person, or finish it. These methods take the bot's
 * token as CLIENT_ID (webhook) and find the bot by the credential, so they have no Bot field.
 */

const chatIdField = {
	displayName: 'Chat ID',
	name: 'chatId',
	type: 'string' as const,
	required: true,
	default: '',
	placeholder: '112',
	description: 'The Open Channel chat: its number (from a trigger event\'s chat ID; chat112 is accepted too)',
};

const TARGETS = [
	{ name: 'Operator', value: 'operator', description: 'A person, by user ID' },
	{ name: 'Queue', value: 'queue', description: 'The next free operator of an Open Channel queue' },
];

const asBotToken = { renamed: { botToken: 'CLIENT_ID' } };

const transfer = singleCall({
	value: 'transfer',
	name: 'Transfer',
	action: 'Transfer an Open Channel conversation',
	description:
		'Hand the customer over from the bot to an operator or a queue. Never repeated after a lost answer: check the chat before running it again.',
	method: 'imopenlines.bot.session.transfer',
	fields: [
		chatIdField,
		{ displayName: 'Transfer To', name: 'transferTo', type: 'options', options: TARGETS, default: 'operator' },
		{
			displayName: 'Operator User ID',
			name: 'userId',
			type: 'string',
			required: true,
			default: '',
			placeholder: '12',
			displayOptions: { show: { transferTo: ['operator'] } },
			description: 'The employee who takes the conversation',
		},
		{
			displayName: 'Queue ID',
			name: 'queueId',
			type: 'string',
			required: true,
			default: '',
			placeholder: '1',
			displayOptions: { show: { transferTo: ['queue'] } },
			description: 'The Open Channel\'s ID (imopenlines.config.list.get, field ID)',
		},
		{
			displayName: 'Bot Leaves at Once',
			name: 'leave',
			type: 'boolean',
			default: false,
			description: 'Whether the bot leaves the chat right away; otherwise it stays until the operator accepts',
		},
	],
	toParams: (read) => {
		const target = optionOf(read, 'transferTo', TARGETS);
		return {
			CHAT_ID: read.chatId('chatId'),
			...(target === 'operator' ? { USER_ID: read.positiveInteger('userId') } : { QUEUE_ID: read.positiveInteger('queueId') }),
			LEAVE: read.flag('leave', false),
		};
	},
	credentialParameters: asBotToken,
	shape: succeeded((params) => ({ chatId: params.CHAT_ID, userId: params.USER_ID, queueId: params.QUEUE_ID, leave: params.LEAVE === 'Y' })),
	// A repeat after a lost answer would transfer again (or fail: the session is no longer the bot's).
	retrySafe: false,
});

const finish = singleCall({
	value: 'finish',
	name: 'Finish',
	action: 'Finish an Open Channel conversation',
	description: 'Close the customer\'s Open Channel session as the bot',
	method: 'imopenlines.bot.session.finish',
	fields: [chatIdField],
	toParams: (read) => ({ CHAT_ID: read.chatId('chatId') }),
	credentialParameters: asBotToken,
	shape: succeeded((params) => ({ chatId: params.CHAT_ID })),
	// Finishing a finished session leaves it finished.
});

export const openChannel: ResourceDescription = {
	value: 'openChannel',
	name: 'Open Channel',
	operations: [transfer, finish],
};
