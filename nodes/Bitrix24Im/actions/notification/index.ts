import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { attachmentsField, booleanField, collectionField, messageTextField, userIdField } from '../../../shared/fields';
import { list, singleCall, succeeded } from '../../../shared/operations';
import type { ItemReader, ResourceDescription, SingleCallOperation } from '../../../shared/operations';
import { objectOrUndefined } from '../../../shared/values';

const clientIdField: INodeProperties = {
	displayName: 'Client ID',
	name: 'clientId',
	type: 'string',
	default: '',
	placeholder: 'crm-reminders',
	description:
		'Required with a webhook credential (Bitrix24\'s CLIENT_ID), e.g. crm-reminders. Bitrix24 keeps tags only for notifications sent through an OAuth2 app and looks tags up per app; a webhook names one here. Leave empty with OAuth2 (the app\'s own ID is used).',
};

const notificationFields = (kind: string): INodeProperties[] => [
	userIdField('User ID', 'The user who gets the notification. A whole number greater than 0.'),
	messageTextField(`The ${kind} notification's text; Bitrix24 BB-codes such as [b]bold[/b] are allowed`, true),
	collectionField('Additional Fields', 'additionalFields', 'Add Field', [
		attachmentsField(),
		{
			displayName: 'Email and Push Text',
			name: 'messageOut',
			type: 'string',
			default: '',
			description: 'The text for email and push delivery (Bitrix24\'s MESSAGE_OUT), when it should differ from Text',
		},
		{
			displayName: 'Sub-Tag',
			name: 'subTag',
			type: 'string',
			default: '',
			placeholder: 'DEAL|42|REMINDER',
			description:
				'A second label (Bitrix24\'s SUB_TAG) to delete notifications by, e.g. DEAL|42|REMINDER. Kept only when sending through an OAuth2 app; Bitrix24 ignores it through a webhook.',
		},
		{
			displayName: 'Tag',
			name: 'tag',
			type: 'string',
			default: '',
			placeholder: 'DEAL|42',
			description:
				'A label for the subject (Bitrix24\'s TAG), e.g. DEAL|42: a new notification with the same tag replaces the user\'s earlier one. Kept only when sending through an OAuth2 app; Bitrix24 ignores it through a webhook.',
		},
	]),
];

const notificationParams = (read: ItemReader): IDataObject => ({
	USER_ID: read.positiveInteger('userId'),
	MESSAGE: read.text('text'),
	MESSAGE_OUT: read.optionalText('additionalFields.messageOut'),
	TAG: read.optionalText('additionalFields.tag'),
	SUB_TAG: read.optionalText('additionalFields.subTag'),
	ATTACH: read.attach('additionalFields.attachments'),
});

function sendOperation(value: string, name: string, kind: string, method: string, description: string): SingleCallOperation {
	return singleCall({
		value,
		name,
		action: `Send a ${kind} notification`,
		description,
		method,
		fields: notificationFields(kind),
		toParams: notificationParams,
		shape: ({ result }, params) => ({ notificationId: result as number, userId: params.USER_ID as number }),
		check: ({ result }) =>
			result === false
				? { kind: 'api', code: 'NOTIFY_NOT_ADDED', description: 'Bitrix24 did not add the notification (is the user ID an active user?)' }
				: undefined,
		// Without a Tag a repeat after a lost answer shows the notification twice. A Tag (kept only for OAuth2 apps) makes a
		// repeat replace it instead, but the flag is per operation, not per item: never retried here. With OAuth2 and a Tag,
		// n8n's own "Retry On Fail" is safe to turn on.
		retrySafe: false,
	});
}

const DELETE_BY = { id: 'ID', tag: 'TAG', subTag: 'SUB_TAG' } as const;

const NOTIFY_PAGE = 50;

/**
 * The next page of im.notify.get: after the last notification, in its stage (1: confirmations, 3: the others). Bitrix24
 * fills every page up to LIMIT, so a shorter page is the last; a page cut short by the item's Limit ends the walk anyway.
 */
function nextNotifications(params: IDataObject, records: IDataObject[]): IDataObject | undefined {
	if (records.length < NOTIFY_PAGE) return undefined;
	const last = records[records.length - 1];
	return { ...params, LAST_ID: last.id, LAST_TYPE: Number(last.notify_type) === 1 ? 1 : 3 };
}

export const notification: ResourceDescription = {
	value: 'notification',
	name: 'Notification',
	operations: [
		sendOperation(
			'sendPersonal',
			'Send Personal',
			'personal',
			'im.notify.personal.add',
			'Send a notification to a user from the credential\'s user',
		),
		sendOperation('sendSystem', 'Send System', 'system', 'im.notify.system.add', 'Send a system notification (no author) to a user'),
		singleCall({
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
				{
					displayName: 'Notification ID',
					name: 'notificationId',
					type: 'string',
					required: true,
					default: '',
					placeholder: '1500',
					description: 'The notification to delete. A whole number greater than 0.',
					displayOptions: { show: { deleteBy: ['id'] } },
				},
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
		}),
		singleCall({
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
		}),
		singleCall({
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
		}),
		list({
			value: 'getMany',
			name: 'Get Many',
			action: 'Get notifications',
			description: 'List the credential\'s user\'s notifications, newest first, one item per notification',
			method: 'im.notify.get',
			fields: [
				booleanField('Convert Text', 'convertText', 'Whether Bitrix24 converts BB-codes in the texts to HTML'),
			],
			toParams: (read) => ({ CONVERT_TEXT: read.flag('convertText', false) }),
			paging: {
				pageSize: { param: 'LIMIT', max: NOTIFY_PAGE },
				records: ({ result }) => ((result as IDataObject | null)?.notifications as IDataObject[] | undefined) ?? [],
				nextPage: (_answer, params, records) => nextNotifications(params, records),
			},
		}),
	],
};
