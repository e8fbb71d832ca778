/** Editor fields that several operations or nodes share; each node's own fields live with its operations. */
export { authenticationField, credentialsByAuthentication } from './authentication';
export {
	binaryPropertyField,
	booleanField,
	chosenNamesExpression,
	collectionField,
	messageIdField,
	messageTextField,
	timeoutOption,
	userIdField,
} from './common';
export { chatIdField, DIALOG_HELP, dialogIdField } from './locators';
export { credentialRateLimitFields } from './rateLimit';
export { attachmentsField, keyboardField, menuField } from './richContent';
export { optionsProperty, readRunOptions, runOptionsHints } from './runOptions';
export type { RunOptions } from './runOptions';
