'use strict';
/** Notifications answered and searched: im.notify.answer, .confirm, .history.search, .schema.get. */

module.exports = {
	title: 'Notifications: answer, confirm (buttons), history search, schema',
	async run(t) {
		const { assert, expectError } = t;
		const emu = await t.emulator();
		const asUser4 = emu.addWebhook({ userId: 4 }).url;
		const { call, ok } = t.restClient(asUser4);
		const [invitation, comment, invoice] = Object.values(emu.state.notifications).filter((n) => n.userId === 4).map((n) => n.id);

		await t.check('im.notify.get lists a confirm notification with its buttons (notify_buttons)', async () => {
			const listed = (await ok('im.notify.get', {})).notifications.find((n) => n.id === invitation);
			assert.equal(listed.notify_type, 1);
			const buttons = JSON.parse(listed.notify_buttons);
			assert.deepEqual(buttons.map((b) => [b.TEXT, b.COMMAND_PARAMS]), [['Accept', `${invitation}|Y`], ['Decline', `${invitation}|N`]]);
			assert.equal((await ok('im.notify.get', {})).notifications.find((n) => n.id === comment).notify_buttons, undefined);
		});
		await t.check('answer: {result_message: [text]}, recorded with a mention of the author; false for no such notification', async () => {
			assert.deepEqual(await ok('im.notify.answer', { NOTIFY_ID: comment, ANSWER_TEXT: ' On it ' }),
				{ result_message: ['Your response has been successfully sent.'] });
			assert.deepEqual(emu.state.notifyReplies.at(-1), { kind: 'answer', notificationId: comment, userId: 4, text: '[USER=2]Bob Builder[/USER] On it' });
			assert.ok(emu.state.notifications[comment], 'the notification stays');
			assert.deepEqual(await ok('im.notify.answer', { ID: invoice, NOTIFY_ID: 1, ANSWER_TEXT: 'Thanks' }), { result_message: ['Your response has been successfully sent.'] });
			assert.deepEqual(await ok('im.notify.answer', { NOTIFY_ID: 151, ANSWER_TEXT: 'Not mine' }), { result_message: false });
			assert.deepEqual(await ok('im.notify.answer', { NOTIFY_ID: comment, ANSWER_TEXT: '   ' }), { result_message: false });
		});
		await t.check('answer / confirm errors: ID_ERROR first, then the empty() test of the text or value ("0" is empty)', async () => {
			expectError(await call('im.notify.answer', { ANSWER_TEXT: 'x' }), 400, 'ID_ERROR');
			expectError(await call('im.notify.answer', { NOTIFY_ID: 'abc' }), 400, 'ID_ERROR');
			expectError(await call('im.notify.answer', { NOTIFY_ID: comment, ANSWER_TEXT: '0' }), 400, 'ANSWER_TEXT_ERROR');
			expectError(await call('im.notify.confirm', { NOTIFY_VALUE: 'Y' }), 400, 'ID_ERROR');
			expectError(await call('im.notify.confirm', { NOTIFY_ID: invitation }), 400, 'NOTIFY_VALUE_ERROR');
			expectError(await call('im.notify.confirm', { NOTIFY_ID: invitation, NOTIFY_VALUE: '0' }), 400, 'NOTIFY_VALUE_ERROR');
		});
		await t.check('confirm: the button\'s choice, the notification deleted; false for one without buttons or gone', async () => {
			assert.deepEqual(await ok('im.notify.confirm', { NOTIFY_ID: comment, NOTIFY_VALUE: 'Y' }), { result_message: false });
			assert.deepEqual(await ok('im.notify.confirm', { NOTIFY_ID: invitation, NOTIFY_VALUE: 'Y' }), { result_message: ['Your choice: Accept'] });
			assert.equal(emu.state.notifications[invitation], undefined);
			assert.deepEqual(emu.state.notifyReplies.at(-1), { kind: 'confirm', notificationId: invitation, userId: 4, value: 'Y' });
			assert.deepEqual(await ok('im.notify.confirm', { NOTIFY_ID: invitation, NOTIFY_VALUE: 'Y' }), { result_message: false });
		});
		await t.check('history.search: text, type, date, LAST_ID paging, total_results on the first page only', async () => {
			const found = await ok('im.notify.history.search', { SEARCH_TEXT: 'INVOICE' });
			assert.deepEqual(found.notifications.map((n) => n.id), [invoice]);
			assert.equal(found.total_results, 1);
			assert.deepEqual((await ok('im.notify.history.search', { SEARCH_TYPE: 'tasks' })).notifications.map((n) => n.id), [comment]);
			assert.deepEqual((await ok('im.notify.history.search', { SEARCH_TYPE: 'tasks|invite' })).notifications, []);
			const today = `${new Date().toISOString().slice(0, 10)}T00:00:00+00:00`;
			assert.ok((await ok('im.notify.history.search', { SEARCH_DATE: today, SEARCH_TEXT: 'a' })).total_results >= 0);
			const carol = emu.webhooks.user3.url;
			const page1 = await ok('im.notify.history.search', { SEARCH_TEXT: 'for Carol', LIMIT: 50 }, carol);
			assert.equal(page1.notifications.length, 50);
			assert.equal(page1.total_results, 60);
			const page2 = await ok('im.notify.history.search', { SEARCH_TEXT: 'for Carol', LAST_ID: page1.notifications.at(-1).id }, carol);
			assert.equal(page2.notifications.length, 10);
			assert.equal('total_results' in page2, false);
			assert.deepEqual(await ok('im.notify.history.search', { SEARCH_TEXT: 'anything' }, emu.addWebhook({ userId: 5 }).url), []);
		});
		await t.check('history.search errors: SEARCH_TEXT_ERROR below 3 characters without type or date; LAST_ID_STRING', async () => {
			expectError(await call('im.notify.history.search', { SEARCH_TEXT: ' ab ' }), 400, 'SEARCH_TEXT_ERROR');
			expectError(await call('im.notify.history.search', {}), 400, 'SEARCH_TEXT_ERROR');
			expectError(await call('im.notify.history.search', { SEARCH_TEXT: 'invoice', LAST_ID: '1x' }), 400, 'LAST_ID_STRING');
		});
		await t.check('schema.get: {MODULE_ID: {NAME, MODULE_ID, LIST: [{ID: "module|event", NAME}]}}', async () => {
			const schema = await ok('im.notify.schema.get', {});
			assert.deepEqual(schema.tasks.LIST.map((type) => type.ID), ['tasks|comment', 'tasks|task_update']);
			assert.equal(schema.calendar.MODULE_ID, 'calendar');
		});
	},
};
