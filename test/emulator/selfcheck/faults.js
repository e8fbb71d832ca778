'use strict';
/** Injected faults and the control API. */
module.exports = {
	title: 'Faults and control API',
	async run(t) {
		const { assert, http, expectError, expectOk } = t;
		const emu = await t.emulator();
		const w = emu.webhooks.admin.url;
		const call = (m = 'server.time', opts = {}) => http(`${w}${m}`, Object.assign({ json: {} }, opts));

		await t.check('html500: an HTML page with status 500', async () => {
			emu.injectFault('html500');
			const r = await call();
			assert.equal(r.status, 500);
			assert.match(r.headers.get('content-type'), /text\/html/);
			assert.match(r.text, /<html/);
			expectOk(await call());
		});
		await t.check('emptyBody: 200 with an empty body', async () => {
			emu.injectFault('emptyBody');
			const r = await call();
			assert.equal(r.status, 200);
			assert.equal(r.text, '');
		});
		await t.check('reset: the socket is destroyed without an answer', async () => {
			emu.injectFault('reset');
			await assert.rejects(call());
			expectOk(await call());
		});
		await t.check('resetAfterApply: the call runs, then the socket is destroyed without an answer', async () => {
			const before = emu.messagesOf('chat2').length;
			emu.injectFault('resetAfterApply', { method: 'im.message.add' });
			await assert.rejects(call('im.message.add', { json: { DIALOG_ID: 'chat2', MESSAGE: 'lost answer' } }));
			assert.equal(emu.messagesOf('chat2').length, before + 1);
			assert.equal(emu.log.at(-1).answerLost, true);
			expectOk(await call());
		});
		await t.check('refuseCalls: matching calls are refused, alone and inside batch; others run', async () => {
			emu.refuseCalls({ method: 'im.dialog.unread', params: { MESSAGE_ID: 142 }, code: 'ACCESS_ERROR', status: 403 });
			expectError(await call('im.dialog.unread', { json: { DIALOG_ID: 'chat1', MESSAGE_ID: 142 } }), 403, 'ACCESS_ERROR');
			expectOk(await call('im.dialog.unread', { json: { DIALOG_ID: 'chat1', MESSAGE_ID: 141 } }));
			const cmd = { a: 'im.dialog.unread?DIALOG_ID=chat1&MESSAGE_ID=141', b: 'im.dialog.unread?dialog_id=chat1&message_id=142',
				c: 'im.dialog.unread?DIALOG_ID=chat1&MESSAGE_ID=143' };
			const r = await call('batch', { json: { halt: 1, cmd } });
			expectOk(r);
			assert.deepEqual(Object.keys(r.body.result.result), ['a']);
			assert.equal(r.body.result.result_error.b.error, 'ACCESS_ERROR');
			emu.reset();
			expectOk(await call('im.dialog.unread', { json: { DIALOG_ID: 'chat1', MESSAGE_ID: 142 } }));
		});
		await t.check('hang: never answers (client times out)', async () => {
			emu.injectFault('hang');
			await assert.rejects(call('server.time', { timeoutMs: 300 }));
			expectOk(await call());
		});
		await t.check('overload / queryLimit / operationTimeLimit answers', async () => {
			emu.injectFault('overload');
			expectError(await call(), 503, 'OVERLOAD_LIMIT');
			emu.injectFault('queryLimit');
			expectError(await call(), 503, 'QUERY_LIMIT_EXCEEDED');
			emu.injectFault('operationTimeLimit');
			const r = await call();
			expectError(r, 429, 'OPERATION_TIME_LIMIT');
			assert.ok(r.body.time.operating_reset_at > Date.now() / 1000);
		});
		await t.check('count and method: only the named method is hit, count times', async () => {
			emu.injectFault('overload', { count: 2, method: 'im.dialog.unread' });
			expectOk(await call());
			const body = { json: { DIALOG_ID: 'chat1', MESSAGE_ID: 141 } };
			expectError(await call('im.dialog.unread', body), 503, 'OVERLOAD_LIMIT');
			expectError(await call('im.dialog.unread.json', body), 503, 'OVERLOAD_LIMIT');
			expectOk(await call('im.dialog.unread', body));
			assert.equal(emu.log.at(-2).fault, 'overload');
		});
		await t.check('close() ends hanging requests', async () => {
			const other = await t.emulator();
			other.injectFault('hang');
			const pending = http(`${other.webhooks.admin.url}server.time`, { json: {}, timeoutMs: 5000 });
			await new Promise((r) => setTimeout(r, 50));
			const t0 = Date.now();
			await other.close();
			await assert.rejects(pending);
			assert.ok(Date.now() - t0 < 1000);
		});
		const control = (path, opts) => http(`${emu.baseUrl}/_emulator/${path}`, opts);
		await t.check('control: GET state, log, read-state', async () => {
			const s = await control('state', { method: 'GET' });
			assert.equal(s.body.users[1].firstName, 'Alice');
			const l = await control('log', { method: 'GET' });
			assert.ok(Array.isArray(l.body) && l.body.length > 0);
			assert.ok(l.body.every((e) => !e.path.startsWith('/_emulator')));
			const rs = await control('read-state?userId=1&dialogId=chat1', { method: 'GET' });
			assert.equal(rs.body.firstUnreadMessageId, 141);
		});
		await t.check('control: POST fault, expire-tokens, reset', async () => {
			await control('fault', { json: { kind: 'queryLimit', count: 1, method: 'server.time' } });
			expectError(await call(), 503, 'QUERY_LIMIT_EXCEEDED');
			const bad = await control('fault', { json: { kind: 'nonsense' } });
			assert.equal(bad.status, 400);
			const tk = emu.issueTokens({ userId: 1 });
			await control('expire-tokens', { method: 'POST' });
			expectError(await http(`${emu.baseUrl}/rest/server.time`, { json: { auth: tk.access_token } }), 401, 'expired_token');
			expectOk(await call('im.message.add', { json: { DIALOG_ID: 'chat1', MESSAGE: 'x' } }));
			emu.injectFault('hang');
			await control('reset', { method: 'POST' });
			assert.equal(emu.log.length, 0);
			assert.equal(emu.messagesOf('chat1').length, 10);
			assert.equal(emu.readState(1, 'chat1').unreadCount, 3);
			expectOk(await call());
		});
		await t.check('reset() restores seed, log, bucket and faults in process', async () => {
			const lim = await t.emulator({ rateLimit: { burst: 1, drainPerSecond: 0.001 } });
			expectOk(await http(`${lim.webhooks.admin.url}server.time`, { json: {} }));
			expectError(await http(`${lim.webhooks.admin.url}server.time`, { json: {} }), 503, 'QUERY_LIMIT_EXCEEDED');
			lim.reset();
			expectOk(await http(`${lim.webhooks.admin.url}server.time`, { json: {} }));
		});
	},
};
