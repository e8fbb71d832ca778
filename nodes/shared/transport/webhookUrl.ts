/** An incoming-webhook address, split into what the transport needs. */
export interface WebhookAddress {
	/** `<scheme>://<host>/rest/<userId>/<secret>/`, always with the trailing slash. */
	baseUrl: string;
	/** The portal's origin, used as the rate-limit key. */
	portal: string;
	userId: string;
	secret: string;
}

export const WEBHOOK_URL_FORMAT = 'https://<portal>/rest/<userId>/<secret>/';

const LOOPBACK_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * Accepts what users paste from Bitrix24: with or without the trailing slash, even with a method name appended
 * (`…/<secret>/profile.json`). The thrown message never repeats the input, because the input holds the secret.
 */
export function parseWebhookUrl(input: string): WebhookAddress {
	const text = String(input ?? '').trim();
	const url = URL.canParse(text) ? new URL(text) : undefined;
	if (!url) throw new Error(`The webhook URL is not a valid address. Expected ${WEBHOOK_URL_FORMAT}`);
	const isLoopback = LOOPBACK_HOSTS.test(url.hostname);
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback)) {
		throw new Error(
			`The webhook URL must start with https:// (plain http is accepted only for localhost). Expected ${WEBHOOK_URL_FORMAT}`,
		);
	}
	const match = /^((?:\/[^/]+)*?)\/rest\/(\d+)\/([A-Za-z0-9_-]+)(?:\/[A-Za-z0-9_.]*)?\/?$/.exec(url.pathname);
	if (!match || url.search || url.hash || url.username || url.password) {
		throw new Error(
			`The webhook URL must look like ${WEBHOOK_URL_FORMAT} (copy it from Bitrix24: Developer resources → Other → Inbound webhook)`,
		);
	}
	const [, prefix, userId, secret] = match;
	const portal = `${url.protocol}//${url.host}`;
	return { baseUrl: `${portal}${prefix}/rest/${userId}/${secret}/`, portal, userId, secret };
}
