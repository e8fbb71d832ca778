import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { Bitrix24Client } from '../../../nodes/shared/transport';
import type { CallParameters } from '../../../nodes/shared/transport';
import type { Slot } from '../../../nodes/shared/transport/limiter';
import { bucketFor, ENTERPRISE_PLAN, LeakyBucket, resetBuckets, STANDARD_PLAN } from '../../../nodes/shared/transport/limiter';
import type { Connection } from '../../../nodes/shared/transport/request';
import { Scrubber } from '../../../nodes/shared/transport/scrub';

type Answer = { statusCode: number; body: string } | Error;

/** acme's webhook on the standard plan, with `extra` changed. */
const acmeConnection = (extra: Partial<Connection> = {}): Connection => ({
	credentialType: 'bitrix24WebhookApi',
	signing: 'webhook',
	baseUrl: 'https://acme.bitrix24.com/rest/1/hookcode1234/',
	portal: 'https://acme.bitrix24.com',
	rateLimit: STANDARD_PLAN,
	scrubber: new Scrubber([]),
	timeoutMs: 1000,
	...extra,
});

/** A client of acme's webhook whose fake n8n context answers `helper` (httpRequestWithAuthentication or httpRequest) from a script, recording every request. */
function fakeClient(helper: 'httpRequestWithAuthentication' | 'httpRequest', answer: (options: IHttpRequestOptions, index: number) => unknown, extra: Partial<Connection> = {}) {
	const requests: IHttpRequestOptions[] = [];
	const record = async (options: IHttpRequestOptions) => {
		requests.push(options);
		const result = answer(options, requests.length - 1);
		if (result instanceof Error) throw result;
		return result;
	};
	const context = {
		helpers: { [helper]: helper === 'httpRequest' ? record : async (_type: string, options: IHttpRequestOptions) => await record(options) },
	} as unknown as IExecuteFunctions;
	return { client: new Bitrix24Client(context, acmeConnection(extra), STANDARD_PLAN), requests };
}

/** A client whose REST calls `answer` answers. */
function portal(answer: (options: IHttpRequestOptions, index: number) => Answer, callParameters?: CallParameters) {
	return fakeClient('httpRequestWithAuthentication', answer, { callParameters });
}

const json = (statusCode: number, body: object): Answer => ({ statusCode, body: JSON.stringify(body) });
const ok = json(200, { result: true });
const queryLimit = json(503, { error: 'QUERY_LIMIT_EXCEEDED', error_description: 'Too many requests' });
const reset = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
const sleeps = () => (sleep as jest.Mock).mock.calls.map(([ms]) => ms as number);

beforeEach(() => {
	resetBuckets();
	(sleep as jest.Mock).mockClear();
});

