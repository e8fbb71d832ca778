'use strict';
/** Parameter checks and output shapes shared by the im.* method families. */
const { RestError, intval, phpMap } = require('../errors');
const st = require('../state');

const PALETTE = ['#df532d', '#64a513', '#4ba984', '#4ba5c3', '#3e99ce', '#8474c8', '#1eb4aa', '#f76187', '#58cc47',
	'#ab7761', '#29619b', '#728f7a', '#ba9c7b', '#556574', '#909090', '#738286'];
const CHAT_COLORS = { RED: 0, GREEN: 1, MINT: 2, LIGHT_BLUE: 3, DARK_BLUE: 4, PURPLE: 5, AQUA: 6, PINK: 7, LIME: 8,
	BROWN: 9, AZURE: 10, KHAKI: 11, SAND: 12, MARENGO: 13, GRAY: 14, GRAPHITE: 15 };

const dialogEmpty = () => new RestError('DIALOG_ID_EMPTY', "Dialog ID can't be empty");

/** DIALOG_ID (or CHAT_ID when allowed) -> { chat (or null), dialogId }. */
function readDialog(ctx, { allowChatId = false } = {}) {
	const p = ctx.params;
	let dialogId = p.DIALOG_ID;
	if (allowChatId && (dialogId === undefined || dialogId === '') && p.CHAT_ID !== undefined) {
		const chatId = intval(p.CHAT_ID);
		if (chatId <= 0) throw new RestError('CHAT_ID_EMPTY', "Chat ID can't be empty");
		dialogId = `chat${chatId}`;
	}
	if (!st.isDialogId(dialogId)) throw dialogEmpty();
	return { chat: st.resolveDialog(ctx.state, ctx.userId, String(dialogId)), dialogId: String(dialogId) };
}

/** Unknown chat -> 400 ACCESS_ERROR, not a member -> 403 ACCESS_ERROR. */
function requireMember(chat, userId, forbiddenText = 'You do not have access to the specified dialog') {
	if (!chat) throw new RestError('ACCESS_ERROR', "You don't have access to this chat", 400);
	if (!st.isMember(chat, userId)) throw new RestError('ACCESS_ERROR', forbiddenText, 403);
	return chat;
}

/**
 * The chat methods' CHAT_ID: DIALOG_ID when sent must be a chat id (chatN / sgN / crmN, resolved like
 * Dialog::getChatId; a private dialog gives DIALOG_ID_EMPTY), then CHAT_ID = intval(...) must be > 0 (so `chat5` in
 * CHAT_ID is CHAT_ID_EMPTY). Returns the number; the chat itself may not exist.
 */
function readChatId(ctx) {
	const p = ctx.params;
	let chatId = p.CHAT_ID;
	if (p.DIALOG_ID !== undefined && p.DIALOG_ID !== null) {
		const s = String(p.DIALOG_ID);
		if (!/^(chat|sg|crm)\d+$/i.test(s)) throw dialogEmpty();
		const chat = /^chat/i.test(s) ? null : st.resolveDialog(ctx.state, ctx.userId, s);
		chatId = /^chat/i.test(s) ? s.slice(4) : (chat ? chat.id : 0);
	}
	const id = intval(chatId);
	if (id <= 0) throw new RestError('CHAT_ID_EMPTY', "Chat ID can't be empty");
	return id;
}

/** The portal's general chat (chat1 in the seed): members cannot be added, removed or listed through REST. */
function isGeneral(chat) {
	return Boolean(chat) && chat.entityType === 'GENERAL';
}

function userName(user) {
	return `${user.firstName} ${user.lastName}`.trim();
}

function userOut(user) {
	return {
		id: user.id, active: user.active, name: userName(user), first_name: user.firstName, last_name: user.lastName,
		work_position: user.workPosition, color: PALETTE[user.id % PALETTE.length], avatar: '', avatar_hr: '',
		gender: user.gender, birthday: '', extranet: false, network: false, bot: Boolean(user.bot), connector: false,
		external_auth_id: user.bot ? 'bot' : 'default', status: user.status, idle: false, last_activity_date: user.lastActivityDate,
		mobile_last_date: false, desktop_last_date: false, absent: false, departments: user.departments.slice(),
		phones: false, bot_data: user.bot ? { code: 'helper_bot', type: 'bot', is_hidden: false, is_support_openline: false,
			background_id: null } : null, type: user.bot ? 'bot' : 'user', website: '', email: user.email,
	};
}

