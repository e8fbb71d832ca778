jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { LINKS_REMOVED } from '../../nodes/Bitrix24Im/actions/dialog/messages';
import { callAs, emulatorRunner, oauth2Credentials, useEmulator } from '../helpers/emulator';
import type { Emulator } from '../helpers/emulator';
import { runWorkflow } from '../helpers/runWorkflow';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const emulatorState = require('../emulator/state') as {
	createChat(state: unknown, fields: Record<string, unknown>): { id: number };
	addMessage(state: unknown, chat: unknown, authorId: number, text: string): { id: number };
};

const emulator = useEmulator();

interface EmulatorState {
	users: Record<number, Record<string, unknown>>;
	chats: Record<number, { users: number[] }>;
}
const stateOf = (emu: Emulator) => (emu as unknown as { state: EmulatorState }).state;

const run = emulatorRunner(emulator, { resource: 'dialog' }, 5);

const calls = (method: string) => emulator().log.filter((entry) => entry.method === method);
const ids = (output: Array<{ json: Record<string, unknown> }>) => output.map(({ json }) => json.id as number);

/** Calls a method as the admin webhook's user, as another client of the portal would. */
const call = async (method: string, params: Record<string, unknown>) =>
	(await callAs(emulator().webhooks.admin.url, method, params)) as Record<string, unknown>;

