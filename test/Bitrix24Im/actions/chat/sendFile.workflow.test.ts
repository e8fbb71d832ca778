jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { json, useChatEmulator } from '../../../helpers/chatWorkflow';
import { oauth2Credentials } from '../../../helpers/emulator';
import { runWorkflow } from '../../../helpers/runWorkflow';

const { emulator, run } = useChatEmulator();

describe('Chat → Send File', () => {
	const pdf = Buffer.from('%PDF-1.4 offer');
	const sendFile = (extra: Record<string, unknown> = {}) => ({
		operation: 'sendFile',
		chatId: { __rl: true, mode: 'id', value: 'chat2' },
		binaryPropertyName: 'data',
		message: 'The offer',
		...extra,
	});
	const item = { $binary: { data: { data: pdf.toString('base64'), fileName: 'offer.pdf', mimeType: 'application/pdf' } } };

	it('uploads the file into the chat and posts it with the message', async () => {
		const { output, error } = await run([item], sendFile());
		expect(error).toBeUndefined();
		expect(emulator().log.map(({ method }) => method)).toEqual(['im.disk.folder.get', 'disk.folder.uploadfile', 'im.disk.file.commit']);
		const posted = emulator().messagesOf('chat2').at(-1) as { id: number; text: string; params: { FILE_ID: number[] } };
		expect(posted.text).toBe('The offer');
		const file = emulator().state.disk.files[posted.params.FILE_ID[0]];
		expect(Buffer.from(file.content, 'base64')).toEqual(pdf);
		expect(json(output)).toEqual([
			{ chatId: 2, dialogId: 'chat2', fileId: file.id, messageId: posted.id, fileName: 'offer.pdf', size: pdf.length },
		]);
	});

	it('never lets the webhook secret out through the download links of the raw answer', async () => {
		const key = emulator().webhooks.admin.secret;
		const { output, error } = await run([item], sendFile({ simplify: false }));
		expect(error).toBeUndefined();
		const text = JSON.stringify(output);
		expect(text).toContain('download.json');
		expect(text).toContain('/rest/1/***/download.json');
		expect(text).not.toContain(key);
	});

	it('never lets the OAuth2 access token out either (those links carry ?auth=<token>)', async () => {
		const { credentials, tokens } = oauth2Credentials(emulator(), { scopes: ['im', 'disk'] });
		const { output, error } = await runWorkflow({
			items: [item],
			parameters: { authentication: 'oAuth2', resource: 'chat', ...sendFile({ simplify: false }), options: { timeout: 2 } },
			credentials,
		});
		expect(error).toBeUndefined();
		const text = JSON.stringify(output);
		expect(text).toContain('download.json?auth=***');
		expect(text).not.toContain(tokens.access_token);
	});

	it('reports the failing step, and does not retry the upload after a lost answer', async () => {
		const outsider = emulator().addWebhook({ userId: 4, scopes: ['im', 'disk'] });
		const denied = await run([item], sendFile(), { continueOnFail: true, webhookUrl: outsider.url });
		expect(json(denied.output)[0]).toMatchObject({ code: 'ACCESS_ERROR', error: expect.stringContaining('im.disk.folder.get') });

		emulator().clearLog();
		emulator().injectFault('reset', { count: 5, method: 'disk.folder.uploadfile' });
		const lost = await run([item], sendFile(), { continueOnFail: true });
		expect(json(lost.output)[0]).toMatchObject({ code: 'ECONNRESET', error: expect.stringContaining('disk.folder.uploadfile') });
		expect(emulator().log.map(({ method }) => method)).toEqual(['im.disk.folder.get', 'disk.folder.uploadfile']);
	});
});
