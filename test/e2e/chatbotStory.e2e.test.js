'use strict';
/*
 * A chat bot's whole story in a real n8n (2.41.1) against the Bitrix24 emulator, with the example workflow
 * examples/chatbot-echo.json:
 * - `n8n execute` runs its setup branch: it registers the bot and its commands (the credential's Bot Token);
 * - the echo branch is published and `n8n start` runs its Bitrix24 Chatbot Trigger (a long-running trigger);
 * - a user writes to the bot: exactly one execution with one item, the bot answers with a keyboard;
 * - the user presses a button: the command arrives and is answered;
 * - n8n is stopped and started again while the user writes and types a command: nothing lost, nothing repeated;
 * - an Open Channel customer asks for an operator: the bot hands the conversation over;
 * - the bot token and the webhook secret are nowhere in n8n's output, logs, files or database.
 * The AI assistant example (examples/chatbot-ai-assistant.json) is imported into the same n8n: every node of it is
 * one n8n knows, in that version.
 */
const fs = require('fs');
const path = require('path');
const { createInstance, mustSucceed, outputOf } = require('../../scripts/lib/n8n');
const { startEmulator } = require('../emulator');
const { callAs } = require('./helpers/portal');
const { waitFor, listExecutions, ownerSession, startN8n, sleep, triggerItems } = require('./helpers/trigger');

const PACKAGE_DIR = process.env.E2E_PACKAGE_DIR || undefined;
const BOT_TOKEN = 'e2e-dummy-story-token-0001';
const WF_ECHO = 'chatbotEcho';
const WF_AI = 'chatbotAi';
const TRIGGER = 'When Someone Writes to the Bot';
const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');

/** An example workflow with this test's id and credential. */
function example(file, id, change = () => {}) {
	const wf = JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));
	wf.id = id;
	for (const node of wf.nodes) {
		if (node.credentials && node.credentials.bitrix24ChatbotWebhookApi) node.credentials.bitrix24ChatbotWebhookApi = { id: 'b24bot', name: 'B24 bot' };
		change(node);
	}
	return wf;
}

/** Every file under `dir` (n8n's user folder) but the installed package, as text. */
function filesUnder(dir) {
	const out = [];
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) {
			if (entry.name !== 'nodes') out.push(...filesUnder(full));
		} else {
			out.push({ file: full, text: fs.readFileSync(full).toString('latin1') });
		}
	}
	return out;
}

