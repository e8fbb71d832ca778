'use strict';
/**
 * The seed portal. Users 1-5; chat1 (general, open, everyone), chat2 (users 1-3), chat3 = sg5 (workgroup 5,
 * users 1, 2, 4), private dialogs 1-2 (chat4) and 1-3 (chat5). Ten messages per dialog, ids from 101 on,
 * interleaved across dialogs (so ids inside one dialog are increasing but not consecutive).
 * Everyone has read everything except: user 1 has 3 unread in chat1 and 2 unread in dialog "2";
 * user 2 has 2 unread in chat2. User 1 has 3 notifications, 2 of them unread.
 * Added after those (so the ids above never move): user 6 "Helper Bot" (a bot with commands), chat6 "Long history"
 * (users 1 and 2, 120 messages, all read: three pages of 50), 60 notifications for user 3 (the newest 5 unread), and
 * three for user 4 (one with buttons). Departments: 1 the company (head 1), 2 Development (head 2, users 2 and 3),
 * 3 Sales (head 4, users 4 and 5); user 1 is in 1.
 */
const { createChat, addMessage, relation } = require('./state');
const { isoDate } = require('./errors');

const USERS = [
	[1, 'Alice', 'Admin', 'Administrator', 'F', true, 1],
	[2, 'Bob', 'Builder', 'Developer', 'M', false, 2],
	[3, 'Carol', 'Clark', 'Designer', 'F', false, 2],
	[4, 'Dan', 'Dawson', 'Sales manager', 'M', false, 3],
	[5, 'Eve', 'Evans', 'Support', 'F', false, 3],
];
/** [id, name, parent, head]: the company, and two departments under it. */
const DEPARTMENTS = [[1, 'Emulated Company', 0, 1], [2, 'Development', 1, 2], [3, 'Sales', 1, 4]];
const COLORS = ['RED', 'GREEN', 'MINT', 'LIGHT_BLUE', 'DARK_BLUE', 'PURPLE', 'AQUA', 'PINK', 'LIME', 'BROWN',
	'AZURE', 'KHAKI', 'SAND', 'MARENGO', 'GRAY', 'GRAPHITE'];

const BOT_ID = 6;
const LONG_CHAT_ID = 6;
const LONG_CHAT_MESSAGES = 120;
const USER3_NOTIFICATIONS = 60;

const TEXTS = ['Hello everyone!', 'Good morning', 'Did you see the report?', 'Yes, looks good.',
	'Meeting at 3 pm', 'I will be there', 'Please check [b]the draft[/b]', 'Done, thanks!',
	'Any news on the release?', 'Shipping tomorrow :)'];

