'use strict';
/*
 * Issue 16's file round trip in a real n8n (2.41.1, `n8n execute`) against the emulator, as one workflow a user would
 * build: make a file from base64 (Convert to File), File → Upload it into a chat with a message, find that message with
 * Message → Search, File → Download its file into a binary, and read the downloaded bytes back (a Code node). The bytes
 * must be the same, and the webhook's secret (which signs Bitrix24's download links) must appear nowhere: not in what
 * n8n printed, not in the execution it stored.
 */
const { createInstance, workflow, codeNode, outputOf, mustSucceed, NODE_TYPE } = require('../../scripts/lib/n8n');
const { startEmulator } = require('../emulator');

const PACKAGE_DIR = process.env.E2E_PACKAGE_DIR || undefined;
const CREDENTIAL = { bitrix24WebhookApi: { id: 'b24files', name: 'B24 admin (user 1)' } };
const FILE_NAME = 'Round trip report.pdf';
// Every byte value, so that no encoding step can pass unnoticed.
const BYTES = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(Array.from({ length: 256 }, (_, i) => i)), Buffer.from('\n%%EOF\n')]);

function bitrix24(name, parameters) {
	return { name, type: NODE_TYPE, typeVersion: 1, parameters: { authentication: 'webhook', ...parameters }, credentials: CREDENTIAL };
}

function jsCode(name, code) {
	return { name, type: 'n8n-nodes-base.code', typeVersion: 2, parameters: { mode: 'runOnceForAllItems', language: 'javaScript', jsCode: code } };
}

const roundTrip = (marker) =>
	workflow({
		id: 'fileRoundTrip',
		nodes: [
			codeNode('Source', [{ base64: BYTES.toString('base64') }]),
			{
				name: 'Make File',
				type: 'n8n-nodes-base.convertToFile',
				typeVersion: 1.1,
				parameters: { operation: 'toBinary', sourceProperty: 'base64', binaryPropertyName: 'data', options: { fileName: FILE_NAME, mimeType: 'application/pdf' } },
			},
			bitrix24('Upload', { resource: 'file', operation: 'upload', dialogId: { __rl: true, mode: 'id', value: 'chat2' }, binaryPropertyName: 'data', message: marker }),
			bitrix24('Search', {
				resource: 'message',
				operation: 'search',
				chatId: { __rl: true, mode: 'id', value: '={{ $json.chatId }}' },
				searchText: marker,
				returnAll: true,
			}),
			jsCode(
				'Pick',
				`const [found] = $input.all();
return [{ json: { dialogId: $('Upload').first().json.dialogId, fileId: found.json.files[0].id } }];`,
			),
			bitrix24('Download', {
				resource: 'file',
				operation: 'download',
				dialogId: '={{ $json.dialogId }}',
				fileId: '={{ $json.fileId }}',
				binaryPropertyName: 'downloaded',
			}),
			jsCode(
				'Bytes',
				`const out = [];
for (let i = 0; i < $input.all().length; i++) {
	const buffer = await this.helpers.getBinaryDataBuffer(i, 'downloaded');
	out.push({ json: { base64: buffer.toString('base64'), size: buffer.length } });
}
return out;`,
			),
		],
	});

describe('a file from a binary into a chat and back, in a real n8n', () => {
	let emu;
	let n8n;

	beforeAll(async () => {
		emu = await startEmulator({ port: 0 });
		n8n = await createInstance({ name: 'files', packageDir: PACKAGE_DIR });
		await n8n.importCredentials([{ id: 'b24files', name: 'B24 admin (user 1)', type: 'bitrix24WebhookApi', data: { webhookUrl: emu.webhooks.admin.url } }]);
	});

	afterAll(async () => {
		if (n8n) await n8n.cleanup();
		if (emu) await emu.close();
	});

	test('upload, search, download: the same bytes, and the webhook secret nowhere', async () => {
		const marker = `Round trip ${Date.now()}`;
		const since = emu.seq;
		const wf = roundTrip(marker);
		await n8n.importWorkflow(wf);
		const res = await n8n.execute(wf.id);
		mustSucceed(res);

		// Upload: one request, the file posted in chat2 with the message.
		const [uploaded] = outputOf(res.run, 'Upload');
		expect(uploaded).toEqual({
			fileId: expect.any(Number), messageId: expect.any(Number), chatId: 2, dialogId: 'chat2', fileName: FILE_NAME, size: BYTES.length,
		});
		const message = emu.state.messages[uploaded.messageId];
		expect(message.text).toBe(marker);
		expect(message.params.FILE_ID).toEqual([uploaded.fileId]);
		expect(Buffer.from(emu.state.disk.files[uploaded.fileId].content, 'base64')).toEqual(BYTES);

		// Search: exactly that message, its file attached without links.
		const found = outputOf(res.run, 'Search');
		expect(found.map((m) => m.id)).toEqual([uploaded.messageId]);
		expect(found[0].files).toEqual([expect.objectContaining({ id: uploaded.fileId, name: FILE_NAME, urlDownload: null, urlShow: null })]);

		// Download: the file as the item's binary, with its name and type; the bytes read back are the bytes sent.
		const [downloaded] = outputOf(res.run, 'Download');
		expect(downloaded).toEqual({ fileId: uploaded.fileId, dialogId: 'chat2', fileName: FILE_NAME, mimeType: 'application/pdf', size: BYTES.length });
		const binary = res.run.data.resultData.runData.Download[0].data.main[0][0].binary.downloaded;
		expect(binary).toMatchObject({ fileName: FILE_NAME, mimeType: 'application/pdf' });
		const [bytes] = outputOf(res.run, 'Bytes');
		expect(bytes.size).toBe(BYTES.length);
		expect(Buffer.from(bytes.base64, 'base64')).toEqual(BYTES);

		// The requests, in order: one upload, one search page, the link, and the link fetched once.
		const methods = emu.log.filter((entry) => entry.seq > since).map((entry) => entry.method);
		expect(methods).toEqual(['im.v2.file.upload', 'im.dialog.messages.search', 'im.v2.file.download', 'download']);

		// Nothing of the webhook's secret, nor the signed link, in what n8n printed or stored.
		const secret = emu.webhooks.admin.secret;
		const stored = await n8n.readExecution({ workflowId: wf.id });
		expect(stored).not.toBeNull();
		for (const [where, text] of [['printed run', JSON.stringify(res.run)], ['n8n output', res.output], ['stored execution', JSON.stringify(stored)]]) {
			expect({ where, hasSecret: text.includes(secret), hasLink: text.includes('download.json') }).toEqual({ where, hasSecret: false, hasLink: false });
		}
	});
});
