import { binaryPropertyField, userIdField } from '../../../shared/fields';
import { singleCall } from '../../../shared/operations';
import { CHAT_COLORS, chatField, colorField, done } from './common';

/** A chat's title, colour, avatar, owner and notifications, and leaving it. */

export const rename = singleCall({
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
});

export const setColor = singleCall({
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
});

export const setAvatar = singleCall({
	value: 'setAvatar',
	name: 'Set Avatar',
	action: 'Set a chat\'s avatar',
	description: 'Replace a group chat\'s avatar with an image from the input',
	method: 'im.chat.updateAvatar',
	fields: [
		chatField('The chat whose avatar to set'),
		binaryPropertyField('The input binary field holding the image (PNG, JPEG or GIF, at most 5000×5000), e.g. data'),
	],
	toParams: async (read) => ({ CHAT_ID: read.chatId('chatId'), AVATAR: await read.image('binaryPropertyName') }),
	shape: done(),
	// One image per request: a batch of 50 avatars would be one huge request.
	batchable: false,
});

export const setOwner = singleCall({
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
});

export const mute = singleCall({
	value: 'mute',
	name: 'Mute',
	action: 'Mute a chat',
	description: 'Turn off notifications of a chat for the credential\'s user',
	method: 'im.chat.mute',
	fields: [chatField('The chat to mute')],
	toParams: (read) => ({ CHAT_ID: read.chatId('chatId'), MUTE: 'Y' }),
	shape: done(() => ({ muted: true })),
});

export const unmute = singleCall({
	value: 'unmute',
	name: 'Unmute',
	action: 'Unmute a chat',
	description: 'Turn notifications of a chat back on for the credential\'s user',
	method: 'im.chat.mute',
	fields: [chatField('The chat to unmute')],
	toParams: (read) => ({ CHAT_ID: read.chatId('chatId'), MUTE: 'N' }),
	shape: done(() => ({ muted: false })),
});

export const leave = singleCall({
	value: 'leave',
	name: 'Leave',
	action: 'Leave a chat',
	description: 'Remove the credential\'s user from a group chat',
	method: 'im.chat.leave',
	fields: [chatField('The chat to leave')],
	toParams: (read) => ({ CHAT_ID: read.chatId('chatId') }),
	shape: done(),
});
