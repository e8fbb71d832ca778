import type { IDataObject } from 'n8n-workflow';

import { booleanField, collectionField, DIALOG_HELP, dialogIdField } from '../../../shared/fields';
import { list, offsetPaging, singleCall, succeededWithId } from '../../../shared/operations';
import { asObject } from '../../../shared/values';

/** A dialog itself (im.dialog.get, im.dialog.users.list, im.dialog.writing). */

export const getDialog = singleCall({
	value: 'get',
	name: 'Get',
	action: 'Get a dialog',
	description: 'Get a dialog\'s data: title, owner, type, members count, unread counter, last message ID and more',
	method: 'im.dialog.get',
	fields: [dialogIdField(`The dialog to read: ${DIALOG_HELP}`)],
	toParams: (read) => ({ DIALOG_ID: read.dialogId('dialogId') }),
	shape: ({ result }) => asObject(result),
});

export const getMembers = list({
	value: 'getMembers',
	name: 'Get Members',
	action: 'Get members of a dialog',
	description: 'List the members of a dialog, one item per user',
	method: 'im.dialog.users.list',
	fields: [
		dialogIdField(`The dialog whose members to list: ${DIALOG_HELP}`),
		collectionField('Filters', 'filters', 'Add Filter', [
			{
				displayName: 'Keep External Types',
				name: 'skipExternalExceptTypes',
				type: 'string',
				default: '',
				placeholder: 'bot,email',
				description: 'With Skip External Users on: external user types to keep anyway, separated by commas, e.g. bot,email',
			},
			booleanField('Skip External Users', 'skipExternal', 'Whether to leave out bots, e-mail and open-line users (external users)'),
		]),
	],
	toParams: (read) => ({
		DIALOG_ID: read.dialogId('dialogId'),
		SKIP_EXTERNAL: read.flag('filters.skipExternal', false),
		SKIP_EXTERNAL_EXCEPT_TYPES: read.optionalText('filters.skipExternalExceptTypes'),
		OFFSET: 0,
	}),
	paging: offsetPaging(200, ({ result }) => (Array.isArray(result) ? (result as IDataObject[]) : [])),
});

export const sendTyping = singleCall({
	value: 'sendTyping',
	name: 'Send Typing',
	action: 'Send a typing indicator to a dialog',
	description: 'Show the other members that the credential\'s user is typing (for a few seconds)',
	method: 'im.dialog.writing',
	fields: [dialogIdField(`Where to show the typing indicator: ${DIALOG_HELP}`)],
	toParams: (read) => ({ DIALOG_ID: read.dialogId('dialogId') }),
	shape: succeededWithId('dialogId', 'DIALOG_ID')(),
});
