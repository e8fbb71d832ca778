import type { IDataObject } from 'n8n-workflow';

import type { StepCalls } from '../../../../nodes/shared/operations';
import type { CallOutcome } from '../../../../nodes/shared/transport';
import { bot, chatbot, refusalCases, requestCases, shapeCases } from '../../../helpers/chatbotOperations';
import { pdf } from '../../../helpers/operationTables';

const PDF_BASE64 = pdf.data.data.toString('base64');

describe('File → Upload, Download', () => {
	requestCases('file', '%s sends %s with %j', [
		['upload', 'imbot.v2.File.upload', { botId: bot(7), dialogId: '3', binaryPropertyName: 'data', message: 'The offer' },
			{ botId: 7, dialogId: '3', fields: { name: 'offer.pdf', content: PDF_BASE64, message: 'The offer' } }, pdf],
		['download', undefined, { botId: bot(7), fileId: '138' }, { botId: 7, fileId: 138 }],
	]);

	refusalCases('file', [
		['upload', { botId: bot(7), dialogId: '3', binaryPropertyName: 'missing' }, 'Item 0: Input Binary Field "missing" is not valid: the input item has no binary property of that name', pdf],
		['download', { botId: bot(7), fileId: 'abc' }, 'Item 0: File ID "abc" is not valid'],
		['download', { botId: bot(7), fileId: '1', binaryPropertyName: ' ' }, 'Item 0: Put Output File in Field " " is not valid: it must not be empty'],
	]);

	shapeCases('file', [
		['upload', { file: { id: 138, name: 'offer.pdf', size: 8 }, messageId: 790, chatId: 5, dialogId: '3' }, {},
			{ fileId: 138, fileName: 'offer.pdf', size: 8, messageId: 790, chatId: 5, dialogId: '3' }],
	]);

	it('Upload is never repeated after a lost answer nor batched; Download fetches the link once and names the method', async () => {
		expect([chatbot.singleCallOf('file', 'upload').retrySafe, chatbot.singleCallOf('file', 'upload').batchable]).toEqual([false, false]);
		const download = chatbot.operationOf('file', 'download');
		if (download.kind !== 'steps') throw new Error('Download is a steps operation');
		expect(download.binaryOutputField).toBe('binaryPropertyName');
		const fetched: string[] = [];
		const file = { data: Buffer.from('%PDF'), fileName: 'offer.pdf', mimeType: 'application/pdf' };
		const steps: StepCalls = {
			call: async (method: string, params: IDataObject): Promise<CallOutcome> => ({ ok: true, value: { result: { downloadUrl: `https://x/rest/download.json?token=imbot%7Cabc&m=${method}&f=${params.fileId}` } } }),
			download: async (url: string, method: string): Promise<CallOutcome> => {
				fetched.push(`${url} by ${method}`);
				return { ok: true, value: { result: null, file } };
			},
		};
		const outcome = await download.run(steps, { botId: 7, fileId: 138 });
		expect(fetched).toEqual(['https://x/rest/download.json?token=imbot%7Cabc&m=imbot.v2.File.download&f=138 by imbot.v2.File.download']);
		expect(outcome.ok && download.shape?.(outcome.value, { fileId: 138 })).toEqual({ fileId: 138, fileName: 'offer.pdf', mimeType: 'application/pdf', size: 4 });
		const noLink = await download.run({ ...steps, call: async () => ({ ok: true, value: { result: {} } }) }, { fileId: 1 });
		expect(noLink).toMatchObject({ ok: false, failure: { code: 'INVALID_RESPONSE', method: 'imbot.v2.File.download' } });
	});
});
