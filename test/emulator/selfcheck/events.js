'use strict';
/** im.v2.Event.*: the per-user polling queue fed by the emulator's own message, reaction and chat operations. */
const events = require('../methods/events');

module.exports = {
	title: 'im.v2.Event.* (user event queue)',
	async run(t) {
		const { assert } = t;
		const emu = await t.emulator();
		const w1 = emu.webhooks.admin.url; // user 1
		const w2 = emu.webhooks.user2.url; // user 2
		const { ok } = t.restClient(w1);
		const get = (json, url) => ok('im.v2.Event.get', json, url);

		await t.check('not subscribed: nothing recorded, get answers an empty list', async () => {
			await ok('im.message.add', { DIALOG_ID: 'chat2', MESSAGE: 'before subscribe' });
			const r = await get({});
			assert.deepEqual(r.events, []);
			assert.equal(r.hasMore, false);
			assert.equal(typeof r.nextOffset, 'number');
		});

		await t.check('subscribe is idempotent (true); add/update/like/delete/join are queued in order, per member', async () => {
			assert.equal(await ok('im.v2.Event.subscribe'), true);
			assert.equal(await ok('im.v2.Event.subscribe'), true);
			assert.equal(await ok('im.v2.event.subscribe', {}, w2), true); // method names are case-insensitive
			const id = await ok('im.message.add', { DIALOG_ID: 'chat2', MESSAGE: 'hello events' });
			await ok('im.message.update', { MESSAGE_ID: id, MESSAGE: 'hello, edited' });
			await ok('im.message.like', { MESSAGE_ID: id }, w2);
			await ok('im.message.delete', { MESSAGE_ID: id });
			await ok('im.chat.user.add', { CHAT_ID: 2, USERS: [4] });
			const r = await get({ limit: 50 });
			assert.deepEqual(r.events.map((e) => e.type), ['ONIMV2MESSAGEADD', 'ONIMV2MESSAGEUPDATE', 'ONIMV2REACTIONCHANGE',
				'ONIMV2MESSAGEDELETE', 'ONIMV2JOINCHAT']);
			const [add, upd, like, del, join] = r.events;
			assert.equal(add.data.message.id, id);
			assert.equal(add.data.message.text, 'hello events');
			assert.equal(add.data.message.authorId, 1);
			assert.equal(add.data.message.isSystem, false);
			assert.equal(add.data.chat.dialogId, 'chat2');
			assert.equal(add.data.user.id, 1);
			assert.equal(upd.data.message.text, 'hello, edited');
			assert.deepEqual([like.data.reaction, like.data.action, like.data.user.id], ['like', 'add', 2]);
			assert.equal(del.data.messageId, id);
			assert.deepEqual([join.data.dialogId, join.data.user.id], ['chat2', 4]);
			for (let i = 1; i < r.events.length; i++) assert.ok(r.events[i].eventId > r.events[i - 1].eventId);
			assert.match(add.date, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
			assert.equal(r.nextOffset, join.eventId + 1);
			// user 2 has its own queue with the same events (it is a member of chat2), under other event ids
			const r2 = await get({}, w2);
			assert.equal(r2.events.length, 5);
			assert.ok(r2.events.every((e) => !r.events.some((o) => o.eventId === e.eventId)));
		});

		await t.check('get without offset acknowledges nothing; offset acknowledges everything before it', async () => {
			const first = await get({ limit: 2 });
			assert.equal(first.events.length, 2);
			assert.equal(first.hasMore, true);
			const again = await get({ limit: 2 });
			assert.deepEqual(again.events.map((e) => e.eventId), first.events.map((e) => e.eventId));
			const next = await get({ offset: first.nextOffset, limit: 2 });
			assert.ok(next.events[0].eventId >= first.nextOffset);
			assert.equal(events.eventsOf(emu.state, 1).length, 3);
			// passing the id of an event keeps that event: offset deletes only what is before it
			const keep = await get({ offset: next.events[0].eventId });
			assert.equal(keep.events[0].eventId, next.events[0].eventId);
			const rest = await get({ offset: keep.nextOffset });
			assert.deepEqual(rest.events, []);
			assert.equal(rest.nextOffset, keep.nextOffset);
			assert.equal(rest.hasMore, false);
		});

		await t.check('one queue per user: an offset from another consumer deletes for everyone', async () => {
			await ok('im.message.add', { DIALOG_ID: 'chat1', MESSAGE: 'm1' });
			await ok('im.message.add', { DIALOG_ID: 'chat1', MESSAGE: 'm2' });
			const seen = await get({});
			assert.equal(seen.events.length, 2);
			const other = emu.addWebhook({ userId: 1, scopes: ['im'] }); // a second application of the same user
			await ok('im.v2.Event.get', { offset: seen.nextOffset }, other.url);
			assert.deepEqual((await get({})).events, []);
		});

		await t.check('limit clamps to 1..1000 (default 100); system and bot messages are queued too', async () => {
			for (let i = 0; i < 3; i++) await ok('im.message.add', { DIALOG_ID: 'chat1', MESSAGE: `n${i}` });
			assert.equal((await get({ limit: 0 })).events.length, 3);
			assert.equal((await get({ limit: 5000 })).events.length, 3);
			assert.equal((await get({ limit: 1 })).events.length, 1);
			await ok('im.message.add', { DIALOG_ID: 'chat1', MESSAGE: 'system note', SYSTEM: 'Y' });
			const all = (await get({})).events;
			assert.equal(all[all.length - 1].data.message.text, 'system note');
		});

		await t.check('unsubscribe stops recording and keeps what was recorded; events expire after 24 h', async () => {
			const before = (await get({})).events.length;
			assert.equal(await ok('im.v2.Event.unsubscribe'), true);
			await ok('im.message.add', { DIALOG_ID: 'chat1', MESSAGE: 'while unsubscribed' });
			assert.equal((await get({})).events.length, before);
			events.advanceClock(emu.state, events.RETENTION_MS - 60 * 1000);
			assert.equal((await get({})).events.length, before);
			events.advanceClock(emu.state, 61 * 1000);
			assert.deepEqual((await get({})).events, []);
		});

		await t.check('events are recorded inside batch too; reset clears queue and subscriptions', async () => {
			await ok('im.v2.Event.subscribe');
			await ok('batch', { halt: 0, cmd: { a: 'im.message.add?DIALOG_ID=chat1&MESSAGE=batched' } });
			const r = await get({});
			assert.equal(r.events.length, 1);
			assert.equal(r.events[0].data.message.text, 'batched');
			emu.reset();
			await ok('im.message.add', { DIALOG_ID: 'chat1', MESSAGE: 'after reset' });
			assert.deepEqual((await get({})).events, []);
		});
	},
};
