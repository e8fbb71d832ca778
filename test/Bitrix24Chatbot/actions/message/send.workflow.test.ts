jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { callAs } from '../../../helpers/emulator';
import { botLocator, chatbotCredentials, everythingOut, json, TOKEN, useChatbotEmulator } from '../../../helpers/chatbotWorkflow';

const { emulator, run, oauth2, runOAuth2, registerBot, calls } = useChatbotEmulator();

const keyboard = [{ TEXT: 'Yes', COMMAND: 'answer', COMMAND_PARAMS: 'yes' }, { TEXT: 'No', COMMAND: 'answer', COMMAND_PARAMS: 'no' }];
const send = (botId: number, extra: Record<string, unknown> = {}) => ({
	resource: 'message', operation: 'send', botId: botLocator(botId), dialogId: '={{ $json.dialogId }}', text: '={{ $json.text }}', ...extra,
});
const botMessages = (botId: number) => Object.values(emulator().state.messages).filter((message) => message.authorId === botId);

describe('Message → Send', () => {
	it('posts as the bot, with a keyboard, into the private dialog named by the user\'s ID', async () => {
		const botId = await registerBot();
		const result = await run([{ dialogId: '2', text: 'Pick one' }], send(botId, { additionalFields: { keyboard: JSON.stringify(keyboard) } }));
		expect(result.error).toBeUndefined();
		const [item] = json(result.output);
		const posted = emulator().messagesOf('2', botId).at(-1)!;
		expect(item).toEqual({ messageId: posted.id, dialogId: '2' });
		expect([posted.text, posted.params.KEYBOARD.BUTTONS]).toEqual(['Pick one', keyboard]);
	});

	it('batches many sends into one batch request, each command carrying the bot token', async () => {
		const botId = await registerBot();
		const items = [2, 3, 4].map((user) => ({ dialogId: String(user), text: `Hello ${user}` }));
		const result = await run(items, send(botId));
		expect(result.error).toBeUndefined();
		const [batch] = calls('batch');
		expect(batch.batchCommands?.map((command) => [command.method, command.params.botToken])).toEqual([
			['imbot.v2.chat.message.send', TOKEN], ['imbot.v2.chat.message.send', TOKEN], ['imbot.v2.chat.message.send', TOKEN],
		]);
		expect(json(result.output).map((item) => item.dialogId)).toEqual(['2', '3', '4']);
		expect(botMessages(botId).map((message) => message.text)).toEqual(['Hello 2', 'Hello 3', 'Hello 4']);
		expect(everythingOut(result)).not.toContain(TOKEN);
	});

	it.each([
		['one by one', { batching: false }, 'imbot.v2.chat.message.send'],
		['in a batch', {}, 'batch'],
	])('never repeats a send whose answer was lost (%s): the message is posted once and the node says so', async (_, options, method) => {
		const botId = await registerBot();
		emulator().injectFault('resetAfterApply', { method });
		const items = [{ dialogId: '2', text: 'only once' }, { dialogId: '3', text: 'only once' }];
		const result = await run(items, send(botId, { options }));
		expect(result.error?.message).toMatch(/^Bitrix24 (imbot\.v2\.Chat\.Message\.send|batch).*\[ECONNRESET\]$/);
		expect(calls(method).length).toBe(1);
		expect(botMessages(botId).length).toBe(method === 'batch' ? 2 : 1);
	});

	it('refuses a bad item before sending and still sends the good ones under Continue', async () => {
		const botId = await registerBot();
		const result = await run([{ dialogId: 'sg5', text: 'x' }, { dialogId: '2', text: 'fine' }], send(botId), { continueOnFail: true });
		expect(json(result.output)).toEqual([
			{ error: 'Item 0: Dialog ID "sg5" is not valid: a chat bot names a dialog chatNNN or by a user ID, not sgNNN', description: expect.any(String) },
			{ messageId: expect.any(Number), dialogId: '2' },
		]);
	});

	it('reports a chat the bot is not in as ACCESS_DENIED, and the secrets stay out of errors', async () => {
		const botId = await registerBot();
		const result = await run([{ dialogId: 'chat2', text: 'x' }], send(botId));
		expect(result.error?.message).toBe('Bitrix24 imbot.v2.Chat.Message.send: Access denied [ACCESS_DENIED]');
		expect((result.error as Error & { description?: string }).description).toMatch(/the bot is not a member of that chat/);
		expect(everythingOut(result)).not.toMatch(new RegExp(`${TOKEN}|${emulator().webhooks.admin.secret}`));
	});

	it('sends through OAuth2 without any token: the bot belongs to the app', async () => {
		const { result } = runOAuth2([{}], { resource: 'bot', operation: 'register', code: 'app_bot', name: 'App bot' });
		const botId = json((await result).output)[0].botId as number;
		const sent = runOAuth2([{ dialogId: '2', text: 'from the app' }], send(botId));
		expect((await sent.result).error).toBeUndefined();
		expect(calls('imbot.v2.Chat.Message.send').every((entry) => entry.params.botToken === undefined)).toBe(true);
		expect(emulator().messagesOf('2', botId).at(-1)?.text).toBe('from the app');
	});

	it('refreshes an expired OAuth2 token, stores the new one, and lets none of the tokens out', async () => {
		const { credentials, tokens } = oauth2();
		const registered = await run([{}], { resource: 'bot', operation: 'register', code: 'app_bot', name: 'App bot' }, { credentials, authentication: 'oAuth2' });
		const botId = json(registered.output)[0].botId as number;
		emulator().expireAllTokens();
		const sent = await run([{ dialogId: '2', text: 'after refresh' }], send(botId), { credentials, authentication: 'oAuth2' });
		expect(sent.error).toBeUndefined();
		const stored = credentials.stored.bitrix24OAuth2Api.oauthTokenData as Record<string, string>;
		expect(stored.access_token).not.toBe(tokens.access_token);
		const text = JSON.stringify(sent.run);
		for (const secret of [tokens.access_token, tokens.refresh_token, stored.access_token, stored.refresh_token, emulator().oauth.clientSecret]) {
			expect(text).not.toContain(secret);
		}
	});
});

