import type { IHttpRequestOptions } from 'n8n-workflow';

import { readEnvelope } from './envelope';
import type { Context } from './request';
import type { Connection } from './request';
import { describeThrown } from './request';
import type { Bitrix24Failure, DownloadedFile } from './types';

/** `attachment; filename="a b.pdf"` or `filename*=UTF-8''a%20b.pdf` → `a b.pdf`. */
function fileNameOf(disposition: unknown): string | undefined {
	const text = typeof disposition === 'string' ? disposition : '';
	const encoded = /filename\*\s*=\s*[^']*'[^']*'([^;]+)/i.exec(text)?.[1];
	if (encoded) {
		try {
			return decodeURIComponent(encoded.trim());
		} catch {
			// Not valid percent-encoding: fall back to the plain filename.
		}
	}
	return /filename\s*=\s*"?([^";]+)"?/i.exec(text)?.[1]?.trim();
}

/**
 * The bytes behind a download link Bitrix24 handed out (signed with a token or the webhook path, so it needs no
 * credential). Never throws, and a failure never repeats the link. Sent once: such links may be single-use.
 */
export async function fetchFile(
	context: Context,
	connection: Connection,
	url: string,
): Promise<{ ok: true; file: DownloadedFile } | { ok: false; failure: Bitrix24Failure }> {
	const options: IHttpRequestOptions = {
		method: 'GET',
		url,
		encoding: 'arraybuffer',
		json: false,
		returnFullResponse: true,
		timeout: connection.timeoutMs,
		ignoreHttpStatusErrors: true,
	};
	try {
		const response = (await context.helpers.httpRequest(options)) as {
			statusCode: number;
			body: Buffer | ArrayBuffer;
			headers: Record<string, unknown>;
		};
		const data = Buffer.from(response.body as ArrayBuffer);
		if (response.statusCode !== 200) {
			const outcome = readEnvelope(response.statusCode, data.toString('utf8'));
			const failure = outcome.ok
				? { kind: 'invalidBody' as const, code: 'INVALID_RESPONSE', description: `the download answered HTTP ${response.statusCode}` }
				: outcome.failure;
			return { ok: false, failure };
		}
		const type = response.headers['content-type'];
		return {
			ok: true,
			file: {
				data,
				fileName: fileNameOf(response.headers['content-disposition']),
				mimeType: typeof type === 'string' ? type.split(';')[0].trim() : undefined,
			},
		};
	} catch (error) {
		return { ok: false, failure: describeThrown(error) };
	}
}
