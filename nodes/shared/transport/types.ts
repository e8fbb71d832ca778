/** The `time` block Bitrix24 adds to every answer (and per command in a batch, as `result_time`). */
export interface Bitrix24Time {
	start?: number;
	finish?: number;
	duration?: number;
	processing?: number;
	operating?: number;
	operating_reset_at?: number;
}

/** A file fetched from a download link. */
export interface DownloadedFile {
	data: Buffer;
	fileName?: string;
	mimeType?: string;
}

/** A successful Bitrix24 answer, envelope fields kept because paging needs them. */
export interface Bitrix24Success {
	result: unknown;
	next?: number;
	total?: number;
	time?: Bitrix24Time;
	/** A file an operation downloaded; it leaves the node as an n8n binary, never as a link. */
	file?: DownloadedFile;
}

/**
 * Why a call failed, already free of secrets.
 * - `api`: Bitrix24 answered `{error, error_description}`.
 * - `invalidBody`: an answer that is not a Bitrix24 envelope (HTML error page, empty body).
 * - `network`: no answer at all (refused, reset, timeout).
 */
export interface Bitrix24Failure {
	kind: 'api' | 'invalidBody' | 'network';
	code: string;
	description: string;
	httpStatus?: number;
	/** The method that failed; every failure the client returns names it. */
	method?: string;
	/** Unix seconds when the method's operating-time budget frees up (from the answer's `time` block). */
	operatingResetAt?: number;
}

export type Bitrix24Outcome =
	| { ok: true; value: Bitrix24Success }
	| { ok: false; failure: Bitrix24Failure };

/** A failure as the client returns it: it names the method that failed. */
export type MethodFailure = Bitrix24Failure & { method: string };

/** The outcome of one method call through the client. */
export type CallOutcome = { ok: true; value: Bitrix24Success } | { ok: false; failure: MethodFailure };
