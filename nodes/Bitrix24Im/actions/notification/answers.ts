import { singleCall, succeeded } from '../../../shared/operations';
import type { ItemReader } from '../../../shared/operations';
import type { Bitrix24Success } from '../../../shared/transport';
import { asObject } from '../../../shared/values';
import { notificationIdField } from './common';

/** Answering a notification: a quick reply (im.notify.answer) or a button of a confirm notification (im.notify.confirm). */

/** Text Bitrix24 takes: it tests these parameters with PHP's empty(), for which "0" is empty too. */
function phpNonEmptyText(read: ItemReader, field: string): string {
	const text = read.text(field);
	if (text === '0') read.invalid(field, 'Bitrix24 takes "0" for an empty value here');
	return text;
}

/** Bitrix24 answers `{result_message: false}` when the credential's user has no such notification. */
const notFound =
	(which: string) =>
	({ result }: Bitrix24Success) =>
		asObject(result).result_message === false
			? { kind: 'api' as const, code: 'NOTIFY_NOT_FOUND', description: `the credential's user has no ${which} of this ID` }
			: undefined;

/** What the notification's module said back (an empty list when it said nothing). */
const messagesOf = ({ result }: Bitrix24Success) => {
	const messages = asObject(result).result_message;
	return Array.isArray(messages) ? messages : [];
};

export const answer = singleCall({
	value: 'answer',
	name: 'Answer',
	action: 'Answer a notification',
	description: 'Send a quick reply to a notification that takes one, as the credential\'s user',
	method: 'im.notify.answer',
	fields: [
		notificationIdField('The notification to answer; it must be one of the credential\'s user\'s. A whole number greater than 0.'),
		{
			displayName: 'Answer Text',
			name: 'answerText',
			type: 'string',
			typeOptions: { rows: 2 },
			required: true,
			default: '',
			description: 'The reply; Bitrix24 passes it to the module that sent the notification (e.g. as a comment)',
		},
	],
	toParams: (read) => ({ NOTIFY_ID: read.positiveInteger('notificationId'), ANSWER_TEXT: phpNonEmptyText(read, 'answerText') }),
	check: notFound('notification'),
	shape: succeeded((params, answered) => ({ notificationId: params.NOTIFY_ID as number, messages: messagesOf(answered) })),
	// A repeat after a lost answer would reply twice.
	retrySafe: false,
});

export const confirm = singleCall({
	value: 'confirm',
	name: 'Confirm',
	action: 'Press a button of a notification',
	description: 'Press a button of a confirm notification (e.g. accept an invitation), as the credential\'s user',
	method: 'im.notify.confirm',
	fields: [
		notificationIdField('The confirm notification (one with buttons) of the credential\'s user. A whole number greater than 0.'),
		{
			displayName: 'Button Value',
			name: 'value',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'Y',
			description: 'The value of the button to press, e.g. Y (accept) or N (decline): Get Many shows a notification\'s buttons under notify_buttons',
		},
	],
	toParams: (read) => ({ NOTIFY_ID: read.positiveInteger('notificationId'), NOTIFY_VALUE: phpNonEmptyText(read, 'value') }),
	check: notFound('confirm notification'),
	shape: succeeded((params, answered) => ({
		notificationId: params.NOTIFY_ID as number,
		value: params.NOTIFY_VALUE as string,
		messages: messagesOf(answered),
	})),
	// Bitrix24 deletes the notification once pressed: a repeat after a lost answer would report it as not found.
	retrySafe: false,
});
