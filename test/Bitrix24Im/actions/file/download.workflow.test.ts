jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { callAs, emulatorRunner, oauth2Credentials, useEmulator } from '../../../helpers/emulator';
import { runWorkflow } from '../../../helpers/runWorkflow';

const emulator = useEmulator();
const run = emulatorRunner(emulator, { resource: 'file' });

const bytes = Buffer.from('%PDF-1.4 report ♥ Q1\n');

/** A file posted in chat2 by user 2 (through the emulator's REST API), as the workflow finds it. */
async function postedFile(name = 'Report Q1.pdf'): Promise<number> {
	const posted = (await callAs(emulator().webhooks.user2.url, 'im.v2.File.upload', {
		dialogId: 'chat2',
		fields: { name, content: bytes.toString('base64') },
	})) as { file: { id: number } };
	return posted.file.id;
}

const download = (fileId: number | string, extra: Record<string, unknown> = {}) => ({
	operation: 'download',
	dialogId: 'chat2',
	fileId: String(fileId),
	binaryPropertyName: 'data',
	...extra,
});

describe('File → Download', () => {
	it('puts the file into the output binary, byte for byte, with its name, type and metadata', async () => {
		const fileId = await postedFile();
		emulator().clearLog();
		const { output, error } = await run([{ keep: 'me' }], download(fileId, { binaryPropertyName: 'report' }));
		expect(error).toBeUndefined();
		expect(output[0].json).toEqual({ fileId, dialogId: 'chat2', fileName: 'Report Q1.pdf', mimeType: 'application/pdf', size: bytes.length });
		const binary = output[0].binary?.report;
		expect(Buffer.from(binary?.data ?? '', 'base64')).toEqual(bytes);
		expect(binary).toMatchObject({ fileName: 'Report Q1.pdf', mimeType: 'application/pdf', fileExtension: 'pdf' });
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(emulator().log.map(({ method }) => method)).toEqual(['im.v2.file.download', 'download']);
	});

	it('never lets the signed link (or the webhook secret) into the output, raw or simplified', async () => {
		const fileId = await postedFile();
		const secret = emulator().webhooks.admin.secret;
		for (const simplify of [true, false]) {
			const { run: stored, output, error } = await run([{}], download(fileId, { simplify }));
			expect(error).toBeUndefined();
			expect(Buffer.from(output[0].binary?.data.data ?? '', 'base64')).toEqual(bytes);
			const everything = JSON.stringify(stored);
			for (const leak of ['download.json', 'token=', secret]) expect(everything).not.toContain(leak);
		}
	});

	it('never lets the link or the OAuth2 token out either', async () => {
		const fileId = await postedFile();
		const { credentials, tokens } = oauth2Credentials(emulator());
		const { run: stored, output, error } = await runWorkflow({
			items: [{}],
			parameters: { authentication: 'oAuth2', resource: 'file', ...download(fileId), options: { timeout: 2 } },
			credentials,
		});
		expect(error).toBeUndefined();
		expect(Buffer.from(output[0].binary?.data.data ?? '', 'base64')).toEqual(bytes);
		const everything = JSON.stringify(stored);
		for (const leak of ['download.json', 'token=', tokens.access_token]) expect(everything).not.toContain(leak);
	});

	it('reports a failed fetch of the link by the method, never the link, and fetches it only once', async () => {
		const fileId = await postedFile();
		const secret = emulator().webhooks.admin.secret;
		for (const fault of ['html500', 'reset']) {
			emulator().clearLog();
			emulator().injectFault(fault, { count: 1, method: 'download' });
			const { output } = await run([{}], download(fileId), { continueOnFail: true });
			expect(output[0].json.error).toMatch(/^Bitrix24 im\.v2\.File\.download: /);
			expect(output[0].binary).toBeUndefined();
			const text = JSON.stringify(output);
			for (const leak of ['download.json', 'token=', secret]) expect(text).not.toContain(leak);
			expect(emulator().log.map(({ method }) => method)).toEqual(['im.v2.file.download', 'download']);
		}
		emulator().injectFault('reset', { count: 1, method: 'download' });
		const { error } = await run([{}], download(fileId));
		expect(error?.message).toBe('Bitrix24 im.v2.File.download: the connection was reset before Bitrix24 answered [ECONNRESET]');
		expect(JSON.stringify(error)).not.toContain(secret);
	});

	it('reports Bitrix24\'s refusals: a file of another dialog, a dialog of someone else', async () => {
		const fileId = await postedFile();
		const { output } = await run([{ dialogId: 'chat1' }, { dialogId: 'chat2' }], download(fileId, { dialogId: '={{ $json.dialogId }}' }), {
			continueOnFail: true,
		});
		expect(output[0].json).toMatchObject({ code: 'FILE_NOT_FOUND', error: 'Bitrix24 im.v2.File.download: File not found [FILE_NOT_FOUND]' });
		expect(output[1].json).toMatchObject({ fileId, size: bytes.length });
		const outsider = emulator().addWebhook({ userId: 5, scopes: ['im'] });
		const denied = await run([{}], download(fileId), { continueOnFail: true, webhookUrl: outsider.url });
		expect(denied.output[0].json).toMatchObject({ code: 'ACCESS_DENIED', httpStatus: 403 });
	});
});