function createSeedState() {
	const now = Date.now();
	const state = {
		portal: { memberId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', title: 'Emulated Bitrix24' },
		users: {}, departments: {}, chats: {}, privateChats: {}, messages: {}, relations: {}, notifications: {},
		bots: {}, shares: [], commands: [], notifyReplies: [], disk: { folders: {}, files: {}, links: {} },
		seq: { chat: 0, message: 100, disk: 1000 },
		revision: { rest: 27, web: 130, mobile: 19, desktop: 5 },
	};
	for (const [id, first, last, position, gender, admin, department] of USERS) {
		state.users[id] = {
			id, active: true, firstName: first, lastName: last, workPosition: position, gender, admin,
			email: `${first.toLowerCase()}@example.com`, color: COLORS[id % COLORS.length].toLowerCase(),
			status: 'online', departments: [department], lastActivityDate: isoDate(now - id * 60000),
		};
	}
	for (const [id, name, parentId, headId] of DEPARTMENTS) state.departments[id] = { id, name, parentId, headId };
	const dialogs = [
		createChat(state, { type: 'open', title: 'General chat', owner: 1, color: 'MINT', users: [1, 2, 3, 4, 5],
			entityType: 'GENERAL' }),
		createChat(state, { type: 'chat', title: 'Project Apollo', owner: 1, color: 'AZURE', users: [1, 2, 3],
			description: 'Launch planning' }),
		createChat(state, { type: 'chat', title: 'Marketing workgroup', owner: 2, color: 'PURPLE', users: [1, 2, 4],
			entityType: 'SONET_GROUP', entityId: '5' }),
		createChat(state, { type: 'private', users: [1, 2] }),
		createChat(state, { type: 'private', users: [1, 3] }),
	];
	const authors = [
		[1, 2, 3, 4, 5, 1, 2, 3, 4, 5],
		[1, 2, 3, 1, 2, 3, 1, 2, 3, 1],
		[2, 4, 1, 2, 4, 1, 2, 4, 1, 2],
		[2, 1, 2, 1, 2, 1, 2, 1, 2, 2],
		[3, 1, 3, 1, 3, 1, 3, 1, 3, 1],
	];
	for (let i = 0; i < 10; i++) {
		dialogs.forEach((chat, c) => {
			addMessage(state, chat, authors[c][i], TEXTS[(i + c) % TEXTS.length], {}, now - (60 - i * 5 - c) * 60000);
		});
	}
	for (const chat of dialogs) for (const u of chat.users) relation(state, u, chat.id).lastReadMessageId = chat.lastMessageId;
	relation(state, 1, 1).lastReadMessageId = dialogs[0].messageIds[6];
	relation(state, 1, 4).lastReadMessageId = dialogs[3].messageIds[7];
	relation(state, 2, 2).lastReadMessageId = dialogs[1].messageIds[7];

	const notes = [
		[4, 0, 'Your report is ready', true, 'im', 'default'],
		[2, 2, 'Bob mentioned you in Project Apollo', false, 'im', 'mention'],
		[4, 0, 'Please update your profile', false, 'intranet', 'profile'],
	];
	notes.forEach(([notifyType, authorId, text, read, module, event], i) => {
		const id = ++state.seq.message;
		state.notifications[id] = { id, userId: 1, authorId, notifyType, text, tag: '', subTag: '', read, module, event,
			clientId: '', date: isoDate(now - (30 - i) * 60000) };
	});

	seedBulk(state, now);
	return state;
}

/** The bot, the long chat and user 3's notifications: appended after the original seed. */
function seedBulk(state, now) {
	state.users[BOT_ID] = {
		id: BOT_ID, active: true, firstName: 'Helper', lastName: 'Bot', workPosition: 'Chat bot', gender: 'M', admin: false,
		email: '', color: COLORS[BOT_ID % COLORS.length].toLowerCase(), status: 'online', departments: [],
		lastActivityDate: isoDate(now), bot: true,
	};
	state.bots[BOT_ID] = { id: BOT_ID, code: 'helper_bot', type: 'B', commands: [
		{ id: 1, command: 'echo', common: true, hidden: false, extranet: false, params: 'text', title: 'Repeat the text' },
		{ id: 2, command: 'help', common: false, hidden: false, extranet: false, params: '', title: 'List the commands' },
	] };
	const long = createChat(state, { type: 'chat', title: 'Long history', owner: 1, color: 'GRAPHITE', users: [1, 2],
		description: '120 messages for paging' });
	for (let i = 0; i < LONG_CHAT_MESSAGES; i++) {
		addMessage(state, long, i % 3 === 2 ? 2 : 1, `History message ${i + 1}`, {},
			now - (LONG_CHAT_MESSAGES - i) * 1000 - 3 * 3600000);
	}
	for (const u of long.users) relation(state, u, long.id).lastReadMessageId = long.lastMessageId;
	for (let i = 0; i < USER3_NOTIFICATIONS; i++) {
		const id = ++state.seq.message;
		state.notifications[id] = { id, userId: 3, authorId: i % 2 ? 1 : 0, notifyType: i % 2 ? 2 : 4,
			text: `Notification ${i + 1} for Carol`, tag: '', subTag: '', read: i < USER3_NOTIFICATIONS - 5, module: 'im',
			event: i % 2 ? 'mention' : 'default', clientId: '', date: isoDate(now - (USER3_NOTIFICATIONS - i) * 60000 - 7200000) };
	}
	seedUser4Notifications(state, now);
}

/** User 4's notifications, for answers and buttons: an invitation with Accept / Decline, a comment, a paid invoice. */
function seedUser4Notifications(state, now) {
	const notes = [
		[1, 2, 'Bob invites you to "Sales planning" on Friday', false, 'calendar', 'invite', 'CALENDAR|INVITE|7',
			[{ TITLE: 'Accept', VALUE: 'Y', TYPE: 'accept' }, { TITLE: 'Decline', VALUE: 'N', TYPE: 'cancel' }]],
		[2, 2, 'Bob commented on the task "Quarterly report"', false, 'tasks', 'comment', 'TASKS|COMMENT|42', undefined],
		[4, 0, 'Invoice #1042 was paid', true, 'crm', 'invoice', '', undefined],
	];
	notes.forEach(([notifyType, authorId, text, read, module, event, tag, buttons], i) => {
		const id = ++state.seq.message;
		state.notifications[id] = { id, userId: 4, authorId, notifyType, text, tag, subTag: '', read, module, event,
			clientId: '', date: isoDate(now - (20 - i) * 60000), buttons };
	});
}

module.exports = { createSeedState, COLORS, BOT_ID, LONG_CHAT_ID, LONG_CHAT_MESSAGES, USER3_NOTIFICATIONS };
