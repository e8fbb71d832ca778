import type { IDataObject } from 'n8n-workflow';

import { binaryOutputField, binaryPropertyField } from '../../../shared/fields';
import type { ResourceDescription } from '../../../shared/operations';
import { singleCall, steps } from '../../../shared/operations';
import { asBot, botDialogId, botField, DIALOG_HELP, dialogField } from '../common';

/** Bitrix24 refuses bigger files (FILE_TOO_LARGE). */
const MAX_BYTES = 100 * 1024 * 1024;

const upload = singleCall({
	value: 'upload',
	name: 'Upload',
	action: 'Send a file as the bot',
	description: 'Post an input binary into a dialog as the bot, with an optional message. Never repeated after a lost answer.',
	method: 'imbot.v2.File.upload',
	fields: [
		botField,
		dialogField(`Where to post the file: ${DIALOG_HELP}`),
		binaryPropertyField('The input binary field holding the file to send (at most 100 MB), e.g. data'),
		{ displayName: 'Message', name: 'message', type: 'string', typeOptions: { rows: 2 }, default: '', description: 'Text posted with the file' },
	],
	toParams: async (read) => {
		const file = await read.binary('binaryPropertyName', MAX_BYTES);
		return asBot(read, {
			dialogId: botDialogId(read),
			fields: { name: file.fileName, content: file.base64, message: read.optionalText('message') },
		});
	},
	shape: ({ result }) => {
		const answer = (result ?? {}) as { file?: IDataObject; messageId?: number; chatId?: number; dialogId?: string };
		const file = answer.file ?? {};
		return { fileId: file.id, fileName: file.name, size: file.size, messageId: answer.messageId, chatId: answer.chatId, dialogId: answer.dialogId };
	},
	// A repeat after a lost answer would post the file twice; not batched: the file travels in the request.
	retrySafe: false,
	batchable: false,
});

const download = steps({
	value: 'download',
	name: 'Download',
	action: 'Download a file as the bot',
	description: 'Get a file of a dialog the bot is in as an n8n binary (the download link is used once and never shown)',
	methods: ['imbot.v2.File.download'],
	fields: [
		botField,
		{
			displayName: 'File ID',
			name: 'fileId',
			type: 'string',
			required: true,
			default: '',
			placeholder: '138',
			description: 'The file\'s ID, e.g. from a message\'s params.FILE_ID in a trigger event or from Upload. A whole number greater than 0.',
		},
		binaryOutputField('The output binary field to put the downloaded file in, e.g. data'),
	],
	toParams: (read) => {
		read.text('binaryPropertyName');
		return asBot(read, { fileId: read.positiveInteger('fileId') });
	},
	run: async ({ call, download: fetch }, params) => {
		const link = await call('imbot.v2.File.download', params);
		if (!link.ok) return link;
		const url = (link.value.result as { downloadUrl?: unknown } | null)?.downloadUrl;
		if (typeof url !== 'string' || url === '') {
			return { ok: false, failure: { kind: 'invalidBody', code: 'INVALID_RESPONSE', description: 'the answer held no download link', method: 'imbot.v2.File.download' } };
		}
		return await fetch(url, 'imbot.v2.File.download');
	},
	binaryOutputField: 'binaryPropertyName',
	shape: ({ file }, params) => ({ fileId: params.fileId, fileName: file?.fileName, mimeType: file?.mimeType, size: file?.data.length }),
	// Asking for a link again is harmless; the link itself is fetched once, whatever happens.
	retrySafe: true,
});

export const file: ResourceDescription = {
	value: 'file',
	name: 'File',
	operations: [upload, download],
};
