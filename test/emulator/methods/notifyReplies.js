'use strict';
/**
 * im.notify.answer and im.notify.confirm (CIMRestService::notifyAnswer / notifyConfirm, CIMNotify::Answer / Confirm).
 *
 * - NOTIFY_ID (ID wins when both are sent) must be > 0: ID_ERROR. ANSWER_TEXT / NOTIFY_VALUE are tested with PHP's
 *   empty(), so "0" counts as empty too: ANSWER_TEXT_ERROR / NOTIFY_VALUE_ERROR.
 * - Both answer {result_message: false} when the caller has no such notification (confirm: no such confirm
 *   notification, type 1), and {result_message: [texts]} otherwise.
 * - answer: the text is trimmed (empty then: false) and recorded with a mention of the notification's author;
 *   the notification stays.
 * - confirm: the chosen button's "Your choice" text (nothing for a value no button has); the notification is deleted.
 * Every reply is recorded in state.notifyReplies { kind, notificationId, userId, text | value }.
 */
const { RestError, intval, phpBool } = require('../errors');
const { userName } = require('./common');

const TYPE_CONFIRM = 1;

function notificationIdOf(p) {
	const id = intval(p.ID !== undefined ? p.ID : p.NOTIFY_ID);
	if (id <= 0) throw new RestError('ID_ERROR', "Notification ID can't be empty");
	return id;
}

/** The caller's notification of that id, or undefined. */
function ownNotification(ctx, id) {
	const n = ctx.state.notifications[id];
	return n && n.userId === ctx.userId ? n : undefined;
}

function notifyAnswer(ctx) {
	const p = ctx.params;
	const id = notificationIdOf(p);
	if (!phpBool(p.ANSWER_TEXT)) throw new RestError('ANSWER_TEXT_ERROR', "ANSWER_TEXT can't be empty");
	const text = String(p.ANSWER_TEXT).trim();
	const n = ownNotification(ctx, id);
	if (!n || text === '') return { result_message: false };
	const author = ctx.state.users[n.authorId];
	ctx.state.notifyReplies.push({ kind: 'answer', notificationId: id, userId: ctx.userId,
		text: author ? `[USER=${author.id}]${userName(author)}[/USER] ${text}` : text });
	return { result_message: ['Your response has been successfully sent.'] };
}

function notifyConfirm(ctx) {
	const p = ctx.params;
	const id = notificationIdOf(p);
	if (!phpBool(p.NOTIFY_VALUE)) throw new RestError('NOTIFY_VALUE_ERROR', "Notification Value  can't be empty");
	const n = ownNotification(ctx, id);
	if (!n || n.notifyType !== TYPE_CONFIRM) return { result_message: false };
	const button = (n.buttons || []).find((b) => String(b.VALUE) === String(p.NOTIFY_VALUE));
	delete ctx.state.notifications[id];
	ctx.state.notifyReplies.push({ kind: 'confirm', notificationId: id, userId: ctx.userId, value: String(p.NOTIFY_VALUE) });
	return { result_message: button ? [`Your choice: ${button.TITLE}`] : [] };
}

module.exports = {
	scope: 'im',
	upper: true,
	methods: {
		'im.notify.answer': notifyAnswer,
		'im.notify.confirm': notifyConfirm,
	},
};
