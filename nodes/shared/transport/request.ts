import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	ITriggerFunctions,
} from 'n8n-workflow';

import type { CallParameters } from './callParameters';
import { secretsOf } from './callParameters';
import { readEnvelope } from './envelope';
import type { RateLimit } from './limiter';
import { planLimit, STANDARD_PLAN } from './limiter';
import { Scrubber } from './scrub';
import type { Bitrix24Failure, Bitrix24Outcome } from './types';
import { parseWebhookUrl } from './webhookUrl';

export type Authentication = 'webhook' | 'oAuth2';

/** Every n8n context that talks to Bitrix24: executions, editor lists, polls and long-running triggers. */
export type Context = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions | ITriggerFunctions;

/** How the transport uses one n8n credential type. */
export interface CredentialProfile {
	/** The n8n credential type. */
	type: string;
	/** What signs the requests: the credential's incoming-webhook URL, or its OAuth2 token. */
	signing: Authentication;
	/** The secrets the credential sends as call parameters; throws a plain Error for an unusable value. */
	callParameters?(credentials: IDataObject): CallParameters;
}

/** The credential each value of a node's Authentication field picks. */
export type CredentialProfiles = Record<Authentication, CredentialProfile>;

/** The credentials of the IM nodes. */
export const DEFAULT_CREDENTIALS: CredentialProfiles = {
	webhook: { type: 'bitrix24WebhookApi', signing: 'webhook' },
	oAuth2: { type: 'bitrix24OAuth2Api', signing: 'oAuth2' },
};

/** Everything needed to talk to one portal with one credential, resolved once per execution. */
export interface Connection {
	credentialType: string;
	signing: Authentication;
	baseUrl: string;
	/** The portal's origin: the key of its rate limit. */
	portal: string;
	/** The portal's request limit, as the credential's Rate Limit field gives it. */
	rateLimit: RateLimit;
	scrubber: Scrubber;
	timeoutMs: number;
	callParameters?: CallParameters;
}

const DEFAULT_TIMEOUT_MS = 60_000;

function origin(url: string): string {
	const parsed = new URL(url);
	return `${parsed.protocol}//${parsed.host}`;
}

function withSlash(url: string): string {
	return url.endsWith('/') ? url : `${url}/`;
}

/** The credential's Rate Limit field (both credentials have it); credentials saved before it existed are standard. */
function credentialLimit(credentials: IDataObject): RateLimit {
	return planLimit(credentials.rateLimit, credentials.rateLimitBurst, credentials.rateLimitPerSecond) ?? STANDARD_PLAN;
}

/** Where the requests of a credential go, and the secrets it holds. */
function endpointOf(signing: Authentication, credentials: IDataObject): { baseUrl: string; portal: string; secrets: string[] } {
	if (signing === 'oAuth2') {
		const token = (credentials.oauthTokenData ?? {}) as IDataObject;
		const clientEndpoint = typeof token.client_endpoint === 'string' ? token.client_endpoint : '';
		const baseUrl = withSlash(clientEndpoint || `${String(credentials.portalUrl ?? '').replace(/\/+$/, '')}/rest/`);
		const secrets = [token.access_token, token.refresh_token, credentials.clientSecret] as string[];
		return { baseUrl, portal: origin(baseUrl), secrets };
	}
	const address = parseWebhookUrl(credentials.webhookUrl as string);
	return { baseUrl: address.baseUrl, portal: address.portal, secrets: [address.secret] };
}

export async function connect(
	context: Context,
	authentication: Authentication,
	timeoutMs = DEFAULT_TIMEOUT_MS,
	profiles: CredentialProfiles = DEFAULT_CREDENTIALS,
): Promise<Connection> {
	const profile = profiles[authentication];
	const credentials = await context.getCredentials(profile.type);
	const { baseUrl, portal, secrets } = endpointOf(profile.signing, credentials);
	const callParameters = profile.callParameters?.(credentials);
	return {
		credentialType: profile.type,
		signing: profile.signing,
		baseUrl,
		portal,
		rateLimit: credentialLimit(credentials),
		scrubber: new Scrubber([...secrets, ...secretsOf(callParameters)]),
		timeoutMs,
		callParameters,
	};
}

const NETWORK_DESCRIPTIONS: Record<string, string> = {
	ECONNREFUSED: 'the portal refused the connection',
	ECONNRESET: 'the connection was reset before Bitrix24 answered',
	ECONNABORTED: 'no answer arrived in time',
	ETIMEDOUT: 'no answer arrived in time',
	ENOTFOUND: "the portal's host name could not be resolved",
	EAI_AGAIN: "the portal's host name could not be resolved",
};

interface HttpAnswer {
	status: number;
	data: unknown;
}

/** The HTTP answer inside whatever n8n threw (a NodeApiError around an axios error), if there was one. */
function answerInside(error: unknown): HttpAnswer | undefined {
	let current = error as { response?: { status?: number; data?: unknown }; cause?: unknown } | undefined;
	for (let depth = 0; current && depth < 4; depth++) {
		if (current.response && typeof current.response.status === 'number') {
			return { status: current.response.status, data: current.response.data };
		}
		current = current.cause as typeof current;
	}
	return undefined;
}

function networkCodeInside(error: unknown): string | undefined {
	let current = error as { code?: unknown; cause?: unknown } | undefined;
	for (let depth = 0; current && depth < 4; depth++) {
		if (typeof current.code === 'string' && /^E[A-Z_]+$/.test(current.code)) return current.code;
		current = current.cause as typeof current;
	}
	return undefined;
}

/** Turns a thrown request into a failure without keeping the error object: it carries the URL and headers. */
export function describeThrown(error: unknown): Bitrix24Failure {
	const answer = answerInside(error);
	if (answer) {
		const outcome = readEnvelope(answer.status, answer.data);
		if (!outcome.ok) return outcome.failure;
	}
	const failure = (error as { failure?: { cause?: string } })?.failure;
	if (failure?.cause === 'credential-invalid') {
		return { kind: 'api', code: 'invalid_grant', description: 'the OAuth2 token could not be refreshed', httpStatus: 400 };
	}
	const code = networkCodeInside(error);
	const description = (code && NETWORK_DESCRIPTIONS[code]) ?? 'the request failed before Bitrix24 answered';
	return { kind: 'network', code: code ?? 'NETWORK_ERROR', description };
}

/** One HTTP call of one Bitrix24 method; never throws. */
export async function send(
	context: Context,
	connection: Connection,
	method: string,
	params: IDataObject,
): Promise<Bitrix24Outcome> {
	const options: IHttpRequestOptions = {
		method: 'POST',
		baseURL: connection.baseUrl,
		url: `${method}.json`,
		headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
		body: params,
		encoding: 'text',
		json: false,
		returnFullResponse: true,
		timeout: connection.timeoutMs,
		// OAuth2: a 401 must throw, or n8n would not refresh the token and retry.
		ignoreHttpStatusErrors: connection.signing === 'oAuth2' ? { ignore: true, except: [401] } : true,
	};
	try {
		const response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			connection.credentialType,
			options,
		)) as { statusCode: number; body: unknown };
		return readEnvelope(response.statusCode, response.body);
	} catch (error) {
		return { ok: false, failure: describeThrown(error) };
	}
}
