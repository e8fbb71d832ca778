import type { INodeProperties } from 'n8n-workflow';

import { authenticationField, booleanField, chosenNamesExpression, collectionField, timeoutOption } from '../shared/fields';

const eventOptions = [
	{ name: 'Joined a Chat', value: 'joinChat', description: 'Someone was added to a chat' },
	{ name: 'Message Added', value: 'messageAdd', description: 'A new message in a chat' },
	{ name: 'Message Deleted', value: 'messageDelete', description: 'A message was deleted' },
	{ name: 'Message Updated', value: 'messageUpdate', description: 'A message was edited' },
	{ name: 'Reaction Changed', value: 'reactionChange', description: 'A reaction was added to or removed from a message' },
];

/** The canvas subtitle: the chosen events as the Events field names them. */
export const triggerSubtitle = chosenNamesExpression('events', eventOptions);

const FIRST_FETCH =
	'The first Fetch Test Event subscribes to the Bitrix24 user\'s events, so it shows nothing from before. Then send a message in Bitrix24 and fetch again.';

/** What the editor's trigger panel says next to Fetch Test Event. */
export const triggerPanel = {
	header: FIRST_FETCH,
	executionsHelp: {
		inactive: `<b>While building your workflow</b>, click Fetch Test Event: it shows the events waiting in the Bitrix24 user's queue, oldest first, and takes none of them.<br /><br /><b>Once you're happy with your workflow</b>, publish it. n8n then polls Bitrix24 on the Poll Times schedule and runs the workflow for each new event. Those runs show up in the executions list, not in the editor.`,
		active: `<b>While building your workflow</b>, click Fetch Test Event: it shows the events waiting in the Bitrix24 user's queue, oldest first, and takes none of them, so the published workflow still gets them.<br /><br /><b>The workflow is published</b>: n8n polls Bitrix24 on the Poll Times schedule and runs the workflow for each new event. Those runs show up in the executions list, not in the editor.`,
	},
};

/** The trigger's editor fields; read back by poll.ts under the same names. */
export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'Bitrix24 keeps one event queue per user for 24 hours, and it can have only one reader: run a single active trigger per Bitrix24 user, and no other app reading im.v2.Event.get for that user. The trigger reports it when events were taken by another reader.',
		name: 'queueNotice',
		type: 'notice',
		default: '',
	},
	authenticationField(),
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: ['messageAdd'],
		description: 'The events of the credential user\'s chats that start the workflow',
		options: eventOptions,
	},
	booleanField(
		'Ignore Own Messages',
		'ignoreOwnMessages',
		'Whether to skip messages and reactions of the credential\'s own user, for example the ones this workflow sends (avoids loops)',
		true,
	),
	collectionField('Options', 'options', 'Add Option', [
		{
			displayName: 'Dialog IDs',
			name: 'dialogIds',
			type: 'string',
			default: '',
			placeholder: 'chat12, sg5, 7',
			description:
				'Only events of these dialogs, comma-separated: chatNNN (group chat), sgNNN (workgroup chat) or NNN (private dialog with user NNN). Empty: every dialog.',
		},
		booleanField(
			'Ignore System Messages',
			'ignoreSystemMessages',
			'Whether to skip system messages (for example "user joined the chat")',
		),
		{
			displayName: 'Max Events per Poll',
			name: 'maxEvents',
			type: 'number',
			default: 100,
			typeOptions: { minValue: 1, maxValue: 1000 },
			description: 'How many events to read from the queue at each poll (1-1000). More wait for the next poll.',
		},
		timeoutOption('How long to wait for one Bitrix24 answer'),
	]),
];