describe('single calls', () => {
	it('retries QUERY_LIMIT_EXCEEDED, even for an operation that is not retry-safe (the portal did not run it)', async () => {
		const { client, requests } = portal((_, i) => (i < 2 ? queryLimit : ok));
		const outcome = await client.call('im.message.add', { DIALOG_ID: 'chat1', MESSAGE: 'hi' }, false);
		expect(outcome.ok).toBe(true);
		expect(requests).toHaveLength(3);
	});

	it.each([
		['a reset connection', reset],
		['an HTML error page', () => ({ statusCode: 500, body: '<html>oops</html>' })],
	])('does not repeat a call that is not retry-safe after %s (it may have run)', async (_, failure) => {
		const { client, requests } = portal(failure as () => Answer);
		const outcome = await client.call('im.message.add', { DIALOG_ID: 'chat1', MESSAGE: 'hi' }, false);
		expect(outcome.ok).toBe(false);
		expect(requests).toHaveLength(1);
	});

	it('repeats a retry-safe call after a reset connection, with growing delays, and gives up in bounds', async () => {
		const { client, requests } = portal(reset);
		const outcome = await client.call('im.dialog.unread', { DIALOG_ID: 'chat1', MESSAGE_ID: 1 }, true);
		expect(outcome).toMatchObject({ ok: false, failure: { code: 'ECONNRESET' } });
		expect(requests).toHaveLength(7);
		const delays = sleeps().filter((ms) => ms >= 500);
		expect(delays).toHaveLength(6);
		expect(delays[5]).toBeGreaterThan(delays[0]);
	});

	it('waits for operating_reset_at on OPERATION_TIME_LIMIT, then succeeds', async () => {
		const resetAt = Math.floor(Date.now() / 1000) + 20;
		const { client, requests } = portal((_, i) =>
			i === 0
				? json(429, { error: 'OPERATION_TIME_LIMIT', error_description: 'Method is blocked', time: { operating_reset_at: resetAt } })
				: ok,
		);
		const outcome = await client.call('im.dialog.unread', { DIALOG_ID: 'chat1', MESSAGE_ID: 1 }, true);
		expect(outcome.ok).toBe(true);
		expect(requests).toHaveLength(2);
		const wait = Math.max(...sleeps());
		expect(wait).toBeGreaterThanOrEqual(resetAt * 1000 - Date.now());
		expect(wait).toBeLessThanOrEqual(resetAt * 1000 - Date.now() + 3000);
	});

	it('does not wait out an OPERATION_TIME_LIMIT whose reset is far away', async () => {
		const resetAt = Math.floor(Date.now() / 1000) + 600;
		const { client, requests } = portal(() =>
			json(429, { error: 'OPERATION_TIME_LIMIT', error_description: 'Method is blocked', time: { operating_reset_at: resetAt } }),
		);
		const outcome = await client.call('im.dialog.unread', { DIALOG_ID: 'chat1', MESSAGE_ID: 1 }, true);
		expect(outcome).toMatchObject({ ok: false, failure: { code: 'OPERATION_TIME_LIMIT' } });
		expect(requests).toHaveLength(1);
	});

	it.each(['OVERLOAD_LIMIT', 'INVALID_CREDENTIALS', 'insufficient_scope', 'DIALOG_ID_EMPTY'])('never repeats %s', async (code) => {
		const { client, requests } = portal(() => json(code === 'DIALOG_ID_EMPTY' ? 400 : 503, { error: code, error_description: 'x' }));
		await client.call('im.dialog.unread', { DIALOG_ID: 'chat1', MESSAGE_ID: 1 }, true);
		expect(requests).toHaveLength(1);
	});
});

describe('batches', () => {
	const commands = (n: number, method = 'im.dialog.unread') =>
		Array.from({ length: n }, (_, i) => ({ key: `i${i}`, method, params: { DIALOG_ID: `chat${i + 1}`, MESSAGE_ID: i + 1 } }));
	const keysOf = (options: IHttpRequestOptions) => Object.keys((options.body as { cmd: object }).cmd);
	const allTrue = (options: IHttpRequestOptions) =>
		options.url === 'batch.json'
			? json(200, { result: { result: Object.fromEntries(keysOf(options).map((k) => [k, true])), result_error: [] } })
			: ok;

	it('sends 120 commands as 3 batch requests of at most 50, every key answered', async () => {
		const { client, requests } = portal(allTrue);
		const outcomes = await client.callBatch(commands(120, 'im.dialog.unread'), true);
		expect(requests.map((r) => [r.url, keysOf(r).length])).toEqual([
			['batch.json', 50],
			['batch.json', 50],
			['batch.json', 20],
		]);
		expect([...outcomes.keys()].sort()).toEqual(commands(120).map(({ key }) => key).sort());
		expect([...outcomes.values()].every((outcome) => outcome.ok)).toBe(true);
	});

	it('resends a whole batch the portal refused with QUERY_LIMIT_EXCEEDED (nothing of it ran)', async () => {
		const { client, requests } = portal((options, i) => (i === 0 ? queryLimit : allTrue(options)));
		const outcomes = await client.callBatch(commands(3, 'im.message.add'), false);
		expect(requests).toHaveLength(2);
		expect(keysOf(requests[1])).toEqual(['i0', 'i1', 'i2']);
		expect([...outcomes.values()].every((outcome) => outcome.ok)).toBe(true);
	});

	it('does not resend a batch of a non-retry-safe operation whose answer was lost; every item fails', async () => {
		const { client, requests } = portal(reset);
		const outcomes = await client.callBatch(commands(3, 'im.message.add'), false);
		expect(requests).toHaveLength(1);
		expect([...outcomes.values()].map((outcome) => !outcome.ok && outcome.failure.code)).toEqual([
			'ECONNRESET',
			'ECONNRESET',
			'ECONNRESET',
		]);
	});

	it('resends only the commands that failed with a retryable code, and keeps the others\' answers', async () => {
		const { client, requests } = portal((options, i) =>
			i === 0
				? json(200, {
						result: {
							result: { i0: true, i2: true },
							result_error: {
								i1: { error: 'QUERY_LIMIT_EXCEEDED', error_description: 'Too many requests' },
								i3: { error: 'MESSAGE_ID_ERROR', error_description: 'bad' },
							},
						},
					})
				: allTrue(options),
		);
		const outcomes = await client.callBatch(commands(4, 'im.dialog.unread'), true);
		expect(requests).toHaveLength(2);
		// A single leftover command goes as a plain call.
		expect(requests[1].url).toBe('im.dialog.unread.json');
		expect(requests[1].body).toEqual({ DIALOG_ID: 'chat2', MESSAGE_ID: 2 });
		expect(outcomes.get('i1')?.ok).toBe(true);
		expect(outcomes.get('i3')).toMatchObject({ ok: false, failure: { code: 'MESSAGE_ID_ERROR' } });
	});
});