describe('Message → Update, Delete, Mark Read', () => {
	it('removes the keyboard of a pressed message, deletes a message and marks the dialog read', async () => {
		const botId = await registerBot();
		const sent = json((await run([{ dialogId: '2', text: 'Pick' }], send(botId, { additionalFields: { keyboard } }))).output)[0];
		const messageId = sent.messageId as number;
		const updated = await run([{}], { resource: 'message', operation: 'update', botId: botLocator(botId), messageId: String(messageId),
			updateFields: { text: 'Thanks!', removeKeyboard: true } });
		expect(json(updated.output)).toEqual([{ success: true, botId, messageId }]);
		const message = emulator().state.messages[messageId];
		expect([message.text, message.params.KEYBOARD]).toEqual(['Thanks!', undefined]);

		await callAs(emulator().webhooks.user2.url, 'im.message.add', { DIALOG_ID: String(botId), MESSAGE: 'unread for the bot' });
		const read = await run([{}], { resource: 'message', operation: 'markRead', botId: botLocator(botId), dialogId: '2' });
		expect(json(read.output)[0]).toMatchObject({ success: true, dialogId: '2', counter: 0 });

		const deleted = await run([{}], { resource: 'message', operation: 'delete', botId: botLocator(botId), messageId: String(messageId) });
		expect(json(deleted.output)).toEqual([{ success: true, botId, messageId }]);
		const again = await run([{}], { resource: 'message', operation: 'delete', botId: botLocator(botId), messageId: String(messageId) },
			{ credentials: chatbotCredentials(emulator()), continueOnFail: true });
		expect(json(again.output)[0]).toMatchObject({ code: 'ACCESS_DENIED' });
	});
});
