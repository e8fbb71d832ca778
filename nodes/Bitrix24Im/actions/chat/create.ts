import type { IDataObject } from 'n8n-workflow';

import { collectionField } from '../../../shared/fields';
import { singleCall } from '../../../shared/operations';
import { CHAT_COLORS, colorField } from './common';

/** Creating a chat, optionally linked to an entity (a CRM deal, an object of your own), and finding it by that link. */

const CHAT_TYPES = ['CHAT', 'OPEN'] as const;

export const createChat = singleCall({
	value: 'create',
	name: 'Create',
	action: 'Create a chat',
	description: 'Create a group chat; the credential\'s user becomes its owner',
	method: 'im.chat.add',
	fields: [
		{
			displayName: 'Title',
			name: 'title',
			type: 'string',
			default: '',
			placeholder: 'Deal #1663: ACME',
			description: 'The chat\'s name. Leave empty to let Bitrix24 name it after its first members.',
		},
		{
			displayName: 'Member User IDs',
			name: 'users',
			type: 'string',
			default: '',
			placeholder: '2, 3, 7',
			description:
				'The users to add, as user IDs separated by commas (e.g. 2, 3, 7) or an array from an expression. The credential\'s user is always a member. Leave empty for a chat with only that user.',
		},
		{
			displayName: 'Chat Type',
			name: 'type',
			type: 'options',
			options: [
				{ name: 'Closed', value: 'CHAT', description: 'Only invited members can see and join it' },
				{ name: 'Open', value: 'OPEN', description: 'Any user of the portal can find and join it' },
			],
			default: 'CHAT',
		},
		collectionField('Additional Fields', 'additionalFields', 'Add Field', [
			{
				displayName: 'Avatar Binary Field',
				name: 'avatarBinaryPropertyName',
				type: 'string',
				default: '',
				placeholder: 'data',
				description: 'The input binary field holding an image (PNG, JPEG or GIF, at most 5000×5000) for the chat\'s avatar',
			},
			colorField('The chat\'s colour in the messenger', false),
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
				description: 'What the chat is about, shown in its header',
			},
			{
				displayName: 'Entity ID',
				name: 'entityId',
				type: 'string',
				default: '',
				placeholder: 'DEAL|1663',
				description: 'The ID of the linked object within Entity Type, e.g. DEAL|1663 for a CRM deal; Find by Linked Entity looks the chat up by it',
			},
			{
				displayName: 'Entity Type',
				name: 'entityType',
				type: 'string',
				default: '',
				placeholder: 'CRM',
				description: 'The kind of object the chat belongs to, e.g. CRM, or a code of your own such as MY_APP_ORDER',
			},
			{
				displayName: 'First Message',
				name: 'message',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
				description: 'A message the credential\'s user posts in the new chat; BB-codes allowed',
			},
		]),
	],
	toParams: async (read) => {
		const avatarField = read.optionalText('additionalFields.avatarBinaryPropertyName');
		const color = read.optionalText('additionalFields.color');
		return {
			TITLE: read.optionalText('title'),
			USERS: read.optionalPositiveIntegers('users'),
			TYPE: read.choice('type', CHAT_TYPES),
			DESCRIPTION: read.optionalText('additionalFields.description'),
			COLOR: color === undefined ? undefined : read.choice('additionalFields.color', CHAT_COLORS),
			MESSAGE: read.optionalText('additionalFields.message'),
			AVATAR: avatarField === undefined ? undefined : await read.image('additionalFields.avatarBinaryPropertyName'),
			ENTITY_TYPE: read.optionalText('additionalFields.entityType'),
			ENTITY_ID: read.optionalText('additionalFields.entityId'),
		};
	},
	shape: ({ result }) => ({ chatId: result as number, dialogId: `chat${result as number}` }),
	// A repeat after a lost answer would create a second chat.
	retrySafe: false,
});

export const findByEntity = singleCall({
	value: 'findByEntity',
	name: 'Find by Linked Entity',
	action: 'Find a chat by its linked entity',
	description: 'Find the chat linked to an object (a CRM deal, your own entity) by its entity type and ID',
	method: 'im.chat.get',
	fields: [
		{
			displayName: 'Entity Type',
			name: 'entityType',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'CRM',
			description: 'The entity type the chat was created with, e.g. CRM',
		},
		{
			displayName: 'Entity ID',
			name: 'entityId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'DEAL|1663',
			description: 'The entity ID the chat was created with, e.g. DEAL|1663',
		},
	],
	toParams: (read) => ({ ENTITY_TYPE: read.text('entityType'), ENTITY_ID: read.text('entityId') }),
	// Not found is an answer, not an error: an IF on `found` can then create the chat.
	shape: ({ result }, params) => {
		const id = (result as IDataObject | null)?.ID;
		const link = { entityType: params.ENTITY_TYPE, entityId: params.ENTITY_ID };
		if (id === undefined || id === null) return { found: false, ...link };
		return { found: true, chatId: Number(id), dialogId: `chat${Number(id)}`, ...link };
	},
});
