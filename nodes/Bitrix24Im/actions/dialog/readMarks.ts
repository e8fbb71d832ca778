import { DIALOG_HELP, dialogIdField, messageIdField, NOTIFY_HELP } from '../../../shared/fields';
import { singleCall } from '../../../shared/operations';

/** The read state of a dialog's messages for the credential's user (im.dialog.unread, im.dialog.read, im.dialog.read.all). */

export const markUnread = singleCall({
	value: 'markUnread',
	name: 'Mark Unread',
	action: 'Mark dialog messages as unread',
	description: 'Mark a message and every later message of a dialog as unread for the credential\'s user',
	method: 'im.dialog.unread',
	fields: [
		dialogIdField(`The dialog to mark: ${DIALOG_HELP}`),
		messageIdField(
			'Message ID',
			'The first message to become unread: it and every later message of the dialog are marked unread. A whole number greater than 0.',
		),
	],
	toParams: (read) => ({ DIALOG_ID: read.dialogId('dialogId'), MESSAGE_ID: read.positiveInteger('messageId') }),
});

export const markRead = singleCall({
	value: 'markRead',
	name: 'Mark Read',
	action: 'Mark dialog messages as read',
	description: 'Mark the messages of a dialog as read for the credential\'s user, all of them or up to a message',
	method: 'im.dialog.read',
	fields: [
		// im.dialog.read also takes the notifications dialog: it marks the notifications read.
		dialogIdField(`The dialog to mark: ${DIALOG_HELP}, ${NOTIFY_HELP}`, { notify: true }),
		{
			...messageIdField(
				'Up To Message ID',
				'The last message to mark read; it and every earlier message become read. Leave empty to mark the whole dialog read.',
			),
			required: false,
		},
	],
	toParams: (read) => ({
		DIALOG_ID: read.dialogId('dialogId', { notify: true }),
		MESSAGE_ID: read.optionalPositiveInteger('messageId'),
	}),
	check: ({ result }) =>
		result === false
			? { kind: 'api', code: 'ACCESS_ERROR', description: 'the user has no access to this dialog' }
			: undefined,
});

export const markAllRead = singleCall({
	value: 'markAllRead',
	name: 'Mark All Read',
	action: 'Mark all dialogs as read',
	description: 'Mark every dialog and notification of the credential\'s user as read',
	method: 'im.dialog.read.all',
	fields: [],
	toParams: () => ({}),
});
