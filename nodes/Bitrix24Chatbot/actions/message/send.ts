import { attachmentsField, booleanField, collectionField, messageTextField } from '../../../shared/fields';
import { singleCall } from '../../../shared/operations';
import {
	anySet,
	asBot,
	botDialogId,
	botField,
	contentOptions,
	DIALOG_HELP,
	dialogField,
	done,
	keyboard,
	keyboardField,
	messageContent,
	messageIdField,
	messageText,
	urlPreviewField,
} from '../common';

export const send = singleCall({
	value: 'send',
	name: 'Send',
	action: 'Send a message as the bot',
	description: 'Post a message as the bot. Never repeated after a lost answer: Bitrix24 may already have posted it.',
	method: 'imbot.v2.Chat.Message.send',
	fields: [
		botField,
		dialogField(`Where to post: ${DIALOG_HELP}`),
		messageTextField('The text, at most 20,000 characters; BB-codes such as [b]bold[/b] (no Markdown). Required unless Attachments are given.', false),
		collectionField('Additional Fields', 'additionalFields', 'Add Field', [
			...contentOptions,
			{
				displayName: 'Reply To Message ID',
				name: 'replyToMessageId',
				type: 'string',
				default: '',
				description: 'The message this one answers; it must be in the same dialog',
			},
		]),
	],
	toParams: (read) =>
		asBot(read, {
			dialogId: botDialogId(read),
			fields: { ...messageContent(read), replyId: read.optionalPositiveInteger('additionalFields.replyToMessageId') },
		}),
	shape: ({ result }, params) => ({ messageId: (result as { id?: number } | null)?.id, dialogId: params.dialogId }),
	// A repeat after a lost answer would post the message twice.
	retrySafe: false,
});

export const update = singleCall({
	value: 'update',
	name: 'Update',
	action: 'Update a message of the bot',
	description: 'Change the text, attachments or keyboard of a message the bot sent (for example, disable a keyboard once pressed)',
	method: 'imbot.v2.Chat.Message.update',
	fields: [
		botField,
		messageIdField('The bot\'s own message to change. A whole number greater than 0.'),
		collectionField('Update Fields', 'updateFields', 'Add Field', [
			attachmentsField(),
			keyboardField,
			booleanField('Remove Keyboard', 'removeKeyboard', 'Whether to remove the message\'s keyboard (wins over Keyboard)'),
			{ ...messageTextField('The new text, at most 20,000 characters; BB-codes allowed', false) },
			urlPreviewField,
		]),
	],
	toParams: (read) => {
		const removeKeyboard = read.optionalFlag('updateFields.removeKeyboard') === 'Y';
		const fields = {
			message: messageText(read, 'updateFields.text'),
			attach: read.attach('updateFields.attachments'),
			keyboard: removeKeyboard ? 'N' : keyboard(read, 'updateFields.keyboard'),
			urlPreview: read.optionalFlag('updateFields.urlPreview'),
		};
		if (!anySet(fields)) read.invalid('updateFields', 'add at least one field to change', {});
		return asBot(read, { messageId: read.positiveInteger('messageId'), fields });
	},
	shape: done((params) => ({ messageId: params.messageId })),
	// Setting the same content again leaves the same message.
});

export const remove = singleCall({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a message',
	description: 'Delete a message the bot sent (or, where the bot is a chat admin, anyone\'s)',
	method: 'imbot.v2.Chat.Message.delete',
	fields: [
		botField,
		messageIdField('The message to delete. A whole number greater than 0.'),
		booleanField('Delete Completely', 'complete', 'Whether to remove the message without a trace instead of showing it as deleted'),
	],
	toParams: (read) => asBot(read, { messageId: read.positiveInteger('messageId'), complete: read.flag('complete', false) }),
	shape: done((params) => ({ messageId: params.messageId })),
	// A repeat cannot delete anything else (it answers ACCESS_DENIED for the deleted message).
});
