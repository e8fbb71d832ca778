jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { emulatorRunner, oauth2Credentials, useEmulator } from '../../../helpers/emulator';
import { runWorkflow } from '../../../helpers/runWorkflow';

interface PortalState {
	messages: Record<number, { text: string; authorId: number; params: { FILE_ID?: number[] } }>;
	disk: { files: Record<number, { name: string; content: string }> };
}

const emulatorOf = useEmulator();
const emulator = () => emulatorOf() as ReturnType<typeof emulatorOf> & { state: PortalState };
const run = emulatorRunner(emulator, { resource: 'file' });

const pdf = Buffer.from('%PDF-1.4 the offer');
const item = (fileName = 'offer.pdf', data = pdf) => ({
	$binary: { data: { data: data.toString('base64'), fileName, mimeType: 'application/pdf' } },
});
const upload = (extra: Record<string, unknown> = {}) => ({ operation: 'upload', dialogId: 'chat2', binaryPropertyName: 'data', ...extra });

describe('File → Upload', () => {
	it('posts each input file in the dialog with its message, one request per file, and says what it posted', async () => {
		const { output, error } = await run([item(), item('notes.pdf', Buffer.from('%PDF-1.4 notes'))], upload({ message: '={{ "File " + $itemIndex }}' }));
		expect(error).toBeUndefined();
		expect(emulator().log.map(({ method }) => method)).toEqual(['im.v2.file.upload', 'im.v2.file.upload']);
		const posted = emulator().messagesOf('chat2').slice(-2) as unknown as PortalState['messages'][number][];
		expect(posted.map(({ text }) => text)).toEqual(['File 0', 'File 1']);
		const files = posted.map(({ params }) => emulator().state.disk.files[params.FILE_ID?.[0] as number]);
		expect(files.map(({ content }) => Buffer.from(content, 'base64').toString())).toEqual(['%PDF-1.4 the offer', '%PDF-1.4 notes']);
		expect(output.map(({ json }) => json)).toEqual([
			{ fileId: expect.any(Number), messageId: expect.any(Number), chatId: 2, dialogId: 'chat2', fileName: 'offer.pdf', size: pdf.length },
			{ fileId: expect.any(Number), messageId: expect.any(Number), chatId: 2, dialogId: 'chat2', fileName: 'notes.pdf', size: 14 },
		]);
		expect(output.map(({ pairedItem }) => pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('uploads into a private dialog', async () => {
		const { output, error } = await run([item()], upload({ dialogId: { __rl: true, mode: 'id', value: '3' } }));
		expect(error).toBeUndefined();
		expect(output[0].json).toMatchObject({ dialogId: '3', fileName: 'offer.pdf' });
		expect(emulator().messagesOf('3').at(-1)?.id).toBe(output[0].json.messageId);
	});

	it('lets no secret out through the links of the raw answer, webhook or OAuth2', async () => {
		const raw = await run([item()], upload({ simplify: false }));
		const text = JSON.stringify(raw.output);
		expect(text).toContain('/rest/1/***/download.json');
		expect(text).not.toContain(emulator().webhooks.admin.secret);

		const { credentials, tokens } = oauth2Credentials(emulator());
		const viaApp = await runWorkflow({
			items: [item()],
			parameters: { authentication: 'oAuth2', resource: 'file', ...upload({ simplify: false }), options: { timeout: 2 } },
			credentials,
		});
		expect(viaApp.error).toBeUndefined();
		expect(JSON.stringify(viaApp.output)).toContain('download.json?auth=***');
		expect(JSON.stringify(viaApp.run)).not.toContain(tokens.access_token);
	});

	it('reports Bitrix24\'s refusal for the item, and never sends a file again after a lost answer', async () => {
		const outsider = emulator().addWebhook({ userId: 5, scopes: ['im'] });
		const denied = await run([item()], upload(), { continueOnFail: true, webhookUrl: outsider.url });
		expect(denied.output[0].json).toMatchObject({ code: 'ACCESS_DENIED', error: 'Bitrix24 im.v2.File.upload: Access denied [ACCESS_DENIED]' });

		emulator().clearLog();
		const before = emulator().messagesOf('chat2').length;
		emulator().injectFault('reset', { count: 5, method: 'im.v2.file.upload' });
		const lost = await run([item()], upload(), { continueOnFail: true });
		expect(lost.output[0].json).toMatchObject({ code: 'ECONNRESET' });
		expect(emulator().log).toHaveLength(1);
		expect(emulator().messagesOf('chat2')).toHaveLength(before);
	});

	it('refuses an item without the binary before sending, and goes on with the others', async () => {
		emulator().clearLog();
		const { output } = await run([{}, item()], upload(), { continueOnFail: true });
		expect(output[0].json.error).toBe('Item 0: Input Binary Field "data" is not valid: the input item has no binary property of that name');
		expect(output[1].json).toMatchObject({ fileName: 'offer.pdf' });
		expect(emulator().log).toHaveLength(1);
	});
});
