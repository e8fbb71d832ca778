import type { IDataObject } from 'n8n-workflow';

import { userIdField } from '../../../shared/fields';
import { singleCall } from '../../../shared/operations';
import type { ItemReader } from '../../../shared/operations';
import { asBot, botDialogId, botField, DIALOG_HELP, dialogField, done } from '../common';

/** Who is in a chat and who manages it, as the bot (an admin of the chat for changes, its owner for managers). */

const chatField = () => dialogField(`The chat: ${DIALOG_HELP}`);

const userIdsField = (description: string) => ({
	displayName: 'User IDs',
	name: 'userIds',
	type: 'string' as const,
	required: true,
	default: '',
	placeholder: '2, 3, 7',
	description: `${description}, as user IDs separated by commas (e.g. 2, 3, 7) or an array from an expression`,
});

const withUsers = (read: ItemReader) => asBot(read, { dialogId: botDialogId(read), userIds: read.positiveIntegers('userIds') });
const echoUsers = done((params) => ({ dialogId: params.dialogId, userIds: params.userIds }));

export const addMembers = singleCall({
	value: 'addMembers',
	name: 'Add Members',
	action: 'Add members to a chat as the bot',
	description: 'Add users to a group chat the bot administers; unknown users and current members are skipped',
	method: 'imbot.v2.Chat.User.add',
	fields: [botField, chatField(), userIdsField('The users to add')],
	toParams: withUsers,
	shape: echoUsers,
});

export const removeMember = singleCall({
	value: 'removeMember',
	name: 'Remove Member',
	action: 'Remove a member from a chat as the bot',
	description: 'Remove a user from a group chat the bot administers (a user who is not a member is no error)',
	method: 'imbot.v2.Chat.User.delete',
	fields: [botField, chatField(), userIdField('User ID', 'The member to remove, e.g. 42')],
	toParams: (read) => asBot(read, { dialogId: botDialogId(read), userId: read.positiveInteger('userId') }),
	shape: done((params) => ({ dialogId: params.dialogId, userId: params.userId })),
});

export const listMembers = singleCall({
	value: 'listMembers',
	name: 'List Members',
	action: 'List the members of a chat',
	description: 'Get the members of a chat the bot is in, one item per user (Bitrix24 lists at most 200)',
	method: 'imbot.v2.Chat.User.list',
	fields: [
		botField,
		chatField(),
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 200 },
			default: 50,
			description: 'Max number of results to return',
		},
	],
	toParams: (read) => {
		const limit = read.positiveInteger('limit');
		if (limit > 200) read.invalid('limit', 'Bitrix24 lists at most 200 members');
		return asBot(read, { dialogId: botDialogId(read), limit });
	},
	shape: ({ result }) => (Array.isArray(result) ? (result as IDataObject[]) : []),
});

export const addManagers = singleCall({
	value: 'addManagers',
	name: 'Add Managers',
	action: 'Make members managers of a chat',
	description: 'Make members of a chat the bot owns its managers (users who are not members are skipped)',
	method: 'imbot.v2.Chat.Manager.add',
	fields: [botField, chatField(), userIdsField('The members to make managers')],
	toParams: withUsers,
	shape: echoUsers,
});

export const removeManagers = singleCall({
	value: 'removeManagers',
	name: 'Remove Managers',
	action: 'Remove managers of a chat',
	description: 'Take the manager role from members of a chat the bot owns',
	method: 'imbot.v2.Chat.Manager.delete',
	fields: [botField, chatField(), userIdsField('The managers to demote')],
	toParams: withUsers,
	shape: echoUsers,
});
