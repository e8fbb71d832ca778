import type { INodeProperties } from 'n8n-workflow';

import { authenticationField, booleanField, botField, chosenNamesExpression, collectionField, timeoutOption } from '../shared/fields';

const eventOptions = [
	{ name: 'Bot Deleted', value: 'botDelete', description: 'The bot was unregistered; the trigger stops after it' },
	{ name: 'Command', value: 'command', description: 'A command typed to the bot (/help), or a keyboard button pressed' },
	{ name: 'Context Opened', value: 'contextGet', description: 'A user opened the bot\'s dialog through a link with context' },
	{ name: 'Joined a Chat', value: 'joinChat', description: 'The bot was added to a chat, or a user opened a dialog with it' },
	{ name: 'Message Added', value: 'messageAdd', description: 'A message to the bot: in its private dialogs and Open Channels, or mentioning it' },
	{ name: 'Message Deleted', value: 'messageDelete', description: 'A message to the bot was deleted' },
	{ name: 'Message Updated', value: 'messageUpdate', description: 'A message to the bot was edited' },
	{ name: 'Reaction Changed', value: 'reactionChange', description: 'A reaction to one of the bot\'s messages was added or removed' },
];

/** The canvas subtitle: the chosen events as the Events field names them. */
export const triggerSubtitle = chosenNamesExpression('events', eventOptions);

/** The trigger's editor fields; read back by trigger.ts under the same names. */
export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'Bitrix24 keeps one event queue per bot, and it can have only one reader: run one active trigger per bot. The trigger answers within seconds: it asks Bitrix24 every 2 s while a conversation goes on and every 6 s when the bot is idle (about 600 requests an hour), from the portal\'s shared request limit.',
		name: 'queueNotice',
		type: 'notice',
		default: '',
	},
	authenticationField(),
	{
		...botField,
		description:
			'The bot whose events start the workflow: one of the bots of this credential (its token or OAuth2 app), or its ID. It must be in event mode Fetch (Bot → Register sets it).',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: ['messageAdd', 'command'],
		description: 'The events of the bot that start the workflow',
		options: eventOptions,
	},
	booleanField(
		'Ignore the Bot\'s Own Messages',
		'ignoreOwnMessages',
		'Whether to skip what the bot itself did (its messages, reactions and commands), for example the answers this workflow sends (avoids echo loops)',
		true,
	),
	collectionField('Options', 'options', 'Add Option', [
		{
			displayName: 'Dialog IDs',
			name: 'dialogIds',
			type: 'string',
			default: '',
			placeholder: 'chat12, 7',
			description:
				'Only events of these dialogs, comma-separated: chatNNN (group or Open Channel chat) or NNN (the bot\'s private dialog with user NNN). Empty: every dialog.',
		},
		booleanField(
			'Include User Events',
			'withUserEvents',
			'Whether to also start on the events of the credential\'s user (new, edited and deleted messages, reactions and joins in that user\'s chats; the same Events apply). Needs the im scope besides imbot. Other readers of that user\'s queue (a Bitrix24 IM Trigger of the same user) then lose events.',
		),
		{
			displayName: 'Max Events per Poll',
			name: 'maxEvents',
			type: 'number',
			default: 100,
			typeOptions: { minValue: 1, maxValue: 1000 },
			description: 'How many events to read from the queue at once (1-1000); more are read 2 s later',
		},
		timeoutOption('How long to wait for one Bitrix24 answer'),
	]),
];
