import type { INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { toNodeApiError } from '../../../nodes/shared/transport/errors';
import { Scrubber } from '../../../nodes/shared/transport/scrub';

const node: INode = {
	id: '1',
	name: 'Bitrix24 IM',
	type: 'n8n-nodes-bitrix24-im.bitrix24Im',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const scrubber = new Scrubber([]);

describe('toNodeApiError', () => {
	it.each([
		['INVALID_CREDENTIALS', 401, /webhook/],
		['insufficient_scope', 401, /"im" scope/],
		['NO_AUTH_FOUND', 401, /no credentials/],
		['expired_token', 401, /Reconnect/],
		['invalid_token', 401, /Reconnect/],
		['QUERY_LIMIT_EXCEEDED', 503, /rate/],
		['OPERATION_TIME_LIMIT', 429, /budget/],
		['OVERLOAD_LIMIT', 503, /support/],
		['ERROR_METHOD_NOT_FOUND', 404, /does not know this method/],
		['MESSAGE_ID_ERROR', 400, /whole number greater than 0/],
		['DIALOG_ID_EMPTY', 400, /chatNNN/],
		['FILE_TOO_LARGE', 400, /100 MB/],
		['FILE_NOT_FOUND', 400, /dialog the file was posted in/],
		['CHAT_NOT_FOUND', 400, /check the Dialog ID/],
		['NOTIFY_NOT_FOUND', 400, /pressing a button deletes it/],
	])('maps %s to a NodeApiError naming method, text and code, with a hint', (code, httpStatus, hint) => {
		const error = toNodeApiError(node, { method: 'im.dialog.unread',  kind: 'api', code, description: 'What Bitrix24 said', httpStatus }, scrubber, 3);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(`Bitrix24 im.dialog.unread: What Bitrix24 said [${code}]`);
		expect(error.description).toMatch(hint);
		expect(error.httpCode).toBe(String(httpStatus));
		expect(error.context.itemIndex).toBe(3);
	});

	it('keys the hint on the code, not on the text or the status', () => {
		const error = toNodeApiError(node, { method: 'im.dialog.unread',  kind: 'api', code: 'DIALOG_ID_EMPTY', description: 'Invalid request credentials', httpStatus: 401 },
			scrubber,
		);
		expect(error.description).toMatch(/chatNNN/);
	});

	it('keeps its own message for network codes instead of n8n\'s generic one', () => {
		const error = toNodeApiError(node, { method: 'im.dialog.unread',  kind: 'network', code: 'ECONNRESET', description: 'the connection was reset before Bitrix24 answered' },
			scrubber,
		);
		expect(error.message).toBe('Bitrix24 im.dialog.unread: the connection was reset before Bitrix24 answered [ECONNRESET]');
	});

	it('has a generic hint for unknown codes', () => {
		const error = toNodeApiError(node, { method: 'im.x',  kind: 'api', code: 'SOMETHING_NEW', description: 'x' }, scrubber);
		expect(error.description).toMatch(/documentation/);
	});
});
