import { collectionField } from '../../../shared/fields';
import { singleCall } from '../../../shared/operations';
import { anySet, asBot, botField, optionOf } from '../common';
import { BOT_TYPES, botOf, profileOptions, readProfile } from './profile';

const nameField = (required: boolean) => ({
	displayName: 'Name',
	name: 'name',
	type: 'string' as const,
	...(required && { required: true }),
	default: '',
	placeholder: 'Support Bot',
	description: 'The bot\'s name in chats and the contact list',
});

export const register = singleCall({
	value: 'register',
	name: 'Register',
	action: 'Register a bot',
	description:
		'Create a chat bot that n8n reads events of (fetch mode). With the Chatbot Webhook credential, the bot gets the credential\'s Bot Token.',
	method: 'imbot.v2.Bot.register',
	fields: [
		{
			displayName: 'Code',
			name: 'code',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'support_bot',
			description:
				'A code unique in the portal. Registering the same code again with this credential returns the existing bot unchanged (use Update to change it).',
		},
		nameField(true),
		{
			displayName: 'Type',
			name: 'botType',
			type: 'options',
			options: BOT_TYPES,
			default: 'bot',
			description: 'Which messages the bot gets. Only Personal and Supervisor bots may read messages (Message → Get, Get Context).',
		},
		collectionField('Additional Fields', 'additionalFields', 'Add Field', profileOptions),
	],
	toParams: async (read) => {
		const { properties, flags } = await readProfile(read, 'additionalFields');
		return {
			fields: {
				code: read.text('code'),
				type: optionOf(read, 'botType', BOT_TYPES),
				eventMode: 'fetch',
				properties: { name: read.text('name'), ...properties },
				...flags,
			},
		};
	},
	// The credential's Bot Token goes inside `fields`, as Bitrix24 reads it on register.
	credentialParameters: { inside: 'fields' },
	shape: ({ result }) => botOf(result),
	// Documented idempotent: the same code from the same credential answers the existing bot. Not batched: an avatar
	// can be large.
	batchable: false,
});

export const update = singleCall({
	value: 'update',
	name: 'Update',
	action: 'Update a bot',
	description: 'Change the bot\'s profile, flags or event mode',
	method: 'imbot.v2.Bot.update',
	fields: [
		botField,
		collectionField('Update Fields', 'updateFields', 'Add Field', [
			...profileOptions,
			{
				displayName: 'Event Mode',
				name: 'eventMode',
				type: 'options',
				options: [
					{ name: 'Fetch', value: 'fetch', description: 'Your workflows read the events: what the Bitrix24 Chatbot Trigger needs' },
					{ name: 'Webhook', value: 'webhook', description: 'Bitrix24 posts the events to a public HTTPS address of your own' },
				],
				default: 'fetch',
				description: 'How the bot gets its events',
			},
			nameField(false),
			{
				displayName: 'Webhook URL',
				name: 'webhookUrl',
				type: 'string',
				default: '',
				placeholder: 'https://example.com/bitrix24-bot',
				description: 'Where Bitrix24 posts the events in webhook mode (HTTPS)',
			},
		]),
	],
	toParams: async (read) => {
		const { properties, flags } = await readProfile(read, 'updateFields');
		const eventMode = read.optionalText('updateFields.eventMode') && read.choice('updateFields.eventMode', ['fetch', 'webhook'] as const);
		const webhookUrl = read.optionalText('updateFields.webhookUrl');
		if (webhookUrl !== undefined && !/^https:\/\/[^\s/?#]+/i.test(webhookUrl)) read.invalid('updateFields.webhookUrl', 'it must be an https:// address');
		if (eventMode === 'webhook' && webhookUrl === undefined) read.invalid('updateFields.webhookUrl', 'webhook mode needs the address Bitrix24 posts to');
		const fields = { properties: { name: read.optionalText('updateFields.name'), ...properties }, ...flags, eventMode, webhookUrl };
		if (!anySet({ ...fields.properties, ...flags, eventMode, webhookUrl })) {
			read.invalid('updateFields', 'add at least one field to change', {});
		}
		return asBot(read, { fields });
	},
	shape: ({ result }) => botOf(result),
	// Sets fixed values. Not batched: an avatar can be large.
	batchable: false,
});
