import type { IDataObject } from 'n8n-workflow';

import type { MethodCall, StepsOperation } from '../../../../nodes/shared/operations';
import type { CallOutcome as Bitrix24Outcome } from '../../../../nodes/shared/transport';
import { operationOf } from '../../../helpers/operationRequest';
import { byId, pdf, refusalCases, requestCases, shapeCases } from '../../../helpers/operationTables';

const operation = (value: string) => operationOf('chat', value);

describe('chat requests', () => {
	requestCases('chat', '%s → %s %j', [
		[
			'sendFile',
			undefined,
			{ chatId: byId('7'), binaryPropertyName: 'data', message: ' Offer ' },
			{ CHAT_ID: 7, MESSAGE: 'Offer', fileName: 'offer.pdf', fileContent: Buffer.from('%PDF-1.4').toString('base64') },
			pdf,
		],
	]);

	refusalCases('chat', [
		['sendFile', { chatId: byId('12'), binaryPropertyName: 'file' }, 'Item 0: Input Binary Field "file" is not valid: the input item has no binary property of that name', pdf],
	]);
});

describe('chat answers', () => {
	shapeCases('chat', [
		[
			'sendFile',
			{ FILES: { upload9: { id: 9, name: 'offer.pdf', size: 8, urlDownload: 'https://x/rest/1/abcdef/download.json' } }, DISK_ID: [9], MESSAGE_ID: 151 },
			{ CHAT_ID: 7, fileName: 'offer.pdf' },
			{ chatId: 7, dialogId: 'chat7', fileId: 9, messageId: 151, fileName: 'offer.pdf', size: 8 },
		],
	]);
});

describe('Send File steps', () => {
	const sendFile = operation('sendFile') as StepsOperation;
	// Send File downloads nothing.
	const run = async (call: MethodCall, params: IDataObject) =>
		await sendFile.run({ call, download: async () => await Promise.reject(new Error('no download expected')) }, params);
	const params = { CHAT_ID: 7, MESSAGE: 'Offer', fileName: 'offer.pdf', fileContent: 'JVBERi0xLjQ=' };

	function fakeCall(answers: Record<string, Bitrix24Outcome>) {
		const calls: Array<[string, IDataObject]> = [];
		const call: MethodCall = async (method, callParams) => {
			calls.push([method, callParams]);
			return answers[method];
		};
		return { call, calls };
	}

	it('finds the chat folder, uploads into it, then posts the upload', async () => {
		const commit: Bitrix24Outcome = { ok: true, value: { result: { DISK_ID: [9], MESSAGE_ID: 151 } } };
		const { call, calls } = fakeCall({
			'im.disk.folder.get': { ok: true, value: { result: { ID: 44 } } },
			'disk.folder.uploadfile': { ok: true, value: { result: { ID: 9, NAME: 'offer.pdf' } } },
			'im.disk.file.commit': commit,
		});
		expect(await run(call, params)).toBe(commit);
		expect(calls).toEqual([
			['im.disk.folder.get', { CHAT_ID: 7 }],
			['disk.folder.uploadfile', { id: 44, data: { NAME: 'offer.pdf' }, fileContent: ['offer.pdf', 'JVBERi0xLjQ='], generateUniqueName: true }],
			['im.disk.file.commit', { CHAT_ID: 7, UPLOAD_ID: 9, MESSAGE: 'Offer' }],
		]);
	});

	it('stops at the first failing step and reports it', async () => {
		const denied: Bitrix24Outcome = { ok: false, failure: { kind: 'api', code: 'ACCESS_ERROR', description: 'no access', method: 'im.disk.folder.get' } };
		const { call, calls } = fakeCall({ 'im.disk.folder.get': denied });
		expect(await run(call, params)).toBe(denied);
		expect(calls).toHaveLength(1);
	});
});
