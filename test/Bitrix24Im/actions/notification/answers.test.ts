import { sendingTraits, singleCallOf } from '../../../helpers/operationRequest';
import { ok, refusalCases, requestCases, shapeCases } from '../../../helpers/operationTables';

describe('notification answer requests', () => {
	requestCases('notification', '%s → %s %j', [
		['answer', 'im.notify.answer', { notificationId: '0015', answerText: ' On it ' }, { NOTIFY_ID: 15, ANSWER_TEXT: 'On it' }],
		['confirm', 'im.notify.confirm', { notificationId: 16, value: ' Y ' }, { NOTIFY_ID: 16, NOTIFY_VALUE: 'Y' }],
		['confirm', 'im.notify.confirm', { notificationId: 16, value: '00' }, { NOTIFY_ID: 16, NOTIFY_VALUE: '00' }],
	]);

	refusalCases('notification', [
		['answer', { notificationId: '', answerText: 'x' }, 'Item 0: Notification ID "" is not valid: it must be a whole number greater than 0'],
		['answer', { notificationId: '5', answerText: '  ' }, 'Item 0: Answer Text "  " is not valid: it must not be empty'],
		// PHP's empty() takes "0" for empty: Bitrix24 would answer ANSWER_TEXT_ERROR / NOTIFY_VALUE_ERROR.
		['answer', { notificationId: '5', answerText: ' 0 ' }, 'Item 0: Answer Text " 0 " is not valid: Bitrix24 takes "0" for an empty value here'],
		['confirm', { notificationId: '5', value: '0' }, 'Item 0: Button Value "0" is not valid: Bitrix24 takes "0" for an empty value here'],
		['confirm', { notificationId: '5', value: '' }, 'Item 0: Button Value "" is not valid: it must not be empty'],
	]);
});

describe('notification answer answers', () => {
	shapeCases('notification', [
		['answer', { result_message: ['Your response has been successfully sent.'] }, { NOTIFY_ID: 15 },
			{ success: true, notificationId: 15, messages: ['Your response has been successfully sent.'] }],
		['confirm', { result_message: ['Invitation accepted'] }, { NOTIFY_ID: 16, NOTIFY_VALUE: 'Y' },
			{ success: true, notificationId: 16, value: 'Y', messages: ['Invitation accepted'] }],
		['confirm', { result_message: [] }, { NOTIFY_ID: 16, NOTIFY_VALUE: 'maybe' }, { success: true, notificationId: 16, value: 'maybe', messages: [] }],
	]);

	it.each([
		['answer', 'the credential\'s user has no notification of this ID'],
		['confirm', 'the credential\'s user has no confirm notification of this ID'],
	])('%s: Bitrix24\'s result_message false is a failure', (operation, description) => {
		const { check } = singleCallOf('notification', operation);
		expect(check?.(ok({ result_message: false }))).toEqual({ kind: 'api', code: 'NOTIFY_NOT_FOUND', description });
		expect(check?.(ok({ result_message: [] }))).toBeUndefined();
		expect(check?.(ok({ result_message: ['Done'] }))).toBeUndefined();
	});

	it.each(['answer', 'confirm'])('%s is never repeated after a lost answer; items may share a batch', (operation) => {
		expect(sendingTraits(singleCallOf('notification', operation))).toEqual({ retrySafe: false, batchable: true });
	});
});
