import type { IDataObject } from 'n8n-workflow';

import type { Bitrix24Success } from '../transport';

/**
 * The shape of a change whose answer says little more than "done" (often a bare `true`): `{success: true, ...}`, with
 * what was asked echoed from the params (and, where it says more, from the answer).
 */
export function succeeded(echo: (params: IDataObject, answer: Bitrix24Success) => IDataObject = () => ({})) {
	return (answer: Bitrix24Success, params: IDataObject): IDataObject => ({ success: true, ...echo(params, answer) });
}

/** `succeeded` for changes of one thing: echoes its id first (e.g. `chatId` from `CHAT_ID`), then what `extra` adds. */
export function succeededWithId(key: string, param: string) {
	return (extra: (params: IDataObject) => IDataObject = () => ({})) =>
		succeeded((params) => ({ [key]: params[param], ...extra(params) }));
}