describe('batches that stop at the first failure (the node\'s On Error → Stop)', () => {
	const commands = (n: number, method = 'im.message.add') =>
		Array.from({ length: n }, (_, i) => ({ key: `i${i}`, method, params: { DIALOG_ID: 'chat1', MESSAGE: `m${i}` } }));
	const keysOf = (options: IHttpRequestOptions) => Object.keys((options.body as { cmd: object }).cmd);
	const haltOf = (options: IHttpRequestOptions) => (options.body as { halt: number }).halt;
	/** A portal that runs batches with halt as Bitrix24 does: every command up to the refused one, none after. */
	const refusing = (refused: string[], error = { error: 'PARAMS_ERROR', error_description: 'Message isn\'t added' }) =>
		(options: IHttpRequestOptions) => {
			const result: Record<string, unknown> = {};
			const errors: Record<string, unknown> = {};
			for (const key of keysOf(options)) {
				if (refused.includes(key)) {
					errors[key] = error;
					if (haltOf(options) === 1) break;
				} else {
					result[key] = 334;
				}
			}
			return json(200, { result: { result, result_error: errors } });
		};
	const stop = { stopAtFirstFailure: true };

	it('sends halt=1 and one chunk after another; a refused command ends the run, nothing after it is sent', async () => {
		const { client, requests } = portal(refusing(['i75']));
		const outcomes = await client.callBatch(commands(120), false, stop);
		expect(requests.map((r) => [keysOf(r).length, haltOf(r)])).toEqual([
			[50, 1],
			[50, 1],
		]);
		expect(outcomes.get('i74')?.ok).toBe(true);
		expect(outcomes.get('i75')).toMatchObject({ ok: false, failure: { code: 'PARAMS_ERROR', method: 'im.message.add' } });
		expect([...outcomes.keys()].filter((key) => Number(key.slice(1)) > 75)).toEqual([]);
	});

	it('without it, sends halt=0 and every chunk: each command gets its own outcome', async () => {
		const { client, requests } = portal(refusing(['i75']));
		const outcomes = await client.callBatch(commands(120), false);
		expect(requests.map((r) => haltOf(r))).toEqual([0, 0, 0]);
		expect(outcomes.size).toBe(120);
		expect(outcomes.get('i76')?.ok).toBe(true);
	});

	it('a command refused before it ran (rate limit) goes again with everything after it, in order', async () => {
		const { client, requests } = portal((options, i) =>
			i === 0 ? refusing(['i1'], { error: 'QUERY_LIMIT_EXCEEDED', error_description: 'Too many requests' })(options) : refusing([])(options),
		);
		const outcomes = await client.callBatch(commands(4), false, stop);
		expect(requests.map(keysOf)).toEqual([
			['i0', 'i1', 'i2', 'i3'],
			['i1', 'i2', 'i3'],
		]);
		expect([...outcomes.values()].every((outcome) => outcome.ok)).toBe(true);
	});

	it('a lost answer of an operation that is not retry-safe is not resent, and no later chunk is sent', async () => {
		const { client, requests } = portal((options, i) => (i === 1 ? reset() : refusing([])(options)));
		const outcomes = await client.callBatch(commands(120), false, stop);
		expect(requests).toHaveLength(2);
		expect(outcomes.get('i50')).toMatchObject({ ok: false, failure: { code: 'ECONNRESET' } });
		expect([...outcomes.keys()].filter((key) => Number(key.slice(1)) > 50)).toEqual([]);
	});

	it('a lost answer of a retry-safe operation is resent, and the run goes on', async () => {
		const { client, requests } = portal((options, i) => (i === 1 ? reset() : refusing([])(options)));
		const outcomes = await client.callBatch(commands(120, 'im.dialog.unread'), true, stop);
		expect(requests.map((r) => keysOf(r)[0])).toEqual(['i0', 'i50', 'i50', 'i100']);
		expect([...outcomes.values()].every((outcome) => outcome.ok)).toBe(true);
	});
});

