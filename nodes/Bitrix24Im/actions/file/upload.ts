import type { INodeProperties } from 'n8n-workflow';

import { binaryPropertyField, DIALOG_HELP, dialogIdField } from '../../../shared/fields';
import { singleCall } from '../../../shared/operations';
import { asObject } from '../../../shared/values';

/** The text posted with a file (also Chat → Send File's). */
export const fileMessageField: INodeProperties = {
	displayName: 'Message',
	name: 'message',
	type: 'string',
	typeOptions: { rows: 2 },
	default: '',
	description: 'Text posted with the file; leave empty to post the file alone',
};

/** The largest file im.v2.File.upload takes (100 MB); a larger one is refused before sending (FILE_TOO_LARGE). */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

export const upload = singleCall({
	value: 'upload',
	name: 'Upload',
	action: 'Upload a file to a dialog',
	description: 'Upload an input binary into a dialog\'s files and post it as a message, with an optional text',
	method: 'im.v2.File.upload',
	fields: [
		dialogIdField(`Where to post the file: ${DIALOG_HELP}`),
		binaryPropertyField('The input binary field holding the file to upload (at most 100 MB), e.g. data'),
		fileMessageField,
	],
	toParams: async (read) => {
		const dialogId = read.dialogId('dialogId');
		const file = await read.binary('binaryPropertyName', MAX_UPLOAD_BYTES);
		return { dialogId, fields: { name: file.fileName, content: file.base64, message: read.optionalText('message') } };
	},
	// The answer's file also holds links to it (urlDownload, urlShow, ...): the simplified output leaves them out.
	shape: ({ result }) => {
		const answer = asObject(result);
		const file = asObject(answer.file);
		return {
			fileId: file.id,
			messageId: answer.messageId,
			chatId: answer.chatId,
			dialogId: answer.dialogId,
			fileName: file.name,
			size: file.size,
		};
	},
	// One file per request: a batch of 50 files would be one huge request.
	batchable: false,
	// A repeat after a lost answer would post the file twice.
	retrySafe: false,
});
