'use strict';
/**
 * The camelCase objects of the v2 APIs (im.v2 and imbot.v2, `entities.md`): chat, user and message as events and
 * imbot.v2 answers show them.
 */
const st = require('../state');
const { chatTitle, chatColor, userName } = require('./common');

/** The chat as `viewerId` sees it (a private chat's dialogId is the other party's id). */
function chatV2(state, chat, viewerId) {
	const messageType = { private: 'P', open: 'O', lines: 'L' }[chat.type] || 'C';
	return {
		id: chat.id, dialogId: st.dialogIdFor(chat, viewerId), name: chatTitle(state, chat, viewerId), type: chat.type,
		messageType, owner: chat.owner, color: chatColor(chat), avatar: chat.avatar || '', description: chat.description, extranet: false,
		containsCollaber: false, entityType: chat.entityType, entityId: chat.entityId, entityData1: '', entityData2: '', entityData3: '',
		entityLink: {}, diskFolderId: chat.diskFolderId || 0, permissions: {}, parentChatId: 0, parentMessageId: 0, isNew: false,
		textFieldEnabled: chat.textFieldEnabled === false ? 'N' : 'Y', backgroundId: null,
	};
}

function userV2(state, userId) {
	const u = state.users[userId];
	if (!u) return { id: userId, active: true, name: '', firstName: '', lastName: '', bot: false, type: 'employee' };
	return {
		id: u.id, active: u.active, name: userName(u), firstName: u.firstName, lastName: u.lastName, workPosition: u.workPosition,
		color: '#df532d', avatar: u.avatar || '', gender: u.gender, birthday: '', extranet: false, bot: Boolean(u.bot),
		connector: Boolean(u.connector), externalAuthId: u.bot ? 'bot' : u.connector ? 'imconnector' : 'default', status: u.status,
		idle: false, lastActivityDate: false, mobileLastDate: false, desktopLastDate: false, absent: false,
		departments: u.departments.slice(), phones: false, website: '', email: u.email, type: u.bot ? 'bot' : 'employee',
	};
}

/** Every reaction on a message, by code: `like` (im.message.like) and the imbot.v2 codes. */
function reactionsOf(msg) {
	const out = {};
	for (const [code, users] of Object.entries(msg.reactions || {})) if (users.length) out[code] = users.slice();
	if (msg.likes.length) out.like = msg.likes.slice();
	return out;
}

function messageV2(msg) {
	return {
		id: msg.id, chatId: msg.chatId, authorId: msg.authorId, date: msg.date, text: msg.text, isSystem: msg.authorId === 0,
		uuid: '', forward: null, params: Object.assign({}, msg.params, msg.likes.length ? { LIKE: msg.likes.slice() } : {}),
		viewedByOthers: false,
	};
}

module.exports = { chatV2, userV2, messageV2, reactionsOf };