describe('Dialog → Get', () => {
	it('outputs the chat object, one item per input item (batched)', async () => {
		const { output, error } = await run([{ d: 'chat2' }, { d: 'sg5' }], { operation: 'get', dialogId: '={{ $json.d }}' });
		expect(error).toBeUndefined();
		expect(output.map(({ json }) => [json.id, json.name])).toEqual([
			[2, 'Project Apollo'],
			[3, 'Marketing workgroup'],
		]);
		expect(output.map(({ pairedItem }) => pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(calls('batch')).toHaveLength(1);
	});

	it('outputs the raw answer with Simplify off, and a non-member gets ACCESS_ERROR', async () => {
		const raw = await run([{}], { operation: 'get', dialogId: 'chat2', simplify: false });
		expect(raw.output[0].json).toMatchObject({ result: { id: 2 }, time: expect.any(Object) });
		const outsider = emulator().addWebhook({ userId: 4, scopes: ['im'] });
		const { output } = await run([{}], { operation: 'get', dialogId: 'chat2' }, { webhookUrl: outsider.url, continueOnFail: true });
		expect(output[0].json).toMatchObject({ code: 'ACCESS_ERROR', httpStatus: 403 });
	});
});

describe('Dialog → Get Messages', () => {
	const getMessages = (extra: Record<string, unknown> = {}) => ({ operation: 'getMessages', dialogId: 'chat6', ...extra });

	it('Return All walks LAST_ID back through every page: 120 messages, newest first, none twice', async () => {
		const history = emulator().messagesOf('chat6').map(({ id }) => id);
		expect(history).toHaveLength(120);
		emulator().clearLog();
		const { output, error } = await run([{}], getMessages({ returnAll: true }));
		expect(error).toBeUndefined();
		expect(ids(output)).toEqual([...history].reverse());
		expect(new Set(ids(output)).size).toBe(120);
		expect(output[0].json.text).toBe('History message 120');
		expect(output.every(({ pairedItem }) => (pairedItem as { item: number }).item === 0)).toBe(true);
		const pages = calls('im.dialog.messages.get').map(({ params }) => [params?.LAST_ID, params?.LIMIT]);
		expect(pages).toEqual([
			[0, 50],
			[history[70], 50],
			[history[20], 50],
		]);
	});

	it('a Limit smaller than a page makes one call for exactly that many', async () => {
		const history = emulator().messagesOf('chat6').map(({ id }) => id);
		emulator().clearLog();
		const { output } = await run([{}], getMessages({ returnAll: false, limit: 7 }));
		expect(ids(output)).toEqual(history.slice(-7).reverse());
		expect(calls('im.dialog.messages.get').map(({ params }) => params?.LIMIT)).toEqual([7]);
	});

	it('a Limit across pages asks the last page only for what is missing', async () => {
		const history = emulator().messagesOf('chat6').map(({ id }) => id);
		emulator().clearLog();
		const { output } = await run([{}], getMessages({ returnAll: false, limit: 60 }));
		expect(ids(output)).toEqual(history.slice(-60).reverse());
		expect(calls('im.dialog.messages.get').map(({ params }) => params?.LIMIT)).toEqual([50, 10]);
	});

	it('Oldest First walks FIRST_ID forward from after the given message', async () => {
		const history = emulator().messagesOf('chat6').map(({ id }) => id);
		emulator().clearLog();
		const { output } = await run([{}], getMessages({ returnAll: true, direction: 'oldestFirst', startAfterMessageId: String(history[9]) }));
		expect(ids(output)).toEqual(history.slice(10));
		expect(calls('im.dialog.messages.get').map(({ params }) => params?.FIRST_ID)).toEqual([
			history[9],
			history[59],
			history[109],
		]);
	});

	it('Newest First with Start After Message ID lists only older messages', async () => {
		const history = emulator().messagesOf('chat6').map(({ id }) => id);
		const { output } = await run([{}], getMessages({ returnAll: false, limit: 3, startAfterMessageId: String(history[50]) }));
		expect(ids(output)).toEqual([history[49], history[48], history[47]]);
	});

	it('attaches a message\'s files without the credential-signed links, and says so', async () => {
		const { secret } = emulator().webhooks.admin;
		const folder = await call('im.disk.folder.get', { DIALOG_ID: 'chat2' });
		const file = await call('disk.folder.uploadfile', {
			id: folder.ID,
			data: { NAME: 'report.txt' },
			fileContent: ['report.txt', Buffer.from('quarterly numbers').toString('base64')],
		});
		const commit = await call('im.disk.file.commit', { DIALOG_ID: 'chat2', UPLOAD_ID: file.ID, MESSAGE: 'The report' });
		expect(JSON.stringify(commit)).toContain(secret);

		const { output, error } = await run([{}], getMessages({ dialogId: 'chat2', returnAll: false, limit: 2 }));
		expect(error).toBeUndefined();
		expect(JSON.stringify(output)).not.toContain(secret);
		const [withFile, plain] = output.map(({ json }) => json);
		expect(withFile).toMatchObject({ id: commit.MESSAGE_ID, text: 'The report' });
		expect(withFile.files).toEqual([
			expect.objectContaining({
				id: file.ID,
				name: 'report.txt',
				size: 17,
				urlDownload: null,
				urlShow: null,
				linksRemoved: LINKS_REMOVED,
			}),
		]);
		expect(plain.files).toEqual([]);
		expect(plain.params).toEqual({});

		// With OAuth2 the links carry the access token instead (?auth=...): removed the same way.
		const { credentials, tokens } = oauth2Credentials(emulator());
		const oauth = await runWorkflow({
			items: [{}],
			parameters: { authentication: 'oAuth2', resource: 'dialog', ...getMessages({ dialogId: 'chat2', returnAll: false, limit: 1 }) },
			credentials,
		});
		expect(oauth.error).toBeUndefined();
		expect(oauth.output[0].json.files).toEqual([expect.objectContaining({ id: file.ID, urlDownload: null, linksRemoved: LINKS_REMOVED })]);
		expect(JSON.stringify(oauth.output)).not.toContain(tokens.access_token);
	});

	it('refuses a malformed Start After Message ID before sending anything', async () => {
		emulator().clearLog();
		const { output } = await run([{}], getMessages({ startAfterMessageId: '12abc' }), { continueOnFail: true });
		expect(output[0].json.error).toBe('Item 0: Start After Message ID "12abc" is not valid: it must be a whole number greater than 0, or empty');
		expect(emulator().log).toHaveLength(0);
	});
});

describe('Dialog → Get Members', () => {
	it('lists the members, one item per user; a Limit smaller than a page asks for just that many', async () => {
		const all = await run([{}], { operation: 'getMembers', dialogId: 'chat2', returnAll: true });
		expect(ids(all.output)).toEqual([1, 2, 3]);
		emulator().clearLog();
		const some = await run([{}], { operation: 'getMembers', dialogId: 'chat1', returnAll: false, limit: 2 });
		expect(ids(some.output)).toEqual([1, 2]);
		expect(calls('im.dialog.users.list').map(({ params }) => [params?.OFFSET, params?.LIMIT])).toEqual([[0, 2]]);
	});

	it('Return All follows `next` across pages of 200', async () => {
		const state = stateOf(emulator());
		for (let id = 100; id < 350; id++) {
			state.users[id] = { ...state.users[5], id, firstName: `Member${id}`, email: `m${id}@example.com` };
			state.chats[1].users.push(id);
		}
		emulator().clearLog();
		const { output, error } = await run([{}], { operation: 'getMembers', dialogId: 'chat1', returnAll: true });
		expect(error).toBeUndefined();
		const expected = [1, 2, 3, 4, 5, ...Array.from({ length: 250 }, (_, i) => 100 + i)];
		expect(ids(output)).toEqual(expected);
		expect(calls('im.dialog.users.list').map(({ params }) => [params?.OFFSET, params?.LIMIT])).toEqual([
			[0, 200],
			[200, 200],
		]);
	});
});

describe('Dialog → Send Typing', () => {
	it('says the indicator was sent, and a non-member is refused', async () => {
		const { output } = await run([{}], { operation: 'sendTyping', dialogId: 'CHAT2' });
		expect(output[0].json).toEqual({ success: true, dialogId: 'chat2' });
		expect(calls('im.dialog.writing').map(({ params }) => params?.DIALOG_ID)).toEqual(['chat2']);
		const outsider = emulator().addWebhook({ userId: 4, scopes: ['im'] });
		const refused = await run([{}], { operation: 'sendTyping', dialogId: 'chat2' }, { webhookUrl: outsider.url, continueOnFail: true });
		expect(refused.output[0].json).toMatchObject({ code: 'ACCESS_ERROR', httpStatus: 403 });
	});
});

describe('Dialog → Set Unread Mark, Pin, Unpin, Hide', () => {
	it('sets and removes the manual unread mark', async () => {
		const set = await run([{}], { operation: 'setUnreadMark', dialogId: 'chat2', unread: true });
		expect(set.output[0].json).toEqual({ success: true, dialogId: 'chat2', unread: true });
		expect(emulator().readState(1, 'chat2')).toMatchObject({ manualUnread: true });
		await run([{}], { operation: 'setUnreadMark', dialogId: 'chat1', unread: false });
		expect(emulator().readState(1, 'chat1')).toMatchObject({ manualUnread: false, unreadCount: 0 });
		expect(calls('im.recent.unread').map(({ params }) => params?.ACTION)).toEqual(['Y', 'N']);
	});

	it('pins and unpins a dialog; a pinned one comes first in Get Recent', async () => {
		const pin = await run([{}], { operation: 'pin', dialogId: 'chat3' });
		expect(pin.output[0].json).toEqual({ success: true, dialogId: 'chat3', pinned: true });
		expect(emulator().readState(1, 'chat3')).toMatchObject({ pinned: true });
		const recent = await run([{}], { operation: 'getRecent', returnAll: true });
		expect(recent.output[0].json).toMatchObject({ chat_id: 3, pinned: true });
		const unpin = await run([{}], { operation: 'unpin', dialogId: 'chat3' });
		expect(unpin.output[0].json).toEqual({ success: true, dialogId: 'chat3', pinned: false });
		expect(emulator().readState(1, 'chat3')).toMatchObject({ pinned: false });
	});

	it('hides a dialog from the recent list', async () => {
		const hide = await run([{}], { operation: 'hide', dialogId: 'chat2' });
		expect(hide.output[0].json).toEqual({ success: true, dialogId: 'chat2', hidden: true });
		expect(emulator().readState(1, 'chat2')).toMatchObject({ hidden: true });
		const recent = await run([{}], { operation: 'getRecent', returnAll: true });
		expect(recent.output.map(({ json }) => json.chat_id)).not.toContain(2);
	});
});

describe('Dialog → Get Recent', () => {
	it('lists the recent dialogs with the filters as flags', async () => {
		const all = await run([{}], { operation: 'getRecent', returnAll: true });
		expect(all.output.map(({ json }) => json.id)).toEqual(['chat6', 3, 2, 'chat3', 'chat2', 'chat1']);
		const chats = await run([{}], { operation: 'getRecent', returnAll: true, filters: { skipDialog: true } });
		expect(chats.output.map(({ json }) => json.type)).toEqual(chats.output.map(() => 'chat'));
		expect(chats.output.length).toBe(all.output.length - 2);
		const unread = await run([{}], { operation: 'getRecent', returnAll: true, filters: { unreadOnly: true } });
		expect(unread.output.map(({ json }) => json.id).sort()).toEqual([2, 'chat1'].sort());
		expect(calls('im.recent.list').slice(-1)[0].params).toMatchObject({ UNREAD_ONLY: 'Y', OFFSET: 0 });
	});

	it('Return All follows `next` across pages of 200; a Limit smaller than a page makes one call', async () => {
		const state = stateOf(emulator());
		for (let i = 0; i < 210; i++) {
			const chat = emulatorState.createChat(state, { title: `Bulk ${i}`, owner: 1, users: [1, 2] });
			emulatorState.addMessage(state, chat, 2, `Bulk message ${i}`);
		}
		emulator().clearLog();
		const { output, error } = await run([{}], { operation: 'getRecent', returnAll: true });
		expect(error).toBeUndefined();
		const listed = output.map(({ json }) => json.chat_id as number);
		// Newest activity first: the 210 bulk chats (7-216, the last created on top), then the seed's 6 dialogs.
		expect(listed).toEqual(Array.from({ length: 216 }, (_, i) => 216 - i));
		expect(calls('im.recent.list').map(({ params }) => [params?.OFFSET, params?.LIMIT])).toEqual([
			[0, 200],
			[200, 200],
		]);

		emulator().clearLog();
		const few = await run([{}], { operation: 'getRecent', returnAll: false, limit: 3 });
		expect(few.output.map(({ json }) => json.chat_id)).toEqual([216, 215, 214]);
		expect(calls('im.recent.list').map(({ params }) => [params?.OFFSET, params?.LIMIT])).toEqual([[0, 3]]);
	});
});
