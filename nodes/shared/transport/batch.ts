import type { ParameterPlacement } from './callParameters';
import type { Bitrix24Outcome, Bitrix24Success, Bitrix24Time } from './types';

/** The portal runs at most this many commands of one `batch`; the rest fail with ERROR_BATCH_LENGTH_EXCEEDED. */
export const MAX_BATCH_COMMANDS = 50;

export interface BatchCommand {
	key: string;
	method: string;
	params: Record<string, unknown>;
	/** Where the credential's call parameters go in this command (see Bitrix24Client.call). */
	placement?: ParameterPlacement;
}

export function chunkCommands<T>(commands: T[], size = MAX_BATCH_COMMANDS): T[][] {
	const step = Math.max(1, Math.floor(size));
	const chunks: T[][] = [];
	for (let start = 0; start < commands.length; start += step) chunks.push(commands.slice(start, start + step));
	return chunks;
}

/** A lone UTF-16 surrogate (text cut inside an emoji) would make encodeURIComponent throw. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** What encode() leaves as it is: most keys, method names, ids and numbers. */
const UNRESERVED = /^[A-Za-z0-9_.~-]*$/;

function encode(text: string): string {
	if (UNRESERVED.test(text)) return text;
	return encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD')).replace(
		/[!'()*]/g,
		(char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
	);
}

function appendPairs(name: string, value: unknown, pairs: string[]): void {
	if (value === null || value === undefined) return;
	if (value instanceof Date) {
		pairs.push(`${name}=${encode(value.toISOString())}`);
	} else if (typeof value === 'object') {
		for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
			appendPairs(`${name}[${encode(key)}]`, inner, pairs);
		}
	} else if (typeof value === 'boolean') {
		pairs.push(`${name}=${value ? '1' : '0'}`);
	} else {
		pairs.push(`${name}=${encode(String(value))}`);
	}
}

/**
 * Parameters as PHP's `http_build_query` writes them (`a[b]=1&list[0]=x`), which is what the portal's `parse_str`
 * reads inside a batch command. Null and undefined are left out, as are empty arrays and objects (PHP does the same).
 */
export function encodeQuery(params: Record<string, unknown>): string {
	const pairs: string[] = [];
	for (const [key, value] of Object.entries(params)) appendPairs(encode(key), value, pairs);
	return pairs.join('&');
}

/**
 * The parameters of one `batch` call. With `halt`, the portal stops at the first failing command and runs none
 * after it; without, one failing command does not keep the others from running.
 */
export function batchBody(commands: BatchCommand[], halt = false): { halt: 0 | 1; cmd: Record<string, string> } {
	const cmd: Record<string, string> = {};
	for (const { key, method, params } of commands) {
		if (Object.prototype.hasOwnProperty.call(cmd, key)) throw new Error(`Duplicate batch command key "${key}"`);
		cmd[key] = `${method}?${encodeQuery(params)}`;
	}
	return { halt: halt ? 1 : 0, cmd };
}

type Section = Record<string, unknown> | unknown[];

function asSection(value: unknown): Section | undefined {
	return typeof value === 'object' && value !== null ? (value as Section) : undefined;
}

/** Presence by key, not by truthiness: a command's result may be `false`, `0` or `null`. */
function has(section: Section | undefined, key: string): section is Section {
	if (!section) return false;
	// PHP sends an empty map as `[]`, and a map with keys 0, 1, … as a list.
	if (Array.isArray(section) && !/^(0|[1-9]\d*)$/.test(key)) return false;
	return Object.prototype.hasOwnProperty.call(section, key);
}

function entry(section: Section | undefined, key: string): unknown {
	return has(section, key) ? (section as Record<string, unknown>)[key] : undefined;
}

function errorOutcome(raw: unknown, time: unknown): Bitrix24Outcome {
	const body = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : { error: raw };
	const code = String(body.error ?? '') || 'UNKNOWN_ERROR';
	const description = String(body.error_description ?? '') || 'no description given';
	const resetAt = (asSection(time) as Bitrix24Time | undefined)?.operating_reset_at;
	const failure = { kind: 'api' as const, code, description };
	return { ok: false, failure: typeof resetAt === 'number' ? { ...failure, operatingResetAt: resetAt } : failure };
}

/** Splits the `result` of a `batch` answer into one outcome per command key. */
export function readBatchResult(result: unknown, keys: string[]): Map<string, Bitrix24Outcome> {
	const answer = (asSection(result) ?? {}) as Record<string, unknown>;
	const results = asSection(answer.result);
	const errors = asSection(answer.result_error);
	const totals = asSection(answer.result_total);
	const nexts = asSection(answer.result_next);
	const times = asSection(answer.result_time);

	const outcomes = new Map<string, Bitrix24Outcome>();
	for (const key of keys) {
		if (has(errors, key)) {
			outcomes.set(key, errorOutcome(entry(errors, key), entry(times, key)));
		} else if (has(results, key)) {
			const value: Bitrix24Success = { result: entry(results, key) };
			const total = entry(totals, key);
			const next = entry(nexts, key);
			const time = entry(times, key);
			if (typeof total === 'number') value.total = total;
			if (typeof next === 'number') value.next = next;
			if (asSection(time)) value.time = time as Bitrix24Time;
			outcomes.set(key, { ok: true, value });
		} else {
			outcomes.set(key, {
				ok: false,
				failure: {
					kind: 'api',
					code: 'BATCH_COMMAND_NOT_RUN',
					description: `The batch answer has no result for command "${key}": it was not executed or its answer was lost`,
				},
			});
		}
	}
	return outcomes;
}
