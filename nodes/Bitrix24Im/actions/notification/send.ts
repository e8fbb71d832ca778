import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { attachmentsField, collectionField, messageTextField, userIdField } from '../../../shared/fields';
import { singleCall } from '../../../shared/operations';
import type { ItemReader, SingleCallOperation } from '../../../shared/operations';

/** Sending notifications: personal (from the credential's user) and system (no author). */

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

export const sendPersonal = sendOperation(
	'sendPersonal',
	'Send Personal',
	'personal',
	'im.notify.personal.add',
	'Send a notification to a user from the credential\'s user',
);

export const sendSystem = sendOperation('sendSystem', 'Send System', 'system', 'im.notify.system.add', 'Send a system notification (no author) to a user');
