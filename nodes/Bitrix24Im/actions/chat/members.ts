import { booleanField, userIdField } from '../../../shared/fields';
import { singleCall } from '../../../shared/operations';
import { chatField, chatIdOf, done } from './common';

/** Who is in a chat (im.chat.user.*). */

export const addMembers = singleCall({
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
});

export const removeMember = singleCall({
	value: 'removeMember',
	name: 'Remove Member',
	action: 'Remove a member from a chat',
	description: 'Remove a user from a group chat; only the owner can remove others',
	method: 'im.chat.user.delete',
	fields: [chatField('The chat to remove the user from'), userIdField('User ID', 'The member to remove, e.g. 42')],
	toParams: (read) => ({ CHAT_ID: read.chatId('chatId'), USER_ID: read.positiveInteger('userId') }),
	shape: done((params) => ({ userId: params.USER_ID })),
});

export const listMembers = singleCall({
	value: 'listMembers',
	name: 'List Members',
	action: 'List the members of a chat',
	description: 'Get the user IDs of a chat\'s members, one output item per member',
	method: 'im.chat.user.list',
	fields: [chatField('The chat whose members to list')],
	toParams: (read) => ({ CHAT_ID: read.chatId('chatId') }),
	shape: ({ result }, params) =>
		((result ?? []) as Array<number | string>).map((id) => ({ userId: Number(id), chatId: chatIdOf(params) })),
});
