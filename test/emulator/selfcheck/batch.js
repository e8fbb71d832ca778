'use strict';
/** batch: list/map cmd, 50 limit, halt, [] maps, nested batch, sub-call scopes, references, logging. */
module.exports = {
	title: 'batch',
	async run(t) {
		const { assert, http, expectOk } = t;
		const emu = await t.emulator();
		const w = emu.webhooks.admin.url;
		const batch = (json, url = w) => http(`${url}batch`, { json });

		await t.check('list cmd: results as a list, empty maps as []', async () => {
			const r = expectOk(await batch({ halt: 0, cmd: ['server.time', 'im.revision.get'] }));
			assert.ok(Array.isArray(r.result) && r.result.length === 2);
			assert.deepEqual(r.result_error, []);
			assert.deepEqual(r.result_total, []);
			assert.deepEqual(r.result_next, []);
			assert.ok(Array.isArray(r.result_time) && r.result_time[1].operating !== undefined);
		});
		await t.check('map cmd with query params in bracket notation; errors per key; HTTP 200', async () => {
			const res = await batch({ halt: 0, cmd: {
				u: 'im.dialog.unread?DIALOG_ID=chat2&MESSAGE_ID=112',
				bad: 'im.dialog.unread?DIALOG_ID=chat2',
				users: 'im.user.list.get?ID[]=1&ID[]=2&RESULT_TYPE=array',
				nope: 'no.such.method',
			} });
			const r = expectOk(res);
			assert.equal(r.result.u, true);
			assert.equal(r.result.users.length, 2);
			assert.deepEqual(r.result_error.bad, { error: 'MESSAGE_ID_ERROR', error_description: "First unread message id can't be empty" });
			assert.equal(r.result_error.nope.error, 'ERROR_METHOD_NOT_FOUND');
			assert.equal(emu.readState(1, 'chat2').firstUnreadMessageId, 112);
		});
		await t.check('51 commands: 50 run, the 51st gets ERROR_BATCH_LENGTH_EXCEEDED', async () => {
			const cmd = Array.from({ length: 51 }, () => 'server.time');
			const r = expectOk(await batch({ cmd }));
			assert.equal(Object.keys(r.result).length, 50);
			assert.deepEqual(r.result_error, { 50: { error: 'ERROR_BATCH_LENGTH_EXCEEDED', error_description: 'Max batch length exceeded' } });
		});
		await t.check('halt=1 stops after the first failure; halt=0 runs everything', async () => {
			const cmd = { a: 'server.time', b: 'im.dialog.unread', c: 'server.time' };
			const halted = expectOk(await batch({ halt: 1, cmd }));
			assert.deepEqual(Object.keys(halted.result), ['a']);
			assert.deepEqual(Object.keys(halted.result_error), ['b']);
			const all = expectOk(await batch({ halt: 0, cmd }));
			assert.deepEqual(Object.keys(all.result), ['a', 'c']);
		});
		await t.check('halt is a PHP bool cast: form value "false" halts, "0" does not', async () => {
			const form = (h) => `halt=${h}&cmd[a]=im.dialog.unread&cmd[b]=server.time`;
			const halted = expectOk(await http(`${w}batch`, { form: form('false') }));
			assert.equal(halted.result_error.a.error, 'MESSAGE_ID_ERROR');
			assert.deepEqual(halted.result, []);
			assert.ok(expectOk(await http(`${w}batch`, { form: form('0') })).result.b);
		});
		await t.check('GET with double-encoded commands', async () => {
			const inner = encodeURIComponent('im.dialog.unread?DIALOG_ID=chat1&MESSAGE_ID=131');
			const r = expectOk(await http(`${w}batch?halt=0&cmd[x]=${inner}`, { method: 'GET' }));
			assert.equal(r.result.x, true);
			assert.equal(emu.readState(1, 'chat1').firstUnreadMessageId, 131);
		});
		await t.check('nested batch -> ERROR_BATCH_METHOD_NOT_ALLOWED', async () => {
			const r = expectOk(await batch({ cmd: { n: 'batch?cmd[0]=server.time' } }));
			assert.equal(r.result_error.n.error, 'ERROR_BATCH_METHOD_NOT_ALLOWED');
		});
		await t.check('sub-calls re-check scope with the outer credential', async () => {
			const r = expectOk(await batch({ cmd: { a: 'im.revision.get', b: 'server.time' } }, emu.webhooks.noIm.url));
			assert.equal(r.result_error.a.error, 'insufficient_scope');
			assert.ok(r.result.b);
		});
		await t.check('OAuth batch: auth param applies to every sub-call', async () => {
			const tk = emu.issueTokens({ userId: 2, scopes: ['im'] });
			const r = expectOk(await http(`${emu.baseUrl}/rest/batch`, { json: { auth: tk.access_token, cmd: ['im.user.get'] } }));
			assert.equal(r.result[0].id, 2);
		});
		await t.check('$result references resolve against earlier commands', async () => {
			const r = expectOk(await batch({ halt: 1, cmd: {
				msg: 'im.message.add?DIALOG_ID=chat2&MESSAGE=first',
				again: 'im.dialog.unread?DIALOG_ID=chat2&MESSAGE_ID=$result[msg]',
				list: 'im.recent.list?LIMIT=2',
				item: 'im.dialog.get?DIALOG_ID=$result[list][items][0][id]',
			} }));
			assert.equal(emu.readState(1, 'chat2').firstUnreadMessageId, r.result.msg);
			assert.equal(r.result.item.dialog_id, String(r.result.list.items[0].id));
			assert.equal(r.result_next.list, 2);
			assert.equal(r.result_total.list, -1);
		});
		await t.check('batch is logged once with batchCommands and counts one rate-limit unit', async () => {
			const limited = await t.emulator({ rateLimit: { burst: 2, drainPerSecond: 0.001 } });
			const lw = limited.webhooks.admin.url;
			const cmd = Array.from({ length: 50 }, (_, i) => `im.dialog.unread?DIALOG_ID=chat1&MESSAGE_ID=${101 + i}`);
			expectOk(await http(`${lw}batch`, { json: { cmd } }));
			expectOk(await http(`${lw}batch`, { json: { cmd } }));
			const third = await http(`${lw}batch`, { json: { cmd } });
			assert.equal(third.status, 503);
			assert.equal(limited.log.length, 3);
			assert.equal(limited.log[0].method, 'batch');
			assert.equal(limited.log[0].batchCommands.length, 50);
			assert.deepEqual(limited.log[0].batchCommands[0], { key: '0', method: 'im.dialog.unread',
				params: { DIALOG_ID: 'chat1', MESSAGE_ID: '101' }, errorCode: null });
			assert.equal(limited.log[2].batchCommands, undefined);
		});
	},
};
