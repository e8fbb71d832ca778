'use strict';
/** im.message.*: add, update (empty MESSAGE deletes), delete (soft, like a read message), like. */
const { RestError, intval } = require('../errors');
const st = require('../state');

const ATTACH_MAX = 60000;

function targetChat(ctx) {
	const p = Object.assign({}, ctx.params);
	if (p.DIALOG_ID !== undefined) {
		if (/^(chat|sg|crm)\d+$/i.test(String(p.DIALOG_ID))) {
			const chat = st.resolveDialog(ctx.state, ctx.userId, String(p.DIALOG_ID));
			if (!chat || !st.isMember(chat, ctx.userId)) throw new RestError('ACCESS_ERROR', "You don't have access to this chat", 403);
			return chat;
		}
		p.USER_ID = intval(p.DIALOG_ID);
	}
	if (p.CHAT_ID !== undefined && p.USER_ID === undefined) {
		const chat = ctx.state.chats[intval(p.CHAT_ID)];
		if (intval(p.CHAT_ID) <= 0) throw new RestError('CHAT_ID', "Chat ID can't be empty");
		if (!chat || !st.isMember(chat, ctx.userId)) throw new RestError('ACCESS_ERROR', "You don't have access to this chat", 403);
		return chat;
	}
	const userId = intval(p.USER_ID);
	if (userId <= 0) throw new RestError('USER_ID_EMPTY', "User ID can't be empty");
	if (!ctx.state.users[userId]) throw new RestError('USER_NOT_FOUND', 'User not found');
	return st.privateChat(ctx.state, ctx.userId, userId, true);
}

function checkAttach(value) {
	if (value === undefined || value === null || value === '' || value === 'N') return;
	if (JSON.stringify(value).length > ATTACH_MAX) {
		throw new RestError('ATTACH_OVERSIZE', 'You have exceeded the maximum allowable size of attach');
	}
}

function messageAdd(ctx) {
	const p = ctx.params;
	const chat = targetChat(ctx);
	if (p.MESSAGE !== undefined && p.MESSAGE !== null && typeof p.MESSAGE !== 'string') {
		throw new RestError('MESSAGE_EMPTY', 'Wrong message type');
	}
	const text = typeof p.MESSAGE === 'string' ? p.MESSAGE.trim() : '';
	if (text === '' && !p.ATTACH) throw new RestError('MESSAGE_EMPTY', "Message can't be empty");
	checkAttach(p.ATTACH);
	const params = {};
	for (const key of ['ATTACH', 'KEYBOARD', 'MENU']) if (p[key] !== undefined && p[key] !== '') params[key] = p[key];
	if (intval(p.REPLY_ID) > 0) {
		const replied = ctx.state.messages[intval(p.REPLY_ID)];
		if (!replied) throw new RestError('REPLY_ACCESS_ERROR', 'Action unavailable');
		if (replied.chatId !== chat.id) {
			throw new RestError('REPLY_FROM_OTHER_CHAT_ERROR', "You can't reply to a message from another chat");
		}
		params.REPLY_ID = replied.id;
	}
	if (String(p.URL_PREVIEW || 'Y').toUpperCase() === 'N') params.URL_PREVIEW = 'N';
	return st.addMessage(ctx.state, chat, ctx.userId, text, params).id;
}

function ownMessage(ctx) {
	const p = ctx.params;
	const id = intval(p.MESSAGE_ID !== undefined ? p.MESSAGE_ID : p.ID);
	if (id <= 0) throw new RestError('MESSAGE_ID_ERROR', "Message ID can't be empty");
	const msg = ctx.state.messages[id];
	if (!msg || msg.deleted || msg.authorId !== ctx.userId) {
		throw new RestError('CANT_EDIT_MESSAGE', "Time has expired for modification or you don't have access", 403);
	}
	return msg;
}

function softDelete(msg) {
	msg.deleted = true;
	msg.text = '';
	msg.params = { IS_DELETED: 'Y' };
}

function messageUpdate(ctx) {
	const p = ctx.params;
	const msg = ownMessage(ctx);
	if (p.MESSAGE !== undefined && p.MESSAGE !== null) {
		const text = String(p.MESSAGE).trim();
		if (text === '') {
			softDelete(msg);
			return true;
		}
		msg.text = text;
		if (String(p.IS_EDITED || 'Y').toUpperCase() !== 'N') msg.params.IS_EDITED = 'Y';
	}
	for (const key of ['ATTACH', 'KEYBOARD', 'MENU']) {
		if (p[key] === undefined) continue;
		if (key === 'ATTACH') checkAttach(p[key]);
		if (p[key] === 'N' || p[key] === '') delete msg.params[key];
		else msg.params[key] = p[key];
	}
	return true;
}

function messageDelete(ctx) {
	softDelete(ownMessage(ctx));
	return true;
}

function messageLike(ctx) {
	const p = ctx.params;
	const id = intval(p.MESSAGE_ID);
	if (id <= 0) throw new RestError('MESSAGE_ID_ERROR', "Message ID can't be empty");
	const msg = ctx.state.messages[id];
	const chat = msg && ctx.state.chats[msg.chatId];
	if (!chat || !st.isMember(chat, ctx.userId)) throw new RestError('ACCESS_ERROR', "You don't have access to this chat", 403);
	const action = String(p.ACTION || 'auto').toLowerCase();
	const liked = msg.likes.includes(ctx.userId);
	const want = action === 'plus' ? true : action === 'minus' ? false : !liked;
	if (want === liked) throw new RestError('WITHOUT_CHANGES', 'Action completed without changes');
	if (want) msg.likes.push(ctx.userId);
	else msg.likes.splice(msg.likes.indexOf(ctx.userId), 1);
	return true;
}

module.exports = {
	scope: 'im',
	upper: true,
	methods: {
		'im.message.add': messageAdd,
		'im.message.update': messageUpdate,
		'im.message.delete': messageDelete,
		'im.message.like': messageLike,
	},
};