describe('a credential\'s call parameters (a chat bot\'s token)', () => {
	const TOKEN = { current: { botToken: 'dummy-old-123456' }, replaceOn: ['BOT_OWNERSHIP_ERROR'], missingReplacement: 'set New Bot Token' };
	const ROTATED = { ...TOKEN, replacement: { botToken: 'dummy-new-654321' } };
	const refused = json(403, { error: 'BOT_OWNERSHIP_ERROR', error_description: 'Bot is registered by another application' });
	const bodyOf = (options: IHttpRequestOptions) => options.body as Record<string, unknown>;
	const cmdOf = (options: IHttpRequestOptions) => (options.body as { cmd: Record<string, string> }).cmd;
	/** The portal knows only the new token: like Bitrix24 right after a rotation. */
	const rotatedPortal = (options: IHttpRequestOptions) => {
		if (options.url !== 'batch.json') return bodyOf(options).botToken === 'dummy-new-654321' ? ok : refused;
		const cmd = cmdOf(options);
		const good = Object.keys(cmd).filter((key) => cmd[key].includes('botToken=dummy-new-654321'));
		const bad = Object.keys(cmd).filter((key) => !good.includes(key));
		const errors = Object.fromEntries(bad.map((key) => [key, { error: 'BOT_OWNERSHIP_ERROR', error_description: 'x' }]));
		return json(200, { result: { result: Object.fromEntries(good.map((key) => [key, true])), result_error: bad.length ? errors : [] } });
	};

	it('adds them to every call, at the top level or where the operation places them (inside fields, renamed)', async () => {
		const { client, requests } = portal(() => ok, TOKEN);
		await client.call('imbot.v2.Chat.Message.send', { botId: 7, fields: { message: 'hi' } }, false);
		await client.call('imbot.v2.Bot.register', { fields: { code: 'x' } }, true, { inside: 'fields' });
		await client.call('imopenlines.bot.session.finish', { CHAT_ID: 5 }, true, { renamed: { botToken: 'CLIENT_ID' } });
		expect(requests.map(bodyOf)).toEqual([
			{ botId: 7, fields: { message: 'hi' }, botToken: 'dummy-old-123456' },
			{ fields: { code: 'x', botToken: 'dummy-old-123456' } },
			{ CHAT_ID: 5, CLIENT_ID: 'dummy-old-123456' },
		]);
	});

	it('adds them to every command of a batch (the portal authorises each sub-call from its own query)', async () => {
		const { client, requests } = portal((options) => (options.url === 'batch.json' ? json(200, { result: { result: { a: true, b: true }, result_error: [] } }) : ok), TOKEN);
		await client.callBatch([
			{ key: 'a', method: 'imbot.v2.Chat.Message.send', params: { botId: 7, dialogId: '2', fields: { message: 'one' } } },
			{ key: 'b', method: 'imbot.v2.Chat.Message.send', params: { botId: 7, dialogId: '3', fields: { message: 'two' } } },
		], false);
		expect(cmdOf(requests[0])).toEqual({
			a: 'imbot.v2.Chat.Message.send?botId=7&dialogId=2&fields[message]=one&botToken=dummy-old-123456',
			b: 'imbot.v2.Chat.Message.send?botId=7&dialogId=3&fields[message]=two&botToken=dummy-old-123456',
		});
	});

	it('switches to the replacement once the old token is refused, and keeps it for the rest of the execution', async () => {
		const { client, requests } = portal(rotatedPortal, ROTATED);
		expect((await client.call('imbot.v2.Chat.Message.send', { botId: 7 }, false)).ok).toBe(true);
		expect((await client.call('imbot.v2.Chat.Message.send', { botId: 7 }, false)).ok).toBe(true);
		expect(requests.map((r) => bodyOf(r).botToken)).toEqual(['dummy-old-123456', 'dummy-new-654321', 'dummy-new-654321']);
		expect(sleeps()).toEqual([]);
	});

	it('resends the refused commands of a batch with the replacement, right away', async () => {
		const { client, requests } = portal(rotatedPortal, ROTATED);
		const sends = [1, 2, 3].map((n) => ({ key: `i${n}`, method: 'imbot.v2.Chat.Message.send', params: { botId: 7, dialogId: String(n) } }));
		const outcomes = await client.callBatch(sends, false);
		expect(requests).toHaveLength(2);
		expect(Object.values(cmdOf(requests[1])).every((command) => command.includes('botToken=dummy-new-654321'))).toBe(true);
		expect([...outcomes.values()].every((outcome) => outcome.ok)).toBe(true);
		const halted = portal(rotatedPortal, ROTATED);
		const stopped = await halted.client.callBatch(sends, false, { stopAtFirstFailure: true });
		expect([halted.requests.length, [...stopped.values()].every((outcome) => outcome.ok)]).toEqual([2, true]);
	});

	it('also resends the commands of batches in flight when another batch made the switch', async () => {
		const { client, requests } = portal(rotatedPortal, ROTATED);
		const many = Array.from({ length: 120 }, (_, n) => ({ key: `i${n}`, method: 'imbot.v2.Chat.Message.send', params: { botId: 7, dialogId: '2' } }));
		const outcomes = await client.callBatch(many, false);
		expect([...outcomes.values()].filter((outcome) => !outcome.ok)).toEqual([]);
		const oldToken = requests.filter((r) => Object.values(cmdOf(r))[0].includes('dummy-old-123456'));
		expect(oldToken.length).toBe(3);
	});

	it('without a replacement, a refusal is the call\'s failure (nothing is resent)', async () => {
		const { client, requests } = portal(() => refused, TOKEN);
		const outcome = await client.call('imbot.v2.Chat.Message.send', { botId: 7 }, true);
		expect(outcome).toMatchObject({ ok: false, failure: { code: 'BOT_OWNERSHIP_ERROR', method: 'imbot.v2.Chat.Message.send' } });
		expect(requests).toHaveLength(1);
	});

	it('places the replacement where a rotation asks, and refuses to send such a call when there is none', async () => {
		const { client, requests } = portal(() => ok, ROTATED);
		await client.call('imbot.v2.Bot.update', { botId: 7, fields: {} }, true, { replacementInside: 'fields' });
		expect(bodyOf(requests[0])).toEqual({ botId: 7, fields: { botToken: 'dummy-new-654321' }, botToken: 'dummy-old-123456' });
		const without = portal(() => ok, TOKEN);
		const outcome = await without.client.call('imbot.v2.Bot.update', { botId: 7, fields: {} }, true, { replacementInside: 'fields' });
		expect(outcome).toEqual({ ok: false, failure: { kind: 'api', code: 'CREDENTIAL_INCOMPLETE', description: 'set New Bot Token', method: 'imbot.v2.Bot.update' } });
		expect(without.requests).toHaveLength(0);
	});
});

