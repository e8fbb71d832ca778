#!/usr/bin/env node
'use strict';
/**
 * Runs the emulator until Ctrl-C and prints its URLs and credentials.
 *   node test/emulator/cli.js [--port 8024] [--burst 50] [--drain 2] [--latency 0] [--no-rate-limit]
 *                             [--operating-limit 480] [--operating-window 600] [--token-lifetime 3600]
 * The same settings by env: EMULATOR_PORT, EMULATOR_BURST, EMULATOR_DRAIN, EMULATOR_LATENCY,
 * EMULATOR_RATE_LIMIT=off, EMULATOR_OPERATING_LIMIT, EMULATOR_OPERATING_WINDOW, EMULATOR_TOKEN_LIFETIME,
 * EMULATOR_REDIRECT_URI (the OAuth app's redirect URL); fixed credentials (default random): EMULATOR_CLIENT_ID,
 * EMULATOR_CLIENT_SECRET, EMULATOR_WEBHOOK_SECRET (the admin webhook's secret).
 */
const { startEmulator } = require('./index');

function readArgs(argv) {
	const out = {};
	for (let i = 0; i < argv.length; i++) {
		const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
		if (!m) continue;
		if (m[2] !== undefined) out[m[1]] = m[2];
		else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) out[m[1]] = argv[++i];
		else out[m[1]] = 'true';
	}
	return out;
}

function setting(args, flag, env, def) {
	if (args[flag] !== undefined) return args[flag];
	if (process.env[env] !== undefined && process.env[env] !== '') return process.env[env];
	return def;
}

async function main() {
	const args = readArgs(process.argv.slice(2));
	if (args.help) {
		process.stdout.write(require('node:fs').readFileSync(__filename, 'utf8').split('\n').slice(3, 10).join('\n') + '\n');
		return;
	}
	const rateOff = args['no-rate-limit'] || String(process.env.EMULATOR_RATE_LIMIT || '').toLowerCase() === 'off';
	const opLimit = setting(args, 'operating-limit', 'EMULATOR_OPERATING_LIMIT', '');
	const emu = await startEmulator({
		port: Number(setting(args, 'port', 'EMULATOR_PORT', 8024)),
		rateLimit: rateOff ? false : { burst: Number(setting(args, 'burst', 'EMULATOR_BURST', 50)),
			drainPerSecond: Number(setting(args, 'drain', 'EMULATOR_DRAIN', 2)) },
		latencyMs: Number(setting(args, 'latency', 'EMULATOR_LATENCY', 0)),
		accessTokenLifetimeSec: Number(setting(args, 'token-lifetime', 'EMULATOR_TOKEN_LIFETIME', 3600)),
		operatingLimit: opLimit ? { limitSec: Number(opLimit),
			windowSec: Number(setting(args, 'operating-window', 'EMULATOR_OPERATING_WINDOW', 600)) } : false,
		oauthRedirectUri: setting(args, 'redirect-uri', 'EMULATOR_REDIRECT_URI', undefined),
		clientId: process.env.EMULATOR_CLIENT_ID || undefined,
		clientSecret: process.env.EMULATOR_CLIENT_SECRET || undefined,
		adminSecret: process.env.EMULATOR_WEBHOOK_SECRET || undefined,
		verbose: true,
	});
	const i = emu.info();
	const lines = [
		`Bitrix24 emulator listening on ${emu.baseUrl}`,
		'',
		'Incoming webhooks:',
		...Object.entries(i.webhooks).map(([name, h]) => `  ${name.padEnd(7)} ${h.url}   (user ${h.userId}; ${h.scopes.join(',')})`),
		'',
		'OAuth application:',
		`  client id      ${i.oauth.clientId}`,
		`  client secret  ${i.oauth.clientSecret}`,
		`  authorize URL  ${i.oauth.authorizeUrl}`,
		`  token URL      ${i.oauth.tokenUrl}`,
		`  REST endpoint  ${i.oauth.clientEndpoint}`,
		'',
		`Rate limit: ${i.rateLimit ? `burst ${i.rateLimit.burst}, drain ${i.rateLimit.drainPerSecond}/s` : 'off'}; `
			+ `latency ${i.latencyMs} ms; operating limit ${i.operatingLimit ? `${i.operatingLimit.limitSec} s / ${i.operatingLimit.windowSec} s` : 'off'}`,
		`Control API: ${emu.baseUrl}/_emulator/state | log | read-state?userId=1&dialogId=chat1 | POST reset, expire-tokens, fault, tokens`,
		'Press Ctrl-C to stop.',
	];
	process.stdout.write(lines.join('\n') + '\n');
	const stop = async () => {
		await emu.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((err) => {
	process.stderr.write(`${err.stack || err}\n`);
	process.exit(1);
});
