'use strict';
/** How parameters are read: JSON only for application/json, form/query with PHP bracket notation, cases. */
module.exports = {
	title: 'Request parsing',
	async run(t) {
		const { assert, http, expectError, expectOk } = t;
		const emu = await t.emulator();
		const w = emu.webhooks.admin.url;

		await t.check('JSON body with "; charset=utf-8" is parsed', async () => {
			const r = await http(`${w}im.dialog.unread`, { json: { DIALOG_ID: 'chat1', MESSAGE_ID: 141 },
				contentType: 'application/json; charset=utf-8' });
			assert.equal(expectOk(r), true);
		});
		await t.check('JSON text with another content type is read as a form (-> no params)', async () => {
			const r = await http(`${w}im.dialog.unread`, { body: JSON.stringify({ DIALOG_ID: 'chat1', MESSAGE_ID: 141 }),
				contentType: 'text/plain' });
			expectError(r, 400, 'MESSAGE_ID_ERROR');
		});
		await t.check('invalid JSON gives empty params, not an error of its own', async () => {
			expectError(await http(`${w}im.dialog.unread`, { body: '{"DIALOG_ID":', contentType: 'application/json' }),
				400, 'MESSAGE_ID_ERROR');
		});
		await t.check('form body with bracket notation becomes nested objects and lists', async () => {
			emu.clearLog();
			const id = expectOk(await http(`${w}im.chat.add`, { form: 'TITLE=Form+chat&USERS[]=2&USERS[]=3&X[a][0]=1&X[a][1]=2' }));
			assert.deepEqual(emu.state.chats[id].users, [1, 2, 3]);
			assert.equal(emu.state.chats[id].title, 'Form chat');
			assert.deepEqual(emu.log[0].params.X, { a: ['1', '2'] });
		});
		await t.check('multipart/form-data fields are read', async () => {
			const fd = new FormData();
			fd.append('DIALOG_ID', 'chat2');
			fd.append('MESSAGE', 'from multipart');
			const res = await fetch(`${w}im.message.add`, { method: 'POST', body: fd });
			const id = (await res.json()).result;
			assert.equal(emu.state.messages[id].text, 'from multipart');
		});
		await t.check('query and body are merged (body wins)', async () => {
			const r = await http(`${w}im.dialog.unread?DIALOG_ID=chat1&MESSAGE_ID=0`, { json: { MESSAGE_ID: 136 } });
			assert.equal(expectOk(r), true);
			assert.equal(emu.readState(1, 'chat1').firstUnreadMessageId, 136);
		});
		await t.check('GET query with bracket notation', async () => {
			const r = await http(`${w}im.user.list.get?ID[]=1&ID[]=3&RESULT_TYPE=array`, { method: 'GET' });
			assert.deepEqual(expectOk(r).map((u) => u.id), [1, 3]);
		});
		await t.check('method name is case-insensitive and .json optional; .xml -> 400', async () => {
			expectOk(await http(`${w}IM.Revision.Get.json`, { json: {} }));
			expectOk(await http(`${w}im.revision.get`, { method: 'GET' }));
			assert.equal((await http(`${w}im.revision.get.xml`, { json: {} })).status, 400);
		});
		await t.check('unknown method -> 404 ERROR_METHOD_NOT_FOUND "Method not found!"', async () => {
			const r = await http(`${w}im.nothing.here`, { json: {} });
			expectError(r, 404, 'ERROR_METHOD_NOT_FOUND');
			assert.equal(r.body.error_description, 'Method not found!');
		});
		await t.check('im.* parameter names are case-insensitive', async () => {
			assert.equal(expectOk(await http(`${w}im.dialog.unread`, { json: { dialog_id: 'chat2', Message_Id: '126' } })), true);
			assert.equal(emu.readState(1, 'chat2').firstUnreadMessageId, 126);
		});
		await t.check('success envelope has the full time block', async () => {
			const r = await http(`${w}server.time`, { json: {} });
			expectOk(r);
			for (const k of ['start', 'finish', 'duration', 'processing', 'date_start', 'date_finish', 'operating_reset_at',
				'operating']) assert.ok(k in r.body.time, k);
			assert.match(r.body.time.date_start, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
		});
	},
};
