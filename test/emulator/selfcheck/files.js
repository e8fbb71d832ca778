'use strict';
/** Files: the chat folder, disk.folder.uploadfile, im.disk.file.commit, files in messages and download links. */
const { PNG } = require('./messenger');

module.exports = {
	title: 'Files: im.disk.folder.get, disk.folder.uploadfile, im.disk.file.commit, download links',
	async run(t) {
		const { assert, http, expectError, expectOk } = t;
		const emu = await t.emulator();
		const admin = emu.webhooks.admin;
		const w = admin.url;
		const w2 = emu.webhooks.user2.url;
		const { call, ok } = t.restClient(w);
		const text = Buffer.from('Quarterly report\n').toString('base64');
		let folderId;
		let uploaded;

		await t.check('im.disk.folder.get: { ID }, stable, by CHAT_ID or DIALOG_ID; dialog.get shows it; errors', async () => {
			const r = await ok('im.disk.folder.get', { CHAT_ID: 2 });
			assert.deepEqual(Object.keys(r), ['ID']);
			assert.ok(Number.isInteger(r.ID) && r.ID > 0);
			folderId = r.ID;
			assert.deepEqual(await ok('im.disk.folder.get', { DIALOG_ID: 'chat2' }), { ID: folderId });
			assert.equal((await ok('im.dialog.get', { DIALOG_ID: 'chat2' })).disk_folder_id, folderId);
			const privateFolder = await ok('im.disk.folder.get', { DIALOG_ID: '2' });
			assert.notEqual(privateFolder.ID, folderId);
			expectError(await call('im.disk.folder.get', {}), 400, 'CHAT_ID_EMPTY');
			expectError(await call('im.disk.folder.get', { DIALOG_ID: 'x', CHAT_ID: 2 }), 400, 'DIALOG_ID_EMPTY');
			expectError(await call('im.disk.folder.get', { DIALOG_ID: 'chat777' }), 400, 'ACCESS_ERROR');
			expectError(await call('im.disk.folder.get', { CHAT_ID: 'x' }), 400, 'CHAT_ID_EMPTY');
			expectError(await call('im.disk.folder.get', { CHAT_ID: 2 }, emu.addWebhook({ userId: 5 }).url), 403, 'ACCESS_ERROR');
			expectError(await call('im.disk.folder.get', { CHAT_ID: 777 }), 403, 'ACCESS_ERROR');
			expectError(await call('im.disk.folder.get', { CHAT_ID: 2 }, emu.webhooks.noIm.url), 401, 'insufficient_scope');
		});
		await t.check('disk.folder.uploadfile: id + data[NAME] + fileContent [name, base64] -> the disk file object', async () => {
			const f = await ok('disk.folder.uploadfile', { id: folderId, data: { NAME: 'report.txt' }, fileContent: ['report.txt', text] });
			for (const key of ['ID', 'NAME', 'CODE', 'STORAGE_ID', 'TYPE', 'PARENT_ID', 'DELETED_TYPE', 'GLOBAL_CONTENT_VERSION', 'FILE_ID',
				'SIZE', 'CREATE_TIME', 'UPDATE_TIME', 'DELETE_TIME', 'CREATED_BY', 'UPDATED_BY', 'DELETED_BY', 'DOWNLOAD_URL', 'DETAIL_URL']) {
				assert.ok(key in f, key);
			}
			assert.equal(f.NAME, 'report.txt');
			assert.equal(f.TYPE, 'file');
			assert.equal(f.PARENT_ID, String(folderId));
			assert.equal(f.SIZE, String(Buffer.from(text, 'base64').length));
			assert.equal(f.CREATED_BY, '1');
			assert.ok(f.DOWNLOAD_URL.includes(`/rest/1/${admin.secret}/download.json?token=`), 'webhook secret in DOWNLOAD_URL');
			uploaded = f;
			assert.deepEqual(await ok('disk.file.get', { id: f.ID }), f);
		});
		await t.check('DOWNLOAD_URL serves the bytes; a wrong secret or token does not', async () => {
			const res = await fetch(uploaded.DOWNLOAD_URL);
			assert.equal(res.status, 200);
			assert.equal(res.headers.get('content-type'), 'text/plain');
			assert.equal(await res.text(), 'Quarterly report\n');
			const wrong = await http(uploaded.DOWNLOAD_URL.replace(admin.secret, 'x'.repeat(16)), { method: 'GET' });
			expectError(wrong, 401, 'INVALID_CREDENTIALS');
			expectError(await http(`${w}download.json?token=disk%7Cabc`, { method: 'GET' }), 404, 'ERROR_NOT_FOUND');
		});
		await t.check('disk.folder.uploadfile: same name -> DISK_OBJ_22000 unless generateUniqueName; other errors', async () => {
			const again = { id: folderId, data: { NAME: 'report.txt' }, fileContent: ['report.txt', text] };
			expectError(await call('disk.folder.uploadfile', again), 400, 'DISK_OBJ_22000');
			assert.equal((await ok('disk.folder.uploadfile', Object.assign({ generateUniqueName: true }, again))).NAME, 'report (1).txt');
			expectError(await call('disk.folder.uploadfile', { data: { NAME: 'a.txt' }, fileContent: ['a.txt', text] }), 400, 'ERROR_ARGUMENT');
			expectError(await call('disk.folder.uploadfile', { id: 424242, data: { NAME: 'a.txt' }, fileContent: ['a.txt', text] }), 400,
				'ERROR_NOT_FOUND');
			expectError(await call('disk.folder.uploadfile', { id: folderId, fileContent: ['a.txt', text] }), 400, 'DISK_BASE_SERVICE_22001');
			expectError(await call('disk.folder.uploadfile', { id: folderId, data: { NAME: 'a.txt' }, fileContent: ['a.txt', '%%%'] }), 400,
				'ERROR_COULD_NOT_SAVE_FILE');
			const url = await ok('disk.folder.uploadfile', { id: folderId });
			assert.equal(url.field, 'file');
			assert.match(url.uploadUrl, /\/rest\/upload\.json\?/);
			const w5 = emu.addWebhook({ userId: 5, scopes: ['im', 'disk'] }).url;
			expectError(await call('disk.folder.uploadfile', again, w5), 403, 'ACCESS_DENIED');
		});
		await t.check('disk.folder.uploadfile needs the disk scope (user2 webhook has im,user); im.disk.* need only im', async () => {
			expectError(await call('disk.folder.uploadfile', { id: folderId, data: { NAME: 'b.txt' }, fileContent: ['b.txt', text] }, w2),
				401, 'insufficient_scope');
			assert.deepEqual(await ok('im.disk.folder.get', { CHAT_ID: 2 }, w2), { ID: folderId });
		});
		await t.check('im.disk.file.commit: UPLOAD_ID + MESSAGE -> { FILES: { upload<id> }, DISK_ID, MESSAGE_ID }; a file message', async () => {
			const r = await ok('im.disk.file.commit', { CHAT_ID: 2, UPLOAD_ID: uploaded.ID, MESSAGE: ' Here it is ' });
			assert.deepEqual(Object.keys(r).sort(), ['DISK_ID', 'FILES', 'MESSAGE_ID']);
			assert.deepEqual(r.DISK_ID, [uploaded.ID]);
			const file = r.FILES[`upload${uploaded.ID}`];
			assert.equal(file.id, uploaded.ID);
			assert.equal(file.chatId, 2);
			assert.equal(file.type, 'file');
			assert.equal(file.name, 'report.txt');
			assert.ok(file.urlDownload.includes(admin.secret));
			const msg = emu.state.messages[r.MESSAGE_ID];
			assert.equal(msg.text, 'Here it is');
			assert.deepEqual(msg.params.FILE_ID, [uploaded.ID]);
			assert.equal(emu.readState(2, 'chat2').unreadCount > 0, true, 'unread for the other members');
		});
		await t.check('im.dialog.messages.get: params.FILE_ID and `files` with links carrying the caller\'s own credential', async () => {
			const mine = await ok('im.dialog.messages.get', { DIALOG_ID: 'chat2', LIMIT: 1 });
			assert.deepEqual(mine.messages[0].params.FILE_ID, [uploaded.ID]);
			assert.equal(mine.files.length, 1);
			const f = mine.files[0];
			for (const key of ['id', 'chatId', 'date', 'type', 'name', 'size', 'image', 'status', 'progress', 'authorId', 'authorName',
				'urlPreview', 'urlShow', 'urlDownload']) assert.ok(key in f, key);
			assert.ok(f.urlDownload.includes(`/rest/1/${admin.secret}/`));
			assert.ok(f.urlShow.includes(admin.secret));
			const theirs = (await ok('im.dialog.messages.get', { DIALOG_ID: 'chat2', LIMIT: 1 }, w2)).files[0];
			assert.ok(theirs.urlDownload.includes(`/rest/2/${emu.webhooks.user2.secret}/`));
			assert.ok(!theirs.urlDownload.includes(admin.secret));
			assert.equal(await (await fetch(theirs.urlDownload)).text(), 'Quarterly report\n');
			const tokens = emu.issueTokens({ userId: 1 });
			const viaOauth = await http(`${emu.baseUrl}/rest/im.dialog.messages.get`, { json: { DIALOG_ID: 'chat2', LIMIT: 1,
				auth: tokens.access_token } });
			const o = expectOk(viaOauth).files[0];
			assert.ok(o.urlDownload.includes(`auth=${tokens.access_token}`));
			assert.equal(await (await fetch(o.urlDownload)).text(), 'Quarterly report\n');
		});
		await t.check('an image gets type image, its size and a preview link', async () => {
			const f = await ok('disk.folder.uploadfile', { id: folderId, data: { NAME: 'dot.png' }, fileContent: ['dot.png', PNG] });
			const r = await ok('im.disk.file.commit', { DIALOG_ID: 'chat2', UPLOAD_ID: [f.ID] });
			const file = r.FILES[`upload${f.ID}`];
			assert.equal(file.type, 'image');
			assert.deepEqual(file.image, { width: 1, height: 1 });
			assert.ok(file.urlPreview.includes('preview=Y'));
			assert.equal(emu.state.messages[r.MESSAGE_ID].text, '');
		});
		await t.check('im.disk.file.commit: FILE_ID / DISK_ID copy a file into the chat; errors', async () => {
			const r = await ok('im.disk.file.commit', { CHAT_ID: 1, DISK_ID: [uploaded.ID] });
			assert.notEqual(r.DISK_ID[0], uploaded.ID);
			assert.equal(r.FILES[`disk${uploaded.ID}`].name, 'report.txt');
			assert.equal(r.FILES[`disk${uploaded.ID}`].chatId, 1);
			expectError(await call('im.disk.file.commit', { CHAT_ID: 2 }), 400, 'FILES_ERROR');
			expectError(await call('im.disk.file.commit', { UPLOAD_ID: uploaded.ID }), 400, 'CHAT_ID_EMPTY');
			expectError(await call('im.disk.file.commit', { DIALOG_ID: 'bad', UPLOAD_ID: uploaded.ID }), 400, 'DIALOG_ID_EMPTY');
			expectError(await call('im.disk.file.commit', { CHAT_ID: 0, UPLOAD_ID: uploaded.ID }), 400, 'CHAT_ID_EMPTY');
			expectError(await call('im.disk.file.commit', { CHAT_ID: 2, UPLOAD_ID: 999999 }), 400, 'SAVE_ERROR');
			const w5 = emu.addWebhook({ userId: 5 }).url;
			expectError(await call('im.disk.file.commit', { CHAT_ID: 2, UPLOAD_ID: uploaded.ID }, w5), 400, 'ACCESS_ERROR');
			const files = await call('im.disk.file.commit', { CHAT_ID: 2 });
			assert.equal(files.body.error_description, 'List of files in not specified', 'the server\'s own wording');
			const both = await ok('im.disk.file.commit', { CHAT_ID: 2, FILE_ID: uploaded.ID, UPLOAD_ID: uploaded.ID });
			assert.deepEqual(Object.keys(both.FILES), [`disk${uploaded.ID}`], 'FILE_ID wins over UPLOAD_ID');
			expectError(await call('im.disk.file.commit', { CHAT_ID: 1, UPLOAD_ID: uploaded.ID }, w5), 400, 'SAVE_ERROR');
		});
		await t.check('download and upload are refused inside batch', async () => {
			const r = expectOk(await call('batch', { cmd: { d: `download?token=${encodeURIComponent('disk|x')}` } }));
			assert.equal(r.result_error.d.error, 'ERROR_BATCH_METHOD_NOT_ALLOWED');
		});
	},
};
