'use strict';
/*
 * dialog → Mark Unread inside a real n8n (2.41.1, `n8n execute`) against the Bitrix24 emulator: what n8n outputs
 * (items, pairing, input errors) and what the portal saw (read markers, request log), with the incoming-webhook and
 * the OAuth2 credential. The portal's failures are in markUnreadFailures.e2e.test.js, rate limits and several n8n
 * processes in limits.e2e.test.js.
 */
const { workflow, codeNode, outputOf, mustSucceed } = require('../../scripts/lib/n8n');
const { B24, ITEMS, useMarkUnreadSetup, markUnreadNode, logSince, unreadCalls, pairedItemsOf, importAndRun } = require('./helpers/markUnread');

describe('dialog → Mark Unread in a real n8n', () => {
	let emu;
	let n8n;
	useMarkUnreadSetup('markUnread', (ready) => ({ emu, n8n } = ready));

	test('webhook: 5 dialogs (chat, workgroup, private, upper-case) marked unread in one batch, outputs paired in order', async () => {
		// chatN messages are 100 + N + 5k; dialog "2" is chat4 (1-2 private), CHAT5 is the 1-3 private dialog.
		const input = [
			{ dialogId: 'chat1', messageId: 111 },
			{ dialogId: 'chat2', messageId: '117' },
			{ dialogId: 'sg5', messageId: 123 },
			{ dialogId: '2', messageId: 129 },
			{ dialogId: 'CHAT5', messageId: 135 },
		];
		const before = { user2chat2: emu.readState(2, 'chat2'), user1chat1: emu.readState(1, 'chat1') };
		expect(before.user1chat1.firstUnreadMessageId).toBeNull();
		const since = emu.seq;
		const wf = workflow({
			id: 'muWebhook5',
			nodes: [codeNode(ITEMS, input), markUnreadNode({ credentials: { bitrix24WebhookApi: { id: 'b24hook', name: 'B24 webhook' } } })],
		});
		const res = await importAndRun(n8n, wf);
		mustSucceed(res);

		// n8n: one output per input, in input order, each paired with its input item.
		const out = outputOf(res.run, B24);
		expect(out).toHaveLength(5);
		for (const item of out) {
			expect(item).toEqual({ result: true, time: expect.objectContaining({ start: expect.any(Number), operating: expect.any(Number) }) });
		}
		expect(pairedItemsOf(res.run, B24)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));

		// Portal: each dialog's first unread message is the one asked for; the message before it is the last read.
		const expected = [
			['chat1', 111],
			['chat2', 117],
			['sg5', 123],
			['2', 129],
			['chat5', 135],
		];
		for (const [dialogId, messageId] of expected) {
			const state = emu.readState(1, dialogId);
			expect({ dialogId, first: state.firstUnreadMessageId, lastRead: state.lastReadMessageId }).toEqual({
				dialogId,
				first: messageId,
				lastRead: messageId - 5,
			});
		}
		// Other users' markers are untouched.
		expect(emu.readState(2, 'chat2')).toEqual(before.user2chat2);

		// Request log: exactly one request, a batch of five im.dialog.unread commands in item order, normalised ids.
		const entries = logSince(emu, since);
		expect(entries.map((e) => [e.method, e.status, e.auth, e.userId])).toEqual([['batch', 200, 'webhook', 1]]);
		expect(entries[0].batchCommands.map((c) => [c.key, c.method, c.params, c.errorCode])).toEqual(
			expected.map(([dialogId, messageId], i) => [`i${i}`, 'im.dialog.unread', { DIALOG_ID: dialogId, MESSAGE_ID: String(messageId) }, null]),
		);
	});

	test('continue on fail: malformed items get input errors naming field and item, and never reach the portal', async () => {
		const input = [
			{ dialogId: 'chat1', messageId: 116 }, // 0 good
			{ dialogId: 'chat-1', messageId: 121 }, // 1 bad dialog
			{ dialogId: 'chat2', messageId: '0' }, // 2 bad message
			{ dialogId: 'chat2', messageId: 1.5 }, // 3 bad message (a number)
			{ dialogId: 'sg5', messageId: 'abc' }, // 4 bad message
			{ dialogId: 'sg5', messageId: 128 }, // 5 good
			{ dialogId: '2', messageId: '' }, // 6 bad message (empty)
			{ dialogId: '2', messageId: 134 }, // 7 good
		];
		const since = emu.seq;
		const wf = workflow({
			id: 'muContinueOnFail',
			nodes: [
				codeNode(ITEMS, input),
				markUnreadNode({ credentials: { bitrix24WebhookApi: { id: 'b24hook', name: 'B24 webhook' } }, onError: 'continueRegularOutput' }),
			],
		});
		const res = await importAndRun(n8n, wf);
		mustSucceed(res);

		const out = outputOf(res.run, B24);
		expect(out).toHaveLength(input.length);
		expect(pairedItemsOf(res.run, B24)).toEqual(input.map((_, item) => ({ item })));
		const good = [0, 5, 7];
		for (const i of good) expect(out[i]).toEqual({ result: true, time: expect.any(Object) });
		const bad = {
			1: /^Item 1: Dialog ID "chat-1" is not valid: /,
			2: /^Item 2: Message ID "0" is not valid: it must be a whole number greater than 0$/,
			3: /^Item 3: Message ID 1\.5 is not valid: it must be a whole number greater than 0$/,
			4: /^Item 4: Message ID "abc" is not valid: it must be a whole number greater than 0$/,
			6: /^Item 6: Message ID "" is not valid: it must be a whole number greater than 0$/,
		};
		for (const [i, pattern] of Object.entries(bad)) {
			expect(out[i]).toEqual({ error: expect.stringMatching(pattern), description: expect.stringContaining(`item ${i}`) });
			expect(out[i].description).toMatch(/nothing was sent to Bitrix24/);
		}

		// Portal: the good items are marked...
		expect(emu.readState(1, 'chat1').firstUnreadMessageId).toBe(116);
		expect(emu.readState(1, 'sg5').firstUnreadMessageId).toBe(128);
		expect(emu.readState(1, '2').firstUnreadMessageId).toBe(134);
		// ...chat2 (only bad items) is not.
		expect(emu.readState(1, 'chat2').firstUnreadMessageId).toBeNull();

		// ...and exactly the good items were sent, nothing else (params and batch commands both inspected).
		const entries = logSince(emu, since);
		expect(entries.map((e) => [e.method, e.status])).toEqual([['batch', 200]]);
		expect(unreadCalls(entries).map((c) => [c.dialogId, c.messageId, c.status])).toEqual([
			['chat1', '116', 200],
			['sg5', '128', 200],
			['2', '134', 200],
		]);
		const seen = JSON.stringify(entries.map((e) => ({ params: e.params, batchCommands: e.batchCommands })));
		for (const value of ['chat-1', 'abc', '1.5', 'MESSAGE_ID=0', 'MESSAGE_ID=&', 'MESSAGE_ID="', '"MESSAGE_ID":""', '"MESSAGE_ID":"0"']) {
			expect(seen).not.toContain(value);
		}
		for (const c of unreadCalls(entries)) expect(c.messageId).toMatch(/^[1-9]\d*$/);
	});

	test('OAuth2: an expired access token is refreshed at /oauth/token/, the call retried, and the rotated token stored', async () => {
		const tokens = emu.issueTokens({ userId: 1, scopes: ['im'] });
		await n8n.importCredentials([
			{
				id: 'b24oauth',
				name: 'B24 OAuth2',
				type: 'bitrix24OAuth2Api',
				data: {
					portalUrl: emu.baseUrl,
					oauthServerUrl: emu.baseUrl,
					clientId: emu.oauth.clientId,
					clientSecret: emu.oauth.clientSecret,
					oauthTokenData: { ...tokens },
				},
			},
		]);
		const node = markUnreadNode({ authentication: 'oAuth2', credentials: { bitrix24OAuth2Api: { id: 'b24oauth', name: 'B24 OAuth2' } } });
		const input = [
			{ dialogId: 'chat1', messageId: 121 },
			{ dialogId: 'chat2', messageId: 122 },
		];
		const wf = workflow({ id: 'muOAuthExpired', nodes: [codeNode(ITEMS, input), node] });
		await n8n.importWorkflow(wf);

		emu.expireAllTokens();
		let since = emu.seq;
		const first = await n8n.execute(wf.id);
		mustSucceed(first);
		expect(outputOf(first.run, B24)).toEqual([
			{ result: true, time: expect.any(Object) },
			{ result: true, time: expect.any(Object) },
		]);
		expect(emu.readState(1, 'chat1').firstUnreadMessageId).toBe(121);
		expect(emu.readState(1, 'chat2').firstUnreadMessageId).toBe(122);
		const firstLog = logSince(emu, since);
		expect(firstLog.map((e) => [e.method, e.status, e.errorCode])).toEqual([
			['batch', 401, 'expired_token'],
			['oauth.token', 200, null],
			['batch', 200, null],
		]);
		const tokenCall = firstLog[1];
		expect(tokenCall.path).toMatch(/^\/oauth\/token\/?$/);
		expect(tokenCall.params).toEqual(
			expect.objectContaining({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: emu.oauth.clientId }),
		);
		expect(unreadCalls(firstLog).filter((c) => c.status === 200).map((c) => [c.dialogId, c.messageId])).toEqual([
			['chat1', '121'],
			['chat2', '122'],
		]);

		// Second run: n8n stored the refreshed token, so no token call and no 401 (the old access token is expired
		// and the old refresh token is used up, so only the rotated pair can work).
		emu.reset();
		since = emu.seq;
		const second = await n8n.execute(wf.id);
		mustSucceed(second);
		expect(outputOf(second.run, B24)).toHaveLength(2);
		expect(logSince(emu, since).map((e) => [e.method, e.status, e.auth])).toEqual([['batch', 200, 'oauth']]);
		expect(emu.readState(1, 'chat1').firstUnreadMessageId).toBe(121);

		// The node's outputs and n8n's stored runs carry none of the OAuth secrets.
		const stored = JSON.stringify(await n8n.readExecution({ workflowId: wf.id }));
		for (const secret of [tokens.access_token, tokens.refresh_token, emu.oauth.clientSecret]) {
			expect(JSON.stringify(first.run)).not.toContain(secret);
			expect(JSON.stringify(second.run)).not.toContain(secret);
			expect(stored).not.toContain(secret);
		}
	});
});
