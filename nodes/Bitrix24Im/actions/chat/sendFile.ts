import type { IDataObject } from 'n8n-workflow';

import { binaryPropertyField } from '../../../shared/fields';
import { steps } from '../../../shared/operations';
import { fileMessageField } from '../file/upload';
import { chatField, chatIdOf } from './common';

/**
 * Send File: the chat's disk folder, the upload into it, then the message that shows the uploaded file in the chat (the
 * chain im.v2.File.upload, File → Upload, replaces; kept for saved workflows).
 */
export const sendFile = steps({
	value: 'sendFile',
	name: 'Send File',
	action: 'Send a file to a chat',
	description:
		'Upload an input binary into the chat\'s files and post it as a message, in three requests that need the disk scope. Prefer File → Upload (one request, im scope only); Send File stays for saved workflows.',
	methods: ['im.disk.folder.get', 'disk.folder.uploadfile', 'im.disk.file.commit'],
	fields: [
		chatField('The chat to post the file to'),
		binaryPropertyField('The input binary field holding the file to send, e.g. data'),
		fileMessageField,
	],
	toParams: async (read) => {
		const file = await read.binary('binaryPropertyName');
		return {
			CHAT_ID: read.chatId('chatId'),
			MESSAGE: read.optionalText('message'),
			fileName: file.fileName,
			fileContent: file.base64,
		};
	},
	run: async ({ call }, params) => {
		const chatId = params.CHAT_ID as number;
		const folder = await call('im.disk.folder.get', { CHAT_ID: chatId });
		if (!folder.ok) return folder;
		const folderId = (folder.value.result as IDataObject | null)?.ID;
		const name = params.fileName as string;
		const upload = await call('disk.folder.uploadfile', {
			id: folderId,
			data: { NAME: name },
			fileContent: [name, params.fileContent],
			generateUniqueName: true,
		});
		if (!upload.ok) return upload;
		const uploadId = (upload.value.result as IDataObject | null)?.ID;
		return await call('im.disk.file.commit', { CHAT_ID: chatId, UPLOAD_ID: uploadId, MESSAGE: params.MESSAGE });
	},
	shape: ({ result }, params) => {
		const answer = (result ?? {}) as IDataObject;
		const files = Object.values((answer.FILES ?? {}) as IDataObject) as IDataObject[];
		const file = files[0] ?? {};
		return {
			chatId: chatIdOf(params),
			dialogId: `chat${chatIdOf(params)}`,
			fileId: (answer.DISK_ID as number[] | undefined)?.[0] ?? (file.id as number | undefined),
			messageId: answer.MESSAGE_ID as number | undefined,
			fileName: (file.name as string | undefined) ?? (params.fileName as string),
			size: file.size as number | undefined,
		};
	},
	// A repeat after a lost answer could upload or post the file twice.
	retrySafe: false,
});
