'use strict';
/** im.v2.File.upload / im.v2.File.download: one-call upload, one-time download links, errors. */
const { FILE_SIZE_LIMIT } = require('../methods/filesV2');

module.exports = {
	title: 'Files (im.v2): im.v2.File.upload, im.v2.File.download and its one-time links',
	async run(t) {
		const { assert, http, expectError } = t;
		const emu = await t.emulator();
		const admin = emu.webhooks.admin;
		const { call, ok } = t.restClient(admin.url);
		const bytes = Buffer.from('%PDF-1.4 quarterly report\n');
		const content = bytes.toString('base64');
		let uploaded;

		await t.check('upload: {file, messageId, chatId, dialogId}; the file is posted in a message; camelCase parameters', async () => {
			uploaded = await ok('im.v2.File.upload', { dialogId: 'chat2', fields: { name: 'report.pdf', content, message: ' Q1 ' } });
			assert.deepEqual(Object.keys(uploaded), ['file', 'messageId', 'chatId', 'dialogId']);
			assert.equal(uploaded.chatId, 2);
			assert.equal(uploaded.dialogId, 'chat2');
			assert.equal(uploaded.file.name, 'report.pdf');
			assert.equal(uploaded.file.size, bytes.length);
			assert.equal(uploaded.file.chatId, 2);
			const message = emu.state.messages[uploaded.messageId];
			assert.equal(message.text, 'Q1');
			assert.deepEqual(message.params.FILE_ID, [uploaded.file.id]);
			assert.ok(uploaded.file.urlDownload.includes(`/rest/1/${admin.secret}/download.json`), 'links carry the caller\'s secret');
			const toUser = await ok('im.v2.File.upload', { dialogId: '3', fields: { name: 'a.txt', content: 'YQ==' } });
			assert.equal(toUser.dialogId, '3');
			assert.equal(emu.state.messages[toUser.messageId].text, '');
			expectError(await call('im.v2.File.upload', { DIALOGID: 'chat2', FIELDS: { name: 'a.txt', content: 'YQ==' } }), 400, 'FILE_EMPTY');
		});
		await t.check('upload errors: FILE_EMPTY, FILE_INVALID_CONTENT, FILE_TOO_LARGE, then CHAT_NOT_FOUND, 403 ACCESS_DENIED', async () => {
			expectError(await call('im.v2.File.upload', { dialogId: 'chat2', fields: { content } }), 400, 'FILE_EMPTY');
			expectError(await call('im.v2.File.upload', { dialogId: 'chat2', fields: { name: 'a.txt', content: '' } }), 400, 'FILE_EMPTY');
			expectError(await call('im.v2.File.upload', { dialogId: 'chatX', fields: { name: 'a.txt' } }), 400, 'FILE_EMPTY');
			expectError(await call('im.v2.File.upload', { dialogId: 'chat2', fields: { name: 'a.txt', content: 'not base64!' } }), 400, 'FILE_INVALID_CONTENT');
			expectError(await call('im.v2.File.upload', { dialogId: 'chat2', fields: { name: 'a.txt', content: `data:text/plain;base64,${content}` } }), 400,
				'FILE_INVALID_CONTENT');
			expectError(await call('im.v2.File.upload', { dialogId: 'chatX', fields: { name: 'a.txt', content } }), 400, 'CHAT_NOT_FOUND');
			expectError(await call('im.v2.File.upload', { dialogId: 'chat777', fields: { name: 'a.txt', content } }), 400, 'CHAT_NOT_FOUND');
			expectError(await call('im.v2.File.upload', { dialogId: 'chat2', fields: { name: 'a.txt', content } }, emu.addWebhook({ userId: 5 }).url), 403,
				'ACCESS_DENIED');
			expectError(await call('im.v2.File.upload', { dialogId: 'chat2', fields: { name: 'a.txt', content } }, emu.webhooks.noIm.url), 401,
				'insufficient_scope');
			// Through the handler itself: 100 MB as base64 is more than a test should send over HTTP.
			const auth = { type: 'webhook', userId: 1, scopes: ['im'], credentialKey: `webhook:${admin.secret}` };
			const fields = (size) => ({ name: 'big.bin', content: 'A'.repeat(Math.ceil(size / 3) * 4) });
			const tooLarge = emu.callMethod(auth, 'im.v2.file.upload', { dialogId: 'chat2', fields: fields(FILE_SIZE_LIMIT + 3) });
			assert.equal(tooLarge.ok ? 'ok' : tooLarge.error.code, 'FILE_TOO_LARGE');
			assert.equal(FILE_SIZE_LIMIT, 100 * 1024 * 1024);
		});
		await t.check('download: {downloadUrl} with the caller\'s credential; the link serves the bytes once', async () => {
			const { downloadUrl } = await ok('im.v2.File.download', { dialogId: 'chat2', fileId: uploaded.file.id });
			assert.ok(downloadUrl.startsWith(`${emu.baseUrl}/rest/1/${admin.secret}/download.json?token=im%7C`));
			const first = await fetch(downloadUrl);
			assert.equal(first.status, 200);
			assert.equal(first.headers.get('content-type'), 'application/pdf');
			assert.match(first.headers.get('content-disposition'), /filename\*=UTF-8''report\.pdf/);
			assert.deepEqual(Buffer.from(await first.arrayBuffer()), bytes);
			expectError(await http(downloadUrl, { method: 'GET' }), 404, 'ERROR_NOT_FOUND');
		});
		await t.check('download: a link is the caller\'s own; OAuth links carry ?auth=<token>', async () => {
			const { downloadUrl } = await ok('im.v2.File.download', { dialogId: 'chat2', fileId: uploaded.file.id });
			const user2 = emu.webhooks.user2;
			expectError(await http(downloadUrl.replace(`/rest/1/${admin.secret}/`, `/rest/2/${user2.secret}/`), { method: 'GET' }), 404,
				'ERROR_NOT_FOUND');
			const tokens = emu.issueTokens({ userId: 1, scopes: ['im'] });
			const res = await http(`${emu.baseUrl}/rest/im.v2.File.download`, { json: { dialogId: 'chat2', fileId: uploaded.file.id, auth: tokens.access_token } });
			assert.ok(res.body.result.downloadUrl.includes(`download.json?auth=${tokens.access_token}&token=im%7C`));
		});
		await t.check('download errors: CHAT_NOT_FOUND, 403 ACCESS_DENIED, FILE_NOT_FOUND (also a file of another chat)', async () => {
			expectError(await call('im.v2.File.download', { dialogId: 'x', fileId: uploaded.file.id }), 400, 'CHAT_NOT_FOUND');
			expectError(await call('im.v2.File.download', { dialogId: 'chat2', fileId: uploaded.file.id }, emu.addWebhook({ userId: 5 }).url), 403,
				'ACCESS_DENIED');
			expectError(await call('im.v2.File.download', { dialogId: 'chat2' }), 400, 'FILE_NOT_FOUND');
			expectError(await call('im.v2.File.download', { dialogId: 'chat2', fileId: 999999 }), 400, 'FILE_NOT_FOUND');
			expectError(await call('im.v2.File.download', { dialogId: 'chat1', fileId: uploaded.file.id }), 400, 'FILE_NOT_FOUND');
		});
	},
};