describe('a Bitrix24 chat bot in real n8n: the echo example, from registration to an operator', () => {
	let emu;
	let n8n;
	let running;
	let botId;

	const user2 = () => emu.webhooks.user2;
	const botMessages = () => emu.messagesOf('2', botId).filter((m) => m.authorId === botId || m.system);
	const textsOf = (messages) => messages.map((m) => m.text);
	/** The executions the trigger started (the setup run of `n8n execute` is not one). */
	const triggerExecutions = async () => (await listExecutions(n8n, WF_ECHO)).filter((e) => e.mode === 'trigger');
	const settledExecutions = async (n) => {
		const list = await triggerExecutions();
		return list.length >= n && list.every((e) => e.status !== 'running' && e.status !== 'new') ? list : null;
	};
	const eventGets = () => emu.log.filter((e) => e.method === 'imbot.v2.event.get');

	/** `n8n start`, until `ready` (default: the trigger's first poll). */
	async function start(what = 'the trigger\'s first poll', ready) {
		if (running) await stop(); // a failed step may have left it running
		const before = eventGets().length;
		running = startN8n(n8n);
		await waitFor(what, ready || (() => eventGets().length > before), { timeoutMs: 180_000 }).catch((e) => {
			throw new Error(`${e.message}\n${running.output().slice(-4000)}`);
		});
	}

	let logs = '';
	async function stop() {
		await running.stop();
		logs += running.output();
		running = undefined;
	}

	beforeAll(async () => {
		emu = await startEmulator({ port: 0 });
		n8n = await createInstance({ name: 'chatbotStory', packageDir: PACKAGE_DIR });
		await n8n.importCredentials([
			{ id: 'b24bot', name: 'B24 bot', type: 'bitrix24ChatbotWebhookApi', data: { webhookUrl: emu.webhooks.admin.url, botToken: BOT_TOKEN } },
		]);
	}, 10 * 60 * 1000);

	afterAll(async () => {
		if (running) await stop();
		if (n8n) await n8n.cleanup();
		if (emu) await emu.close();
	});

	it('registers the bot from the workflow, talks, answers a button, survives a restart and hands over to an operator; no secret leaks', async () => {
		// 1. The setup branch (its Manual Trigger is where `n8n execute` starts): the bot and its commands.
		await n8n.importWorkflow(example('chatbot-echo.json', WF_ECHO));
		const setup = await n8n.execute(WF_ECHO);
		mustSucceed(setup);
		const [registered] = outputOf(setup.run, 'Register Bot');
		botId = registered.botId;
		expect(registered).toMatchObject({ code: 'echo_bot', eventMode: 'fetch', isSupportOpenline: true });
		expect(emu.state.bots[botId].owner).toBe(`token:${BOT_TOKEN}`);
		expect(emu.state.bots[botId].commands.map((c) => c.command).sort()).toEqual(['echo', 'help']);
		expect(setup.run.data.resultData.runData.Route).toBeUndefined(); // the echo branch does not run from the Manual Trigger

		// 2. The echo branch, with the bot picked, published and run by `n8n start`.
		await n8n.importWorkflow(example('chatbot-echo.json', WF_ECHO, (node) => {
			if (node.name === TRIGGER) node.parameters.botId = { __rl: true, mode: 'id', value: String(botId) };
		}));
		const published = await n8n.n8n(['publish:workflow', `--id=${WF_ECHO}`]);
		expect(published.code).toBe(0);
		await start();

		// 3. A user writes: one execution, one item; the bot answers with its keyboard.
		await callAs(user2(), 'im.message.add', { DIALOG_ID: String(botId), MESSAGE: 'hello bot' });
		const reply = await waitFor('the echo', () => botMessages().find((m) => m.text === 'You wrote: hello bot'), { timeoutMs: 60_000, everyMs: 250 });
		expect(reply.params.KEYBOARD.BUTTONS.map((b) => b.TEXT)).toEqual(['Help', 'Say hi']);
		const first = await waitFor('the first execution', () => settledExecutions(1), { timeoutMs: 60_000, everyMs: 500 });
		expect(first).toHaveLength(1);
		expect(first[0]).toMatchObject({ mode: 'trigger', status: 'success' });
		expect(triggerItems(first[0], TRIGGER)).toEqual([expect.objectContaining({ event: 'messageAdd', source: 'bot', botId, dialogId: '2', text: 'hello bot' })]);

		// 4. The user presses "Say hi": the command event is answered.
		await callAs(user2(), 'im.message.command', { MESSAGE_ID: reply.id, BOT_ID: botId, COMMAND: 'echo', COMMAND_PARAMS: 'hi' });
		await waitFor('the command answer', () => botMessages().some((m) => m.text === 'Echo: hi'), { timeoutMs: 60_000, everyMs: 250 });
		const second = await waitFor('the command execution', () => settledExecutions(2), { timeoutMs: 60_000, everyMs: 500 });
		expect(triggerItems(second[1], TRIGGER)).toEqual([expect.objectContaining({ event: 'command', command: '/echo', commandParams: 'hi', commandContext: 'keyboard' })]);

		// 5. n8n restarts; meanwhile the user writes and types /help. Each comes once, nothing earlier again.
		await stop();
		await callAs(user2(), 'im.message.add', { DIALOG_ID: String(botId), MESSAGE: 'are you there?' });
		await callAs(user2(), 'im.message.add', { DIALOG_ID: String(botId), MESSAGE: '/help' });
		await start();
		await waitFor('the answers after the restart', () => botMessages().some((m) => m.text === 'You wrote: are you there?') && botMessages().some((m) => /^I repeat what you write/.test(m.text)), { timeoutMs: 60_000, everyMs: 250 });
		const afterRestart = await waitFor('four executions', () => settledExecutions(4), { timeoutMs: 60_000, everyMs: 500 });
		await sleep(6000); // a few more polls: nothing is emitted twice
		const answers = textsOf(botMessages());
		expect(answers.filter((t) => t === 'You wrote: hello bot')).toHaveLength(1);
		expect(answers.filter((t) => t === 'Echo: hi')).toHaveLength(1);
		expect(answers.filter((t) => t === 'You wrote: are you there?')).toHaveLength(1);
		expect(answers.filter((t) => /^I repeat what you write/.test(t))).toHaveLength(1);
		expect(await triggerExecutions()).toHaveLength(4);
		// Two events of one poll start two executions at once, and n8n may store them in either order: by event.
		const items = afterRestart.flatMap((e) => triggerItems(e, TRIGGER)).sort((a, b) => a.eventId - b.eventId);
		expect(items.map((i) => [i.event, i.text])).toEqual([
			['messageAdd', 'hello bot'],
			['command', expect.any(String)],
			['messageAdd', 'are you there?'],
			['command', '/help'],
		]);
		expect(new Set(items.map((i) => i.eventId)).size).toBe(4);

		// 6. An Open Channel customer asks for a person: the bot tells them and transfers the session to user 1.
		const { chatId } = emu.openlineMessage({ botId, text: 'I want an operator, please' });
		await waitFor('the transfer', () => emu.state.openlines.sessions[chatId].status === 'operator', { timeoutMs: 60_000, everyMs: 250 });
		expect(emu.state.openlines.sessions[chatId]).toMatchObject({ status: 'operator', operatorId: 1 });
		expect(emu.messagesOf(`chat${chatId}`, botId).some((m) => m.text === 'A colleague will take over in a moment.')).toBe(true);
		const all = await waitFor('the Open Channel execution', () => settledExecutions(5), { timeoutMs: 60_000, everyMs: 500 });
		expect(all.map((e) => e.status)).toEqual(['success', 'success', 'success', 'success', 'success']);
		// The next poll confirms everything the bot was sent but the last event, which the trigger keeps as its marker.
		const marker = triggerItems(all[4], TRIGGER)[0].eventId;
		await waitFor('the confirmation', () => emu.botEventsOf(botId).every((e) => e.eventId === marker), { timeoutMs: 20_000, everyMs: 250 });
		await stop();
		expect(await triggerExecutions()).toHaveLength(5);

		// 7. The bot token and the webhook secret: not in what n8n printed, logged, stored or wrote anywhere.
		const secrets = [BOT_TOKEN, emu.webhooks.admin.secret];
		const places = [
			{ file: 'n8n CLI output', text: n8n.transcript() },
			{ file: 'n8n start output (logs)', text: logs },
			{ file: 'stored executions', text: JSON.stringify(all) },
			...filesUnder(n8n.userFolder),
		];
		expect(places.some((p) => p.file.endsWith('database.sqlite'))).toBe(true);
		for (const secret of secrets) {
			expect(places.filter((p) => p.text.includes(secret)).map((p) => p.file)).toEqual([]);
		}
	});

	it('the AI assistant example loads: n8n knows every node type and version in it', async () => {
		await n8n.importWorkflow(example('chatbot-ai-assistant.json', WF_AI));
		const base = `http://127.0.0.1:${n8n.port}`;
		// While n8n starts, every path answers "n8n is starting up"; then the editor's node types need a session.
		await start('the editor', async () => (await fetch(`${base}/types/nodes.json`).catch(() => ({ status: 0 }))).status === 401);
		const res = await fetch(`${base}/types/nodes.json`, { headers: await ownerSession(base) });
		expect(res.status).toBe(200);
		const known = await res.json();
		await stop();
		const versions = (type) =>
			known.filter((d) => d.name === type).flatMap((d) => (Array.isArray(d.version) ? d.version : [d.version]));
		const wf = example('chatbot-ai-assistant.json', WF_AI);
		const missing = wf.nodes.filter((node) => !versions(node.type).includes(node.typeVersion)).map((node) => `${node.type}@${node.typeVersion}`);
		expect(missing).toEqual([]);
		expect(wf.nodes.map((node) => node.type)).toEqual(expect.arrayContaining(['@n8n/n8n-nodes-langchain.agent', 'n8n-nodes-bitrix24-im.bitrix24ChatbotTrigger']));
		// The language model is left for the user to connect.
		expect(wf.nodes.find((node) => node.type === '@n8n/n8n-nodes-langchain.lmChatOpenAi').credentials).toBeUndefined();
		const exported = await n8n.n8n(['export:workflow', `--id=${WF_AI}`]);
		expect(exported.code).toBe(0);
		expect(exported.stdout).toContain('"Send the Answer"');
	});
});
