import {
	attachmentsField,
	booleanField,
	collectionField,
	DIALOG_HELP,
	dialogIdField,
	keyboardField,
	menuField,
	messageIdField,
	messageTextField,
} from '../../../shared/fields';
import { singleCall } from '../../../shared/operations';
import { done } from './common';

/** Writing messages: send, change and delete them (im.message.add, im.message.update, im.message.delete). */

const urlPreviewField = () =>
	booleanField('URL Preview', 'urlPreview', 'Whether Bitrix24 shows a preview of the first link in the text', true);

export const send = singleCall({
	value: 'send',
	name: 'Send',
	action: 'Send a message',
	description: 'Send a message to a dialog as the credential\'s user',
	method: 'im.message.add',
	fields: [
		dialogIdField(`Where to send: ${DIALOG_HELP}`),
		messageTextField(
			'The message text; Bitrix24 BB-codes such as [b]bold[/b] are allowed. Required unless Attachments are given.',
			false,
		),
		collectionField('Additional Fields', 'additionalFields', 'Add Field', [
			attachmentsField(),
			keyboardField,
			menuField,
			{
				displayName: 'Reply To Message ID',
				name: 'replyToMessageId',
				type: 'string',
				default: '',
				description: 'The message this one answers; it must be in the same dialog',
			},
			booleanField('System Message', 'system', 'Whether to send it as a system message (shown without an author)'),
			urlPreviewField(),
		]),
	],
	toParams: (read) => {
		const attach = read.attach('additionalFields.attachments');
		return {
			DIALOG_ID: read.dialogId('dialogId'),
			// Bitrix24 takes a message without text when it has attachments.
			MESSAGE: attach === undefined ? read.text('text') : read.optionalText('text'),
			ATTACH: attach,
			KEYBOARD: read.json('additionalFields.keyboard'),
			MENU: read.json('additionalFields.menu'),
			SYSTEM: read.flag('additionalFields.system', false),
			URL_PREVIEW: read.flag('additionalFields.urlPreview', true),
			REPLY_ID: read.optionalPositiveInteger('additionalFields.replyToMessageId'),
		};
	},
	shape: ({ result }, params) => ({ messageId: result as number, dialogId: params.DIALOG_ID as string }),
	// A repeat after a lost answer would post the message twice.
	retrySafe: false,
});

export const update = singleCall({
	value: 'update',
	name: 'Update',
	action: 'Update a message',
	description: 'Change the text, attachments, keyboard or menu of a message the credential\'s user sent',
	method: 'im.message.update',
	fields: [
		messageIdField('Message ID', 'The message to change; the credential\'s user must be its author. A whole number greater than 0.'),
		messageTextField(
			'The new text; BB-codes allowed. It cannot be empty: Bitrix24 deletes a message whose text is updated to empty (use Delete for that).',
			true,
		),
		collectionField('Additional Fields', 'additionalFields', 'Add Field', [
			attachmentsField(),
			keyboardField,
			menuField,
			booleanField('Mark as Edited', 'isEdited', 'Whether Bitrix24 shows the message as edited', true),
			urlPreviewField(),
		]),
	],
	toParams: (read) => {
		const text = read.optionalText('text');
		if (text === undefined) {
			read.invalid(
				'text',
				'it must not be empty: Bitrix24 would delete the message instead of updating it (use Message → Delete to delete)',
			);
		}
		return {
			MESSAGE_ID: read.positiveInteger('messageId'),
			MESSAGE: text,
			ATTACH: read.attach('additionalFields.attachments'),
			KEYBOARD: read.json('additionalFields.keyboard'),
			MENU: read.json('additionalFields.menu'),
			IS_EDITED: read.flag('additionalFields.isEdited', true),
			URL_PREVIEW: read.flag('additionalFields.urlPreview', true),
		};
	},
	shape: done(),
	// Setting the same content again leaves the same message.
});

export const deleteMessage = singleCall({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a message',
	description: 'Delete a message the credential\'s user sent',
	method: 'im.message.delete',
	fields: [
		messageIdField('Message ID', 'The message to delete; the credential\'s user must be its author. A whole number greater than 0.'),
	],
	toParams: (read) => ({ MESSAGE_ID: read.positiveInteger('messageId') }),
	shape: done(),
	// A repeat cannot delete anything else (it may answer CANT_EDIT_MESSAGE for the already deleted message).
});
