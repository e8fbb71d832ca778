import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { Scrubber } from './scrub';
import type { MethodFailure } from './types';

/** What the user can do about each Bitrix24 code. Keyed on the code, never on the text: the texts vary by version. */
const HINTS: Record<string, string> = {
	INVALID_CREDENTIALS:
		'Bitrix24 rejected the webhook: the secret or user id is wrong, or the webhook was deleted, regenerated or blocked (for example after its URL leaked). Copy the current webhook URL from Bitrix24 into the credential.',
	insufficient_scope:
		'The credential lacks the scope of this method: the "im" scope (Chat and notifications) for im.*, the "imbot" scope (Chat bots) for imbot.*, the "imopenlines" scope (Open Channels) for imopenlines.*. For a webhook, edit it in Bitrix24 and tick the scope; for an OAuth2 app, add the scope to the app and reconnect the credential.',
	NO_AUTH_FOUND:
		'Bitrix24 found no credentials in the request. Check the webhook URL (it must contain /rest/<userId>/<secret>/) or reconnect the OAuth2 credential.',
	expired_token:
		'The OAuth2 access token expired and could not be refreshed. Reconnect the Bitrix24 OAuth2 credential.',
	invalid_token:
		'Bitrix24 does not recognise the OAuth2 access token. Reconnect the Bitrix24 OAuth2 credential.',
	invalid_grant:
		'The OAuth2 refresh token was rejected (expired, already used or revoked). Reconnect the Bitrix24 OAuth2 credential.',
	ACCESS_DENIED:
		'Bitrix24 denied access: REST may not be available on this plan, or the user lacks the rights for this action. For a chat bot: the bot is not a member of that chat, or the action needs its own message or admin rights in the chat.',
	QUERY_LIMIT_EXCEEDED:
		'The portal\'s request limit was still exceeded after retrying. Lower the rate in the node\'s options (or pick the Enterprise preset only if your plan is Enterprise), or run fewer workflows against this portal at once.',
	OPERATION_TIME_LIMIT:
		'This method used up its execution-time budget on the portal (per 10 minutes). Wait until the budget frees up, or spread the work over time.',
	OVERLOAD_LIMIT:
		'Bitrix24 blocked REST access to this portal for overload. Only Bitrix24 support can lift the block; retrying will not help.',
	ERROR_METHOD_NOT_FOUND:
		'The portal does not know this method: the im module may be missing or too old on a self-hosted portal, or the method name is misspelt.',
	MESSAGE_ID_ERROR: 'Give a message ID that is a whole number greater than 0.',
	DIALOG_ID_EMPTY:
		'Give a Dialog ID as chatNNN (group chat), sgNNN (workgroup chat) or NNN (private dialog with user NNN).',
	CREDENTIAL_INCOMPLETE: 'Complete the credential as the message says, then run the node again; nothing was sent.',
	BOT_TOKEN_NOT_SPECIFIED:
		'The call carried no bot token. Use the Bitrix24 Chatbot Webhook API credential with its Bot Token set (OAuth2 needs none).',
	BOT_OWNERSHIP_ERROR:
		'The bot belongs to another application: the credential\'s Bot Token is not this bot\'s (after a rotation, put the new token into Bot Token), or another app or token registered it.',
	BOT_NOT_FOUND: 'No such bot: the Bot ID is wrong or the bot was unregistered. Register it again with Bot → Register.',
	BOT_TYPE_NOT_ALLOWED:
		'Bitrix24 lets only bots of type Supervisor or Personal read messages (Message → Get, Get Context). Other bots get each message in their trigger event.',
	BOT_TOKEN_INVALID_LENGTH: 'A bot token may be at most 40 characters. Choose a shorter Bot Token in the credential.',
	BOT_TOKEN_ROTATION_FAILED:
		'Bitrix24 refused the new token without saying why (for example, another bot uses it). Choose another New Bot Token; the current token still works.',
	BOT_REGISTER_FAILED:
		'Bitrix24 did not register the bot. If the credential\'s Bot Token already belongs to another bot, choose another token for this one.',
	BOT_CODE_ALREADY_TAKEN: 'Another application registered a bot with this code. Choose another code.',
	BOT_ID_ERROR:
		'No bot of this credential is in that Open Channel chat: with a webhook, the credential\'s Bot Token must be the token of the bot serving the chat.',
	OPERATOR_WRONG:
		'Bitrix24 cannot transfer this conversation there: the session is no longer the bot\'s (already transferred or finished), or the user or queue cannot take it.',
	COMMAND_ANSWER_FAILED:
		'Bitrix24 did not post the answer: answer a command event with its own command ID, message ID and dialog ID, and with a text or attachments.',
	ERROR_BATCH_LENGTH_EXCEEDED: 'A batch may hold at most 50 commands.',
	FILE_TOO_LARGE: 'Bitrix24 takes files of up to 100 MB. Send a smaller file, or a link to it.',
	FILE_NOT_FOUND:
		'No file of this ID in this dialog: give the dialog the file was posted in and the file\'s ID on Bitrix24 Drive (fileId of File → Upload, or the ID of a file of Dialog → Get Messages).',
	CHAT_NOT_FOUND: 'Bitrix24 found no such dialog: check the Dialog ID (chatNNN for a group chat, or a user ID for a private dialog).',
	NOTIFY_NOT_FOUND:
		'The notification does not exist (any more: pressing a button deletes it), belongs to another user, or, for Confirm, has no buttons. Notification → Get Many lists the credential\'s user\'s notifications.',
	EMPTY_RESPONSE: 'The portal or a proxy in front of it answered with nothing. Check that the portal is up, then retry.',
	INVALID_RESPONSE:
		'The address answered, but not like a Bitrix24 REST endpoint (a proxy or the portal\'s own error page). Check the portal address and its status.',
	NETWORK_ERROR: 'Check that the portal is reachable from the n8n server.',
};

function hintFor(code: string): string | undefined {
	return HINTS[code] ?? HINTS[code.toUpperCase()];
}

/** `Bitrix24 im.dialog.unread: Dialog ID can't be empty [DIALOG_ID_EMPTY]` */
function failureMessage({ method, description, code }: MethodFailure): string {
	return `Bitrix24 ${method}: ${description} [${code}]`;
}

/** A failure as the error that stops the node. */
export function toNodeApiError(node: INode, failure: MethodFailure, scrubber: Scrubber, itemIndex?: number): NodeApiError {
	const message = scrubber.text(failureMessage(failure));
	const description = scrubber.text(hintFor(failure.code) ?? 'See the Bitrix24 REST documentation for this error code.');
	const error = new NodeApiError(node, { code: failure.code } as JsonObject, {
		message,
		description,
		httpCode: failure.httpStatus ? String(failure.httpStatus) : undefined,
		itemIndex,
	});
	// NodeApiError swaps messages that contain common network codes for generic ones; ours already says more.
	error.message = message;
	return error;
}

/** A failure as the output item of a failed item under continue-on-fail (no hint for a code we do not know). */
export function toFailureItem(failure: MethodFailure, scrubber: Scrubber): IDataObject {
	const { code, httpStatus } = failure;
	return scrubber.value({ error: failureMessage(failure), code, httpStatus, description: hintFor(code) });
}
