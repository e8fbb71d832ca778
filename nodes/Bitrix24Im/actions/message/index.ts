import { dialogIdField } from '../fields';
import type { ResourceDescription } from '../types';

export const message: ResourceDescription = {
	value: 'message',
	name: 'Message',
	operations: [
		{
			value: 'send',
			name: 'Send',
			action: 'Send a message',
			description: 'Send a message to a dialog as the credential\'s user',
			method: 'im.message.add',
			fields: [
				dialogIdField(
					'Where to send: chatNNN for a group chat, sgNNN for a workgroup chat, or NNN, a user ID, for the private dialog with that user',
				),
				{
					displayName: 'Text',
					name: 'text',
					type: 'string',
					typeOptions: { rows: 3 },
					required: true,
					default: '',
					description: 'The message text; Bitrix24 BB-codes such as [b]bold[/b] are allowed',
				},
				{
					displayName: 'Additional Fields',
					name: 'additionalFields',
					type: 'collection',
					placeholder: 'Add Field',
					default: {},
					options: [
						{
							displayName: 'Reply To Message ID',
							name: 'replyToMessageId',
							type: 'string',
							default: '',
							description: 'The message this one answers; it must be in the same dialog',
						},
						{
							displayName: 'System Message',
							name: 'system',
							type: 'boolean',
							default: false,
							description: 'Whether to send it as a system message (shown without an author)',
						},
						{
							displayName: 'URL Preview',
							name: 'urlPreview',
							type: 'boolean',
							default: true,
							description: 'Whether Bitrix24 shows a preview of the first link in the text',
						},
					],
				},
			],
			toParams: (read) => ({
				DIALOG_ID: read.dialogId('dialogId'),
				MESSAGE: read.text('text'),
				SYSTEM: read.flag('additionalFields.system', false),
				URL_PREVIEW: read.flag('additionalFields.urlPreview', true),
				REPLY_ID: read.optionalPositiveInteger('additionalFields.replyToMessageId'),
			}),
			shape: ({ result }, params) => ({ messageId: result as number, dialogId: params.DIALOG_ID as string }),
			batchable: true,
			// A repeat after a lost answer would post the message twice.
			retrySafe: false,
		},
	],
};
