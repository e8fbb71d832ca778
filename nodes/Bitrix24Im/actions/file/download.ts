import { binaryOutputField, DIALOG_HELP, dialogIdField } from '../../../shared/fields';
import { steps } from '../../../shared/operations';
import { asObject } from '../../../shared/values';

const METHOD = 'im.v2.File.download';

/**
 * Download: im.v2.File.download answers a one-time link signed for the caller; the node fetches it at once and outputs
 * the file as a binary. The link itself never leaves the node, and a failure names the method, never the link.
 */
export const download = steps({
	value: 'download',
	name: 'Download',
	action: 'Download a file from a dialog',
	description: 'Download a file posted in a dialog into an output binary',
	methods: [METHOD],
	fields: [
		dialogIdField(`The dialog the file was posted in: ${DIALOG_HELP}`),
		{
			displayName: 'File ID',
			name: 'fileId',
			type: 'string',
			required: true,
			default: '',
			placeholder: '9817',
			description:
				'The file\'s ID on Bitrix24 Drive: fileId from File → Upload, or the ID of a file of Dialog → Get Messages. A whole number greater than 0.',
		},
		binaryOutputField('The output binary field to put the downloaded file in, e.g. data'),
	],
	toParams: (read) => {
		const params = { dialogId: read.dialogId('dialogId'), fileId: read.positiveInteger('fileId') };
		read.text('binaryPropertyName');
		return params;
	},
	run: async ({ call, download: fetchLink }, params) => {
		const link = await call(METHOD, params);
		if (!link.ok) return link;
		const url = asObject(link.value.result).downloadUrl;
		if (typeof url !== 'string' || url === '') {
			return { ok: false, failure: { kind: 'invalidBody', code: 'INVALID_RESPONSE', description: 'the answer held no download link', method: METHOD } };
		}
		const fetched = await fetchLink(url, METHOD);
		if (!fetched.ok || !fetched.value.file) return fetched;
		const file = { ...fetched.value.file, fileName: fetched.value.file.fileName ?? `file${params.fileId}` };
		const { fileName, mimeType, data } = file;
		return { ok: true, value: { result: { fileId: params.fileId, dialogId: params.dialogId, fileName, mimeType, size: data.length }, file } };
	},
	shape: ({ result }) => asObject(result),
	binaryOutputField: 'binaryPropertyName',
	// Reading a link and a file changes nothing (the link itself is fetched once).
	retrySafe: true,
});