describe('one rate limit per portal', () => {
	const connection = (rateLimit = STANDARD_PLAN) => acmeConnection({ rateLimit });
	const bucketOf = (client: Bitrix24Client) => (client as unknown as { bucket: unknown }).bucket;
	const context = {} as IExecuteFunctions;

	it('an action node on the Enterprise preset, a trigger and a list search share one bucket', () => {
		const action = new Bitrix24Client(context, connection(), ENTERPRISE_PLAN);
		const trigger = new Bitrix24Client(context, connection());
		const listSearch = new Bitrix24Client(context, connection());
		expect(bucketOf(trigger)).toBe(bucketOf(action));
		expect(bucketOf(listSearch)).toBe(bucketOf(action));
		expect(bucketFor('https://acme.bitrix24.com', STANDARD_PLAN)).toBe(bucketOf(action));
	});
});

describe('what the client tells the portal\'s bucket of each request it let go', () => {
	const PROBE: Slot = { probe: true };
	const told = () => ({
		accepted: jest.spyOn(LeakyBucket.prototype, 'onSuccess'),
		refused: jest.spyOn(LeakyBucket.prototype, 'onRateLimited'),
		failed: jest.spyOn(LeakyBucket.prototype, 'onOtherFailure'),
	});
	const argsOf = (spy: jest.SpyInstance) => spy.mock.calls.map((args: unknown[]) => args[0]);
	beforeEach(() => jest.spyOn(LeakyBucket.prototype, 'acquire').mockResolvedValue(PROBE));
	afterEach(() => jest.restoreAllMocks());

	it('a call: refused, then accepted, each answer with the slot it went in', async () => {
		const spies = told();
		const { client } = portal((_, i) => (i === 0 ? queryLimit : ok));
		await client.call('im.dialog.unread', { DIALOG_ID: 'chat1', MESSAGE_ID: 1 }, true);
		expect(argsOf(spies.refused)).toEqual([PROBE]);
		expect(argsOf(spies.accepted)).toEqual([PROBE]);
	});

	it('a call that failed otherwise (an error page): as neither', async () => {
		const spies = told();
		const { client } = portal(() => ({ statusCode: 500, body: '<html>oops</html>' }));
		await client.call('im.message.add', { DIALOG_ID: 'chat1', MESSAGE: 'hi' }, false);
		expect(argsOf(spies.failed)).toEqual([PROBE]);
		expect(spies.accepted).not.toHaveBeenCalled();
		expect(spies.refused).not.toHaveBeenCalled();
	});

	it('an answered batch with a command refused for the rate: the request accepted, and a refusal with no slot', async () => {
		const spies = told();
		const batchAnswer = json(200, { result: { result: { i0: true }, result_error: { i1: { error: 'QUERY_LIMIT_EXCEEDED', error_description: 'Too many requests' } } } });
		const { client } = portal((_, i) => (i === 0 ? batchAnswer : ok));
		const commands = [0, 1].map((i) => ({ key: `i${i}`, method: 'im.dialog.unread', params: { DIALOG_ID: 'chat1', MESSAGE_ID: i + 1 } }));
		await client.callBatch(commands, true);
		expect(argsOf(spies.accepted)).toEqual([PROBE, PROBE]); // the batch, then i1 alone
		expect(argsOf(spies.refused)).toEqual([undefined]);
	});

	it('a download that failed: as neither', async () => {
		const spies = told();
		const { client } = fakeClient('httpRequest', () => ({ statusCode: 404, body: Buffer.from('{"error":"FILE_NOT_FOUND"}'), headers: {} }));
		await client.download('https://acme.bitrix24.com/rest/1/hookcode1234/download/?token=x', 'im.v2.File.download');
		expect(argsOf(spies.failed)).toEqual([PROBE]);
	});
});

