import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { binaryPropertyField, booleanField, chatIdField, collectionField, userIdField } from '../fields';
import { succeededWithId } from '../shapes';
import type { ItemReader, OperationDescription, ResourceDescription } from '../types';

/** Bitrix24's chat colours (im.chat.add COLOR, im.chat.updateColor). */
export const CHAT_COLORS = [
	'RED',
	'GREEN',
	'MINT',
	'LIGHT_BLUE',
	'DARK_BLUE',
	'PURPLE',
	'AQUA',
	'PINK',
	'LIME',
	'BROWN',
	'AZURE',
	'KHAKI',
	'SAND',
	'MARENGO',
	'GRAY',
	'GRAPHITE',
] as const;

const colorOptions = CHAT_COLORS.map((value) => ({
	name: value
		.split('_')
		.map((word) => word.charAt(0) + word.slice(1).toLowerCase())
		.join(' '),
	value,
}));

const colorField = (description: string, required: boolean): INodeProperties => ({
	displayName: 'Color',
	name: 'color',
	type: 'options',
	options: colorOptions,
	...(required && { required: true }),
	default: 'AZURE',
	description,
});

const CHAT_TYPES = ['CHAT', 'OPEN'] as const;

/** The chat field every operation but Create shares. */
const chatField = (what: string) =>
	chatIdField(`${what}: the chat's number without the "chat" prefix, e.g. 12 for dialog chat12`);

/** A base64 image from the input binary named by the field; anything but an image is refused before sending. */
async function image(read: ItemReader, field: string): Promise<string> {
	const file = await read.binary(field);
	if (!/^image\//i.test(file.mimeType ?? '')) {
		read.invalid(field, 'the avatar must be an image, e.g. image/png or image/jpeg', `${file.fileName} (${file.mimeType || 'no MIME type'})`);
	}
	return file.base64;
}

/** User IDs, or undefined when the field is empty (an empty text or, from an expression, an empty array). */
function optionalUserIds(read: ItemReader, field: string): number[] | undefined {
	if (read.optionalText(field) === undefined) {
		const list = read.json(field);
		if (list === undefined || (Array.isArray(list) && list.length === 0)) return undefined;
	}
	return read.positiveIntegers(field);
}

const chatIdOf = (params: IDataObject) => params.CHAT_ID as number;

/** What a `true` answer of a chat change means, with the ids it was about. */
const done = succeededWithId('chatId', 'CHAT_ID');

const sendFile: OperationDescription = {
	value: 'sendFile',
	name: 'Send File',
	action: 'Send a file to a chat',
	description: 'Upload an input binary into the chat\'s files and post it as a message',
	method: 'im.disk.file.commit',
	fields: [
		chatField('The chat to post the file to'),
		binaryPropertyField('The input binary field holding the file to send, e.g. data'),
		{
			displayName: 'Message',
			name: 'message',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			description: 'Text posted with the file; leave empty to post the file alone',
		},
	],
	toParams: async (read) => {
		const file = await read.binary('binaryPropertyName');
		return {
			CHAT_ID: read.chatId('chatId'),
			MESSAGE: read.optionalText('message'),
			fileName: file.fileName,
			fileContent: file.base64,
		};
	},
	// The chat's disk folder, the upload into it, then the message that shows the uploaded file in the chat.
	run: async (call, params) => {
		const chatId = params.CHAT_ID as number;
		const folder = await call('im.disk.folder.get', { CHAT_ID: chatId });
		if (!folder.ok) return folder;
		const folderId = (folder.value.result as IDataObject | null)?.ID;
		const name = params.fileName as string;
		const upload = await call('disk.folder.uploadfile', {
			id: folderId,
			data: { NAME: name },
			fileContent: [name, params.fileContent],
			generateUniqueName: true,
		});
		if (!upload.ok) return upload;
		const uploadId = (upload.value.result as IDataObject | null)?.ID;
		return await call('im.disk.file.commit', { CHAT_ID: chatId, UPLOAD_ID: uploadId, MESSAGE: params.MESSAGE });
	},
	shape: ({ result }, params) => {
		const answer = (result ?? {}) as IDataObject;
		const files = Object.values((answer.FILES ?? {}) as IDataObject) as IDataObject[];
		const file = files[0] ?? {};
		return {
			chatId: chatIdOf(params),
			dialogId: `chat${chatIdOf(params)}`,
			fileId: (answer.DISK_ID as number[] | undefined)?.[0] ?? (file.id as number | undefined),
			messageId: answer.MESSAGE_ID as number | undefined,
			fileName: (file.name as string | undefined) ?? (params.fileName as string),
			size: file.size as number | undefined,
		};
	},
	batchable: false,
	// A repeat after a lost answer could upload or post the file twice.
	retrySafe: false,
};

