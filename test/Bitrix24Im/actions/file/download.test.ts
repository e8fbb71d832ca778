import type { IDataObject } from 'n8n-workflow';

import type { StepCalls, StepsOperation } from '../../../../nodes/shared/operations';
import type { CallOutcome } from '../../../../nodes/shared/transport';
import { operationOf } from '../../../helpers/operationRequest';
import { byId, refusalCases, requestCases, shapeCases } from '../../../helpers/operationTables';

const LINK = 'https://acme.bitrix24.com/rest/1/hooksecret99/download.json?token=im%7Cabc';

describe('file download requests', () => {
	requestCases('file', '%s → %s %j', [
		['download', undefined, { dialogId: byId('chat2'), fileId: ' 0042 ', binaryPropertyName: 'file' }, { dialogId: 'chat2', fileId: 42 }],
	]);

	refusalCases('file', [
		['download', { dialogId: byId('chat2'), fileId: '4.2' }, 'Item 0: File ID "4.2" is not valid: it must be a whole number greater than 0'],
		['download', { dialogId: byId('chat2'), fileId: '42', binaryPropertyName: ' ' },
			'Item 0: Put Output File in Field " " is not valid: it must not be empty'],
		['download', { dialogId: byId('notify'), fileId: '42' }, 'Item 0: Dialog ID "notify" is not valid: it is the notifications dialog'],
	]);
});

describe('file download answers', () => {
	shapeCases('file', [
		['download', { fileId: 42, dialogId: 'chat2', fileName: 'a.pdf', mimeType: 'application/pdf', size: 8 }, {},
			{ fileId: 42, dialogId: 'chat2', fileName: 'a.pdf', mimeType: 'application/pdf', size: 8 }],
	]);
});

describe('Download steps', () => {
	const download = operationOf('file', 'download') as StepsOperation;
	const params = { dialogId: 'chat2', fileId: 42 };
	const bytes = Buffer.from('%PDF-1.4');

	function fakeSteps(linkAnswer: CallOutcome, fileAnswer?: CallOutcome) {
		const calls: Array<[string, IDataObject]> = [];
		const fetched: Array<[string, string]> = [];
		const steps: StepCalls = {
			call: async (method, callParams) => {
				calls.push([method, callParams]);
				return linkAnswer;
			},
			download: async (url, method) => {
				fetched.push([url, method]);
				if (!fileAnswer) throw new Error('no download expected');
				return fileAnswer;
			},
		};
		return { steps, calls, fetched };
	}

	it('asks for the link, fetches it once, and answers the file with its metadata, without the link', async () => {
		const { steps, calls, fetched } = fakeSteps(
			{ ok: true, value: { result: { downloadUrl: LINK } } },
			{ ok: true, value: { result: null, file: { data: bytes, fileName: 'offer.pdf', mimeType: 'application/pdf' } } },
		);
		const outcome = await download.run(steps, params);
		expect(calls).toEqual([['im.v2.File.download', params]]);
		expect(fetched).toEqual([[LINK, 'im.v2.File.download']]);
		expect(outcome).toEqual({
			ok: true,
			value: {
				result: { fileId: 42, dialogId: 'chat2', fileName: 'offer.pdf', mimeType: 'application/pdf', size: bytes.length },
				file: { data: bytes, fileName: 'offer.pdf', mimeType: 'application/pdf' },
			},
		});
		expect(JSON.stringify(outcome)).not.toContain('download.json');
		expect(download.binaryOutputField).toBe('binaryPropertyName');
	});

	it('names a file Bitrix24 sent without a name after its ID', async () => {
		const { steps } = fakeSteps(
			{ ok: true, value: { result: { downloadUrl: LINK } } },
			{ ok: true, value: { result: null, file: { data: bytes } } },
		);
		const outcome = await download.run(steps, params);
		expect(outcome.ok && outcome.value).toMatchObject({ result: { fileName: 'file42', mimeType: undefined }, file: { fileName: 'file42' } });
	});

	it('stops at a refused link, and fetches nothing', async () => {
		const refused: CallOutcome = { ok: false, failure: { kind: 'api', code: 'FILE_NOT_FOUND', description: 'File not found', method: 'im.v2.File.download' } };
		const { steps, fetched } = fakeSteps(refused);
		expect(await download.run(steps, params)).toBe(refused);
		expect(fetched).toEqual([]);
	});

	it('reports an answer without a link as an invalid answer of the method', async () => {
		const { steps, fetched } = fakeSteps({ ok: true, value: { result: [] } });
		expect(await download.run(steps, params)).toEqual({
			ok: false,
			failure: { kind: 'invalidBody', code: 'INVALID_RESPONSE', description: 'the answer held no download link', method: 'im.v2.File.download' },
		});
		expect(fetched).toEqual([]);
	});

	it('passes a failed fetch on as it is (it names the method, never the link)', async () => {
		const lost: CallOutcome = { ok: false, failure: { kind: 'network', code: 'ECONNRESET', description: 'reset', method: 'im.v2.File.download' } };
		const { steps } = fakeSteps({ ok: true, value: { result: { downloadUrl: LINK } } }, lost);
		expect(await download.run(steps, params)).toBe(lost);
	});
});