describe('downloads from a link an answer held', () => {
	const LINK = 'https://acme.bitrix24.com/rest/1/hookcode1234/download/?token=disk%7Csecret99';
	function downloader(answer: () => unknown) {
		const { client, requests } = fakeClient('httpRequest', answer, { scrubber: new Scrubber(['hookcode1234']) });
		return { client, seen: requests };
	}

	it('gives the bytes, file name and type, fetching the link once, as a GET', async () => {
		const { client, seen } = downloader(() => ({
			statusCode: 200,
			body: Buffer.from('%PDF-1.4'),
			headers: { 'content-type': 'application/pdf; charset=binary', 'content-disposition': 'attachment; filename*=UTF-8\'\'Offer%20%E2%84%962.pdf' },
		}));
		const outcome = await client.download(LINK, 'im.v2.File.download');
		expect(outcome.ok && outcome.value.file).toEqual({ data: Buffer.from('%PDF-1.4'), fileName: 'Offer №2.pdf', mimeType: 'application/pdf' });
		expect(seen.map(({ method, url }) => [method, url])).toEqual([['GET', LINK]]);
	});

	it.each([
		['a Bitrix24 error', () => ({ statusCode: 404, body: Buffer.from('{"error":"FILE_NOT_FOUND","error_description":"File not found"}'), headers: {} }), 'FILE_NOT_FOUND'],
		['an HTML page', () => ({ statusCode: 502, body: Buffer.from('<html>Bad gateway</html>'), headers: {} }), 'INVALID_RESPONSE'],
		['a reset connection', () => Object.assign(new Error(`socket hang up: ${LINK}`), { code: 'ECONNRESET' }), 'ECONNRESET'],
	])('turns %s into a failure that names the method and not the link, without trying again', async (_case, answer, code) => {
		const { client, seen } = downloader(answer);
		const outcome = await client.download(LINK, 'im.v2.File.download');
		expect(outcome).toMatchObject({ ok: false, failure: { code, method: 'im.v2.File.download' } });
		expect(JSON.stringify(outcome)).not.toContain('token=');
		expect(JSON.stringify(outcome)).not.toContain('hookcode1234');
		expect(seen).toHaveLength(1);
	});
});