export const chat: ResourceDescription = {
	value: 'chat',
	name: 'Chat',
	operations: [
		{
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
					USERS: optionalUserIds(read, 'users'),
					TYPE: read.choice('type', CHAT_TYPES),
					DESCRIPTION: read.optionalText('additionalFields.description'),
					COLOR: color === undefined ? undefined : read.choice('additionalFields.color', CHAT_COLORS),
					MESSAGE: read.optionalText('additionalFields.message'),
					AVATAR: avatarField === undefined ? undefined : await image(read, 'additionalFields.avatarBinaryPropertyName'),
					ENTITY_TYPE: read.optionalText('additionalFields.entityType'),
					ENTITY_ID: read.optionalText('additionalFields.entityId'),
				};
			},
			shape: ({ result }) => ({ chatId: result as number, dialogId: `chat${result as number}` }),
			batchable: true,
			// A repeat after a lost answer would create a second chat.
			retrySafe: false,
		},
		{
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
			batchable: true,
			retrySafe: true,
		},
		{
			value: 'rename',
			name: 'Rename',
			action: 'Rename a chat',
			description: 'Change a group chat\'s title',
			method: 'im.chat.updateTitle',
			fields: [
				chatField('The chat to rename'),
				{
					displayName: 'Title',
					name: 'title',
					type: 'string',
					required: true,
					default: '',
					description: 'The new title; must not be empty',
				},
			],
			toParams: (read) => ({ CHAT_ID: read.chatId('chatId'), TITLE: read.text('title') }),
			shape: done((params) => ({ title: params.TITLE })),
			batchable: true,
			retrySafe: true,
		},
		{
			value: 'setColor',
			name: 'Set Color',
			action: 'Set a chat\'s color',
			description: 'Change a group chat\'s colour',
			method: 'im.chat.updateColor',
			fields: [
				chatField('The chat to recolour'),
				colorField(
					`The new colour. From an expression use one of ${CHAT_COLORS.join(', ')}. Bitrix24 refuses the colour the chat already has.`,
					true,
				),
			],
			toParams: (read) => ({ CHAT_ID: read.chatId('chatId'), COLOR: read.choice('color', CHAT_COLORS) }),
			shape: done((params) => ({ color: params.COLOR })),
			batchable: true,
			retrySafe: true,
		},
		{
			value: 'setAvatar',
			name: 'Set Avatar',
			action: 'Set a chat\'s avatar',
			description: 'Replace a group chat\'s avatar with an image from the input',
			method: 'im.chat.updateAvatar',
			fields: [
				chatField('The chat whose avatar to set'),
				binaryPropertyField('The input binary field holding the image (PNG, JPEG or GIF, at most 5000×5000), e.g. data'),
			],
			toParams: async (read) => ({ CHAT_ID: read.chatId('chatId'), AVATAR: await image(read, 'binaryPropertyName') }),
			shape: done(),
			// One image per request: a batch of 50 avatars would be one huge request.
			batchable: false,
			retrySafe: true,
		},
		{
			value: 'setOwner',
			name: 'Set Owner',
			action: 'Set a chat\'s owner',
			description: 'Hand a group chat over to another member; only the current owner can',
			method: 'im.chat.setOwner',
			fields: [
				chatField('The chat to hand over'),
				userIdField('New Owner User ID', 'The user who becomes the owner; must already be a member of the chat'),
			],
			toParams: (read) => ({ CHAT_ID: read.chatId('chatId'), USER_ID: read.positiveInteger('userId') }),
			shape: done((params) => ({ ownerId: params.USER_ID })),
			batchable: true,
			retrySafe: true,
		},
		{
			value: 'mute',
			name: 'Mute',
			action: 'Mute a chat',
			description: 'Turn off notifications of a chat for the credential\'s user',
			method: 'im.chat.mute',
			fields: [chatField('The chat to mute')],
			toParams: (read) => ({ CHAT_ID: read.chatId('chatId'), MUTE: 'Y' }),
			shape: done(() => ({ muted: true })),
			batchable: true,
			retrySafe: true,
		},
		{
			value: 'unmute',
			name: 'Unmute',
			action: 'Unmute a chat',
			description: 'Turn notifications of a chat back on for the credential\'s user',
			method: 'im.chat.mute',
			fields: [chatField('The chat to unmute')],
			toParams: (read) => ({ CHAT_ID: read.chatId('chatId'), MUTE: 'N' }),
			shape: done(() => ({ muted: false })),
			batchable: true,
			retrySafe: true,
		},
		{
			value: 'leave',
			name: 'Leave',
			action: 'Leave a chat',
			description: 'Remove the credential\'s user from a group chat',
			method: 'im.chat.leave',
			fields: [chatField('The chat to leave')],
			toParams: (read) => ({ CHAT_ID: read.chatId('chatId') }),
			shape: done(),
			batchable: true,
			retrySafe: true,
		},
		{
			value: 'addMembers',
			name: 'Add Members',
			action: 'Add members to a chat',
			description: 'Add users to a group chat',
			method: 'im.chat.user.add',
			fields: [
				chatField('The chat to add the users to'),
				{
					displayName: 'User IDs',
					name: 'users',
					type: 'string',
					required: true,
					default: '',
					placeholder: '2, 3, 7',
					description: 'The users to add, as user IDs separated by commas (e.g. 2, 3, 7) or an array from an expression; current members are skipped',
				},
				booleanField('Show Earlier Messages', 'showHistory', 'Whether the new members can read the messages sent before they joined'),
			],
			toParams: (read) => ({
				CHAT_ID: read.chatId('chatId'),
				USERS: read.positiveIntegers('users'),
				HIDE_HISTORY: read.flag('showHistory', false) === 'Y' ? 'N' : 'Y',
			}),
			shape: done((params) => ({ userIds: params.USERS })),
			batchable: true,
			retrySafe: true,
		},
		{
			value: 'removeMember',
			name: 'Remove Member',
			action: 'Remove a member from a chat',
			description: 'Remove a user from a group chat; only the owner can remove others',
			method: 'im.chat.user.delete',
			fields: [chatField('The chat to remove the user from'), userIdField('User ID', 'The member to remove, e.g. 42')],
			toParams: (read) => ({ CHAT_ID: read.chatId('chatId'), USER_ID: read.positiveInteger('userId') }),
			shape: done((params) => ({ userId: params.USER_ID })),
			batchable: true,
			retrySafe: true,
		},
		{
			value: 'listMembers',
			name: 'List Members',
			action: 'List the members of a chat',
			description: 'Get the user IDs of a chat\'s members, one output item per member',
			method: 'im.chat.user.list',
			fields: [chatField('The chat whose members to list')],
			toParams: (read) => ({ CHAT_ID: read.chatId('chatId') }),
			shape: ({ result }, params) =>
				((result ?? []) as Array<number | string>).map((id) => ({ userId: Number(id), chatId: chatIdOf(params) })),
			batchable: true,
			retrySafe: true,
		},
		sendFile,
	],
};
