/** Editor fields that several operations or nodes share; each node's own fields live with its operations. */
export { authenticationField, credentialsByAuthentication } from './authentication';
export {
	binaryOutputField,
	binaryPropertyField,
	booleanField,
	chosenNamesExpression,
	collectionField,
	messageIdField,
	messageTextField,
	timeoutOption,
	userIdField,
} from './common';
export { BOT_TOKEN_LENGTH, CHATBOT_CREDENTIALS } from './credentials';
export { botField, chatIdField, DIALOG_HELP, dialogIdField, locatorField, NOTIFY_HELP } from './locators';
export { credentialRateLimitFields } from './rateLimit';
export { attachmentsField, keyboardField, menuField } from './richContent';
export { optionsProperty, readRunOptions, runOptionsHints } from './runOptions';
export type { RunOptions } from './runOptions';
