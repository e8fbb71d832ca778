import { dialogIdField, messageIdField } from '../fields';
import type { ResourceDescription } from '../types';

export const dialog: ResourceDescription = {
	value: 'dialog',
	name: 'Dialog',
	operations: [
		{
			value: 'markUnread',
			name: 'Mark Unread',
			action: 'Mark dialog messages as unread',
			description: 'Mark a message and every later message of a dialog as unread for the credential\'s user',
			method: 'im.dialog.unread',
			fields: [
				dialogIdField(
					'The dialog to mark: chatNNN for a group chat (e.g. chat12), sgNNN for a workgroup chat (e.g. sg5), or NNN, a user ID, for the private dialog with that user',
				),
				messageIdField(
					'Message ID',
					'The first message to become unread: it and every later message of the dialog are marked unread. A whole number greater than 0.',
				),
			],
			toParams: (read) => ({ DIALOG_ID: read.dialogId('dialogId'), MESSAGE_ID: read.positiveInteger('messageId') }),
			batchable: true,
			retrySafe: true,
		},
	],
};
