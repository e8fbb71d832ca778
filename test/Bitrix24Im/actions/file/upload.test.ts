import { MAX_UPLOAD_BYTES } from '../../../../nodes/Bitrix24Im/actions/file/upload';
import { byId, pdf, refusalCases, requestCases, shapeCases } from '../../../helpers/operationTables';

const content = Buffer.from('%PDF-1.4').toString('base64');

describe('file upload requests', () => {
	requestCases('file', '%s → %s %j', [
		['upload', 'im.v2.File.upload', { dialogId: byId(' CHAT02 '), binaryPropertyName: 'data', message: ' The offer ' },
			{ dialogId: 'chat2', fields: { name: 'offer.pdf', content, message: 'The offer' } }, pdf],
		['upload', 'im.v2.File.upload', { dialogId: '42', binaryPropertyName: 'data' }, { dialogId: '42', fields: { name: 'offer.pdf', content } }, pdf],
	]);

	refusalCases('file', [
		['upload', { dialogId: byId('chat2'), binaryPropertyName: 'file' },
			'Item 0: Input Binary Field "file" is not valid: the input item has no binary property of that name', pdf],
		['upload', { dialogId: byId('notify'), binaryPropertyName: 'data' },
			'Item 0: Dialog ID "notify" is not valid: it is the notifications dialog, which this operation does not take', pdf],
		['upload', { dialogId: byId('chat2'), binaryPropertyName: 'data' },
			`Item 0: Input Binary Field "data" is not valid: its file is ${MAX_UPLOAD_BYTES + 1} bytes, more than the ${MAX_UPLOAD_BYTES} bytes Bitrix24 accepts`,
			{ data: { data: Buffer.alloc(MAX_UPLOAD_BYTES + 1), fileName: 'huge.bin', mimeType: 'application/octet-stream' } }],
	]);

	it('takes Bitrix24\'s limit, 100 MB', () => expect(MAX_UPLOAD_BYTES).toBe(100 * 1024 * 1024));
});

describe('file upload answers', () => {
	shapeCases('file', [
		['upload',
			{ file: { id: 9817, chatId: 4415, name: 'report.pdf', size: 35341, urlDownload: 'https://x/rest/1/secret1/download.json?token=a' },
				messageId: 38655, chatId: 4415, dialogId: 'chat4415' },
			{},
			{ fileId: 9817, messageId: 38655, chatId: 4415, dialogId: 'chat4415', fileName: 'report.pdf', size: 35341 }],
	]);
});
