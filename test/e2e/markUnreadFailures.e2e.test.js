'use strict';
/*
 * dialog → Mark Unread inside a real n8n (2.41.1, `n8n execute`) when the portal fails: a wrong webhook secret, an
 * HTML error page, a reset connection. Each gives a clear error, is retried only where that is safe, and leaves no
 * secret in what n8n printed or stored. The working paths are in markUnread.e2e.test.js.
 */
const crypto = require('crypto');
const { workflow, codeNode, errorOf } = require('../../scripts/lib/n8n');
const { ITEMS, useMarkUnreadSetup, markUnreadNode, logSince, importAndRun } = require('./helpers/markUnread');

describe('dialog → Mark Unread in a real n8n', () => {
	let emu;
	let n8n;
	useMarkUnreadSetup('markUnread-failures', (ready) => ({ emu, n8n } = ready));

	describe('failures: clear errors and no secret anywhere', () => {
		const wrongSecret = `zz${crypto.randomBytes(8).toString('hex')}`;
		const input = [
			{ dialogId: 'chat1', messageId: 121 },
			{ dialogId: 'chat2', messageId: 122 },
		];
		const hook = { bitrix24WebhookApi: { id: 'b24hook', name: 'B24 webhook' } };

		beforeAll(async () => {
			await n8n.importCredentials([
				{
					id: 'b24wrong',
					name: 'B24 wrong secret',
					type: 'bitrix24WebhookApi',
					data: { webhookUrl: `${emu.baseUrl}/rest/1/${wrongSecret}/` },
				},
			]);
		});

		/** Neither secret in anything n8n printed so far (every command of the instance) nor in the stored run. */
		async function expectNoSecrets(res, workflowId) {
			const stored = JSON.stringify(await n8n.readExecution({ workflowId }));
			expect(stored.length).toBeGreaterThan(100);
			for (const secret of [emu.webhooks.admin.secret, wrongSecret]) {
				expect(n8n.transcript()).not.toContain(secret);
				expect(res.output).not.toContain(secret);
				expect(stored).not.toContain(secret);
			}
		}

		test('wrong webhook secret: fails at once with INVALID_CREDENTIALS, not retried', async () => {
			const since = emu.seq;
			const wf = workflow({
				id: 'muWrongSecret',
				nodes: [codeNode(ITEMS, input), markUnreadNode({ credentials: { bitrix24WebhookApi: { id: 'b24wrong', name: 'B24 wrong secret' } } })],
			});
			const res = await importAndRun(n8n, wf);
			expect(res.code).not.toBe(0);
			const error = errorOf(res.run);
			expect(error.message).toBe('Bitrix24 im.dialog.unread: Invalid request credentials [INVALID_CREDENTIALS]');
			expect(error.description).toMatch(/webhook/i);
			expect(logSince(emu, since).map((e) => [e.method, e.status, e.errorCode])).toEqual([['batch', 401, 'INVALID_CREDENTIALS']]);
			expect(emu.readState(1, 'chat1').firstUnreadMessageId).toBeNull();
			await expectNoSecrets(res, wf.id);
		});

		test('HTML 500 page: retried, then fails with INVALID_RESPONSE', async () => {
			emu.injectFault('html500', { count: 20 });
			const since = emu.seq;
			const wf = workflow({
				id: 'muHtml500',
				nodes: [codeNode(ITEMS, input), markUnreadNode({ credentials: hook, options: { timeout: 5 } })],
			});
			const res = await importAndRun(n8n, wf);
			expect(res.code).not.toBe(0);
			expect(errorOf(res.run).message).toBe(
				'Bitrix24 im.dialog.unread: the portal answered HTTP 500 with an HTML page instead of a Bitrix24 JSON answer [INVALID_RESPONSE]',
			);
			const entries = logSince(emu, since);
			expect(entries.length).toBeGreaterThan(1); // retried (retry-safe method)
			expect(entries.length).toBeLessThanOrEqual(7); // but bounded
			for (const e of entries) expect([e.method, e.status, e.fault]).toEqual(['batch', 500, 'html500']);
			expect(emu.readState(1, 'chat1').firstUnreadMessageId).toBeNull();
			await expectNoSecrets(res, wf.id);
		});

		test('connection reset: retried, then fails with ECONNRESET', async () => {
			emu.injectFault('reset', { count: 20 });
			const since = emu.seq;
			const wf = workflow({
				id: 'muReset',
				nodes: [codeNode(ITEMS, input), markUnreadNode({ credentials: hook, options: { timeout: 5 } })],
			});
			const res = await importAndRun(n8n, wf);
			expect(res.code).not.toBe(0);
			expect(errorOf(res.run).message).toBe(
				'Bitrix24 im.dialog.unread: the connection was reset before Bitrix24 answered [ECONNRESET]',
			);
			const entries = logSince(emu, since);
			expect(entries.length).toBeGreaterThan(1);
			expect(entries.length).toBeLessThanOrEqual(7);
			for (const e of entries) expect([e.method, e.fault]).toEqual(['batch', 'reset']);
			expect(emu.readState(1, 'chat1').firstUnreadMessageId).toBeNull();
			await expectNoSecrets(res, wf.id);
		});
	});
});
