jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { LINKS_REMOVED } from '../../../../nodes/Bitrix24Im/actions/dialog/messages';
import { ids, useDialogEmulator } from '../../../helpers/dialogWorkflow';
import { callAs, oauth2Credentials } from '../../../helpers/emulator';
import { runWorkflow } from '../../../helpers/runWorkflow';

const { emulator, run, calls } = useDialogEmulator();

/** Calls a method as the admin webhook's user, as another client of the portal would. */
const call = async (method: string, params: Record<string, unknown>) =>
	(await callAs(emulator().webhooks.admin.url, method, params)) as Record<string, unknown>;

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
