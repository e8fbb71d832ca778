import type { INodeProperties } from 'n8n-workflow';

import { singleCall, succeeded } from '../../../shared/operations';
import { objectOrUndefined } from '../../../shared/values';
import { notificationIdField } from './common';

/** A user's notifications: deleting them and marking them read. */

const clientIdField: INodeProperties = {
	displayName: 'Client ID',
	name: 'clientId',
	type: 'string',
	default: '',
	placeholder: 'crm-reminders',
	description:
		'Required with a webhook credential (Bitrix24\'s CLIENT_ID), e.g. crm-reminders. Bitrix24 keeps tags only for notifications sent through an OAuth2 app and looks tags up per app; a webhook names one here. Leave empty with OAuth2 (the app\'s own ID is used).',
};

const DELETE_BY = { id: 'ID', tag: 'TAG', subTag: 'SUB_TAG' } as const;

export const deleteNotifications = singleCall({
	value: 'delete',
	name: 'Delete',
	action: 'Delete notifications',
	description: 'Delete a notification by its ID, or every notification with a tag or sub-tag',
	method: 'im.notify.delete',
	fields: [
		{
			displayName: 'Delete By',
			name: 'deleteBy',
			type: 'options',
			options: [
				{ name: 'Notification ID', value: 'id' },
				{ name: 'Tag', value: 'tag', description: 'Every notification with this tag' },
				{ name: 'Sub-Tag', value: 'subTag', description: 'Every notification with this sub-tag' },
			],
			default: 'id',
			description: 'How to find the notifications to delete',
		},
		{ ...notificationIdField('The notification to delete. A whole number greater than 0.'), displayOptions: { show: { deleteBy: ['id'] } } },
		{
			displayName: 'Tag',
			name: 'tag',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'DEAL|42',
			description: 'Delete every notification with this tag, as given when sending, e.g. DEAL|42',
			displayOptions: { show: { deleteBy: ['tag'] } },
		},
		{
			displayName: 'Sub-Tag',
			name: 'subTag',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'DEAL|42|REMINDER',
			description: 'Delete every notification with this sub-tag, as given when sending',
			displayOptions: { show: { deleteBy: ['subTag'] } },
		},
		{ ...clientIdField, displayOptions: { show: { deleteBy: ['tag', 'subTag'] } } },
	],
	toParams: (read) => {
		const by = read.choice('deleteBy', ['id', 'tag', 'subTag'] as const);
		if (by === 'id') return { ID: read.positiveInteger('notificationId') };
		const label = read.text(by);
		const clientId = read.optionalText('clientId');
		if (clientId === undefined && read.choice('authentication', ['webhook', 'oAuth2'] as const) === 'webhook') {
			read.invalid(
				'clientId',
				'with a webhook credential, deleting by tag needs the Client ID the notifications were sent with (Bitrix24 answers ACCESS_DENIED "Client ID not specified")',
			);
		}
		return { [DELETE_BY[by]]: label, CLIENT_ID: clientId };
	},
	// Bitrix24 answers false when nothing matched (already deleted, or not the user's notification): not an error.
	shape: succeeded((params, { result }) => ({
		deleted: result !== false,
		...(params.ID !== undefined && { notificationId: params.ID as number }),
		...(params.TAG !== undefined && { tag: params.TAG as string }),
		...(params.SUB_TAG !== undefined && { subTag: params.SUB_TAG as string }),
	})),
	// Deleting what is already gone changes nothing.
});

export const markRead = singleCall({
	value: 'markRead',
	name: 'Mark Read',
	action: 'Mark notifications as read',
	description: 'Mark notifications of the credential\'s user as read: the given ones, or one and every later one',
	// One ID "and every later one" is im.notify.read; a list of IDs is im.notify.read.list.
	method: (read) => (read.choice('scope', ['only', 'andLater'] as const) === 'andLater' ? 'im.notify.read' : 'im.notify.read.list'),
	fields: [
		{
			displayName: 'Notification IDs',
			name: 'notificationIds',
			type: 'string',
			required: true,
			default: '',
			placeholder: '1500, 1502',
			description: 'The notifications to mark, separated by commas, e.g. 1500, 1502 (or an array from an expression)',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'options',
			options: [
				{ name: 'Only These', value: 'only', description: 'Exactly the given notifications' },
				{
					name: 'This and Every Later One',
					value: 'andLater',
					description: 'The given notification (one ID) and every notification with a greater ID',
				},
			],
			default: 'only',
			description: 'Which notifications become read',
		},
	],
	toParams: (read) => {
		const ids = read.positiveIntegers('notificationIds');
		if (read.choice('scope', ['only', 'andLater'] as const) === 'only') return { IDS: ids, ACTION: 'Y' };
		if (ids.length > 1) read.invalid('notificationIds', 'with This and Every Later One, give a single notification ID');
		return { ID: ids[0], ACTION: 'Y', ONLY_CURRENT: 'N' };
	},
	shape: succeeded((params) =>
		params.IDS !== undefined ? { notificationIds: params.IDS as number[] } : { fromNotificationId: params.ID as number },
	),
});

export const markAllRead = singleCall({
	value: 'markAllRead',
	name: 'Mark All Read',
	action: 'Mark all notifications as read',
	description: 'Mark every notification of the credential\'s user as read',
	method: 'im.notify.read.all',
	fields: [],
	toParams: () => ({}),
	// Bitrix24 answers {result: true, newCounter: 0}.
	shape: succeeded((_params, { result }) => {
		const answer = objectOrUndefined(result);
		return answer !== undefined && 'newCounter' in answer ? { unreadCount: answer.newCounter } : {};
	}),
});
