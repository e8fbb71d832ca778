'use strict';
/** The leaky bucket (503 QUERY_LIMIT_EXCEEDED) and the per-method operating-time limit (429). */
module.exports = {
	title: 'Limits',
	async run(t) {
		const { assert, http, expectError, expectOk } = t;

		await t.check('burst 5: the 6th request -> 503 QUERY_LIMIT_EXCEEDED and does not run', async () => {
			const emu = await t.emulator({ rateLimit: { burst: 5, drainPerSecond: 0.001 } });
			const w = emu.webhooks.admin.url;
			for (let i = 0; i < 5; i++) expectOk(await http(`${w}im.message.add`, { json: { DIALOG_ID: 'chat2', MESSAGE: `m${i}` } }));
			const before = emu.messagesOf('chat2').length;
			const r = await http(`${w}im.message.add`, { json: { DIALOG_ID: 'chat2', MESSAGE: 'too many' } });
			expectError(r, 503, 'QUERY_LIMIT_EXCEEDED');
			assert.equal(r.body.error_description, 'Too many requests');
			assert.equal(emu.messagesOf('chat2').length, before);
			assert.equal(emu.log.at(-1).status, 503);
			assert.equal((await http(`${emu.baseUrl}/_emulator/state`, { method: 'GET' })).status, 200, 'control not limited');
		});
		await t.check('the bucket drains continuously', async () => {
			const emu = await t.emulator({ rateLimit: { burst: 2, drainPerSecond: 10 } });
			const w = emu.webhooks.admin.url;
			expectOk(await http(`${w}server.time`, { json: {} }));
			expectOk(await http(`${w}server.time`, { json: {} }));
			expectError(await http(`${w}server.time`, { json: {} }), 503, 'QUERY_LIMIT_EXCEEDED');
			await new Promise((r) => setTimeout(r, 150));
			expectOk(await http(`${w}server.time`, { json: {} }));
		});
		await t.check('rateLimit: false never rejects (300 concurrent requests)', async () => {
			const emu = await t.emulator({ rateLimit: false });
			const w = emu.webhooks.admin.url;
			const all = await Promise.all(Array.from({ length: 300 }, (_, i) =>
				http(`${w}im.message.add`, { json: { DIALOG_ID: 'chat1', MESSAGE: `c${i}` } })));
			assert.ok(all.every((r) => r.status === 200));
			assert.equal(new Set(all.map((r) => r.body.result)).size, 300);
		});
		await t.check('operating limit: per method and credential, 429 with operating_reset_at', async () => {
			const emu = await t.emulator({ operatingLimit: { limitSec: 0.2, windowSec: 600 } });
			const w = emu.webhooks.admin.url;
			let last;
			for (let i = 0; i < 4; i++) last = await http(`${w}im.revision.get`, { json: {} });
			assert.ok(Math.abs(last.body.time.operating - 0.2) < 1e-9);
			assert.ok(last.body.time.operating_reset_at > Date.now() / 1000 + 500);
			const r = await http(`${w}im.revision.get`, { json: {} });
			expectError(r, 429, 'OPERATION_TIME_LIMIT');
			assert.ok(r.body.time.operating_reset_at > Date.now() / 1000);
			expectOk(await http(`${w}server.time`, { json: {} }));
			expectOk(await http(`${emu.webhooks.user2.url}im.revision.get`, { json: {} }));
			const b = expectOk(await http(`${w}batch`, { json: { cmd: ['im.revision.get', 'server.time'] } }));
			assert.equal(b.result_error[0].error, 'OPERATION_TIME_LIMIT');
		});
		await t.check('operating limit: the window slides (windowSec 1)', async () => {
			const emu = await t.emulator({ operatingLimit: { limitSec: 0.1, windowSec: 1 } });
			const w = emu.webhooks.admin.url;
			expectOk(await http(`${w}server.time`, { json: {} }));
			expectOk(await http(`${w}server.time`, { json: {} }));
			expectError(await http(`${w}server.time`, { json: {} }), 429, 'OPERATION_TIME_LIMIT');
			await new Promise((r) => setTimeout(r, 1050));
			expectOk(await http(`${w}server.time`, { json: {} }));
		});
		await t.check('latency is added to every request; setLatency changes it', async () => {
			const emu = await t.emulator({ latencyMs: 120 });
			const w = emu.webhooks.admin.url;
			let t0 = Date.now();
			expectOk(await http(`${w}server.time`, { json: {} }));
			assert.ok(Date.now() - t0 >= 115);
			emu.setLatency(0);
			t0 = Date.now();
			expectOk(await http(`${w}server.time`, { json: {} }));
			assert.ok(Date.now() - t0 < 100);
		});
		await t.check('10,000 message adds stay fast (no quadratic slowdown)', async () => {
			const emu = await t.emulator({ rateLimit: false });
			const w = emu.webhooks.admin.url;
			const t0 = Date.now();
			for (let round = 0; round < 20; round++) {
				const cmd = Array.from({ length: 50 }, (_, i) => `im.message.add?DIALOG_ID=chat1&MESSAGE=b${round}_${i}`);
				await Promise.all(Array.from({ length: 10 }, () => http(`${w}batch`, { json: { cmd } })));
			}
			assert.equal(emu.messagesOf('chat1').length, 10 + 10000);
			expectOk(await http(`${w}im.dialog.unread`, { json: { DIALOG_ID: 'chat1', MESSAGE_ID: 101 } }));
			const c = expectOk(await http(`${w}im.counters.get`, { json: {} }));
			assert.ok(c.CHAT[1] >= 7);
			assert.ok(Date.now() - t0 < 15000, `took ${Date.now() - t0} ms`);
		});
	},
};