function chatTitle(state, chat, userId) {
	if (chat.type !== 'private') return chat.title;
	const other = state.users[st.dialogIdFor(chat, userId)];
	return other ? userName(other) : '';
}

function chatColor(chat) {
	return PALETTE[CHAT_COLORS[chat.color] === undefined ? 10 : CHAT_COLORS[chat.color]];
}

function firstUnreadId(state, chat, rel) {
	const i = st.upperBound(chat.messageIds, rel.lastReadMessageId);
	return i < chat.messageIds.length ? chat.messageIds[i] : 0;
}

/** The im.dialog.get chat object as `userId` sees it. */
function chatOut(state, chat, userId) {
	const rel = st.relation(state, userId, chat.id);
	const isOwner = chat.owner === userId;
	const messageType = chat.type === 'private' ? 'P' : chat.type === 'open' ? 'O' : 'C';
	const readers = chat.users.filter((u) => u !== userId && st.relation(state, u, chat.id).lastReadMessageId >= chat.lastMessageId);
	return {
		id: chat.id, parent_chat_id: 0, parent_message_id: 0, name: chatTitle(state, chat, userId), description: chat.description,
		owner: chat.owner, extranet: false, avatar: chat.avatar || '', color: chatColor(chat), type: chat.type,
		counter: st.unreadCount(state, userId, chat), user_counter: chat.users.length, message_count: chat.messageIds.length,
		unread_id: firstUnreadId(state, chat, rel), restrictions: { avatar: true, extend: chat.type !== 'private',
			leave: chat.type !== 'private', leave_owner: chat.type !== 'private', rename: chat.type !== 'private', send: true,
			user_list: true, mute: true, call: true },
		last_message_id: chat.lastMessageId, last_id: rel.lastReadMessageId, marked_id: rel.manualUnread ? chat.lastMessageId : 0,
		disk_folder_id: chat.diskFolderId || 0, entity_type: chat.entityType, entity_id: chat.entityId, entity_data_1: '', entity_data_2: '',
		entity_data_3: '', mute_list: chat.muted.slice(), date_create: chat.dateCreate, message_type: messageType, public: '',
		role: isOwner ? 'OWNER' : st.isMember(chat, userId) ? 'MEMBER' : 'GUEST',
		entity_link: { type: chat.entityType ? chat.entityType.toLowerCase() : '', url: '', id: chat.entityId },
		text_field_enabled: true, background_id: null,
		permissions: { manage_users_add: 'MEMBER', manage_users_delete: 'MANAGER', manage_ui: 'MEMBER',
			manage_settings: 'OWNER', manage_messages: 'MEMBER', can_post: 'MEMBER' },
		is_new: false,
		readed_list: readers.map((u) => ({ user_id: u, user_name: userName(state.users[u]), message_id: chat.lastMessageId,
			date: state.messages[chat.lastMessageId] ? state.messages[chat.lastMessageId].date : chat.dateCreate })),
		manager_list: chat.managers.slice(), last_message_views: { message_id: chat.lastMessageId, first_viewers: [],
			count_of_viewers: readers.length },
		dialog_id: st.dialogIdFor(chat, userId),
	};
}

function messageOut(state, msg, userId) {
	const rel = st.relation(state, userId, msg.chatId);
	return {
		id: msg.id, chat_id: msg.chatId, author_id: msg.authorId, date: msg.date, text: msg.text,
		unread: msg.authorId !== userId && msg.id > rel.lastReadMessageId, uuid: null, replaces: [],
		params: phpMap(Object.assign({}, msg.params, msg.likes.length ? { LIKE: msg.likes.slice() } : {})),
		disappearing_date: null,
	};
}

/** LIMIT with a default and a maximum (0 or less -> default). */
function limitOf(value, def, max) {
	const n = intval(value);
	if (n <= 0) return def;
	return Math.min(n, max);
}

/** getOffset: REST `start` wins when > 0, else OFFSET. */
function offsetOf(ctx) {
	return ctx.start > 0 ? ctx.start : Math.max(0, intval(ctx.params.OFFSET));
}

module.exports = { readDialog, requireMember, readChatId, userOut, userName, chatOut, chatTitle, chatColor, messageOut,
	limitOf, offsetOf, dialogEmpty, isGeneral, CHAT_COLORS, PALETTE };
