const MASK = '***';

/** Shapes that carry a secret whoever's it is: a webhook path, token parameters, a Bearer header. */
const SECRET_PATTERNS: Array<[RegExp, string]> = [
	[/(\/rest\/\d+\/)[A-Za-z0-9_-]{4,}/g, `$1${MASK}`],
	[/\b(access_token|refresh_token|auth|client_secret)=([^&\s"'<>]+)/gi, `$1=${MASK}`],
	[/("(?:access_token|refresh_token|client_secret)"\s*:\s*")[^"]*"/gi, `$1${MASK}"`],
	[/(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi, `$1${MASK}`],
];

const MAY_HOLD_SECRET = /\/rest\/\d|=|bearer|_token|client_secret/i;

/**
 * Removes the secrets of the credential in use from anything that leaves the node: output items, error messages and
 * descriptions. Known secret values are replaced wherever they occur; the patterns catch secrets we were not told about
 * (a refreshed token, a download link signed with the webhook path).
 */
export class Scrubber {
	private readonly secrets: string[];

	constructor(secrets: Array<string | undefined>) {
		this.secrets = secrets
			.filter((secret): secret is string => typeof secret === 'string' && secret.length >= 6)
			.sort((a, b) => b.length - a.length);
	}

	text(value: string): string {
		if (!this.mayHoldSecret(value)) return value;
		let result = value;
		for (const secret of this.secrets) result = result.split(secret).join(MASK);
		for (const [pattern, replacement] of SECRET_PATTERNS) result = result.replace(pattern, replacement);
		return result;
	}

	/** A cheap first look, so that the patterns run only on the rare strings that could match. */
	private mayHoldSecret(value: string): boolean {
		return MAY_HOLD_SECRET.test(value) || this.secrets.some((secret) => value.includes(secret));
	}

	/**
	 * `value` with every secret removed from its strings and keys. Parts with nothing to remove are returned as they
	 * are, not copied: most answers hold no secret, and a copy of every answer would only be garbage to collect.
	 */
	value<T>(value: T): T {
		if (typeof value === 'string') return this.text(value) as unknown as T;
		if (Array.isArray(value)) {
			let copy: unknown[] | undefined;
			for (let index = 0; index < value.length; index++) {
				const scrubbed = this.value(value[index]);
				if (scrubbed !== value[index] && !copy) copy = value.slice(0, index);
				if (copy) copy.push(scrubbed);
			}
			return (copy ?? value) as unknown as T;
		}
		if (typeof value === 'object' && value !== null) {
			const source = value as Record<string, unknown>;
			const keys = Object.keys(source);
			let copy: Record<string, unknown> | undefined;
			for (let index = 0; index < keys.length; index++) {
				const key = keys[index];
				const scrubbedKey = this.text(key);
				const scrubbed = this.value(source[key]);
				if (!copy && (scrubbedKey !== key || scrubbed !== source[key])) {
					copy = {};
					for (const earlier of keys.slice(0, index)) copy[earlier] = source[earlier];
				}
				if (copy) copy[scrubbedKey] = scrubbed;
			}
			return (copy ?? value) as T;
		}
		return value;
	}
}
