'use strict';
/**
 * im.message.*: add, update (empty MESSAGE deletes), delete (soft, like a read message), like, share (to a new chat,
 * task, feed post or calendar event) and command (a bot command on a message; the seed bot answers in the chat).
 */
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

const ATTACH_BLOCKS = ['BLOCKS', 'MESSAGE', 'LINK', 'USER', 'GRID', 'IMAGE', 'FILE', 'DELIMITER', 'RICH_LINK', 'HTML', 'CHAT'];

/** A JSON string is decoded like GetAttachByJson / keyboard JSON; anything else stays as sent. */
function jsonValue(value) {
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value);
	} catch {
		return undefined;
	}
}

const cleared = (value) => value === undefined || value === null || value === '' || value === 'N';

/** ATTACH: an object with BLOCKS or a list of blocks, each with a known block key; at most 60 000 characters. */
function checkAttach(value) {
	if (cleared(value)) return undefined;
	const v = jsonValue(value);
	const blocks = v && typeof v === 'object' ? (Array.isArray(v) ? v : (v.BLOCKS ? v.BLOCKS : [v])) : null;
	const list = Array.isArray(blocks) ? blocks : blocks && typeof blocks === 'object' ? Object.values(blocks) : null;
	const valid = list && list.length > 0 && list.every((b) => b && typeof b === 'object'
		&& Object.keys(b).some((k) => ATTACH_BLOCKS.includes(k.toUpperCase())));
	if (!valid) throw new RestError('ATTACH_ERROR', 'Incorrect attach params');
	if (JSON.stringify(v).length > ATTACH_MAX) {
		throw new RestError('ATTACH_OVERSIZE', 'You have exceeded the maximum allowable size of attach');
	}
	return v;
}

/** KEYBOARD (buttons, or {BUTTONS}) and MENU (items): each needs TEXT and an action, or is a NEWLINE. */
function checkButtons(value, kind, { errorCode, oversizeCode } = {}) {
	if (cleared(value)) return undefined;
	const v = jsonValue(value);
	const raw = v && typeof v === 'object' && !Array.isArray(v) && (v.BUTTONS || v.ITEMS) ? (v.BUTTONS || v.ITEMS) : v;
	const list = Array.isArray(raw) ? raw : raw && typeof raw === 'object' ? Object.values(raw) : null;
	const valid = list && list.length > 0 && list.every((b) => b && typeof b === 'object' && (String(b.TYPE || '').toUpperCase() === 'NEWLINE'
		|| (typeof b.TEXT === 'string' && b.TEXT.trim() !== '' && ['COMMAND', 'LINK', 'ACTION', 'FUNCTION', 'APP_ID']
			.some((k) => b[k] !== undefined && b[k] !== ''))));
	const upper = kind.toUpperCase();
	if (!valid) throw new RestError(errorCode || `${upper}_ERROR`, `Incorrect ${kind} params`);
	if (oversizeCode && JSON.stringify(v).length > ATTACH_MAX) {
		throw new RestError(oversizeCode, `You have exceeded the maximum allowable size of ${kind}`);
	}
	return v;
}

function messageAdd(ctx) {
	const p = ctx.params;
	const chat = targetChat(ctx);
	if (p.MESSAGE !== undefined && p.MESSAGE !== null && typeof p.MESSAGE !== 'string') {
		throw new RestError('MESSAGE_EMPTY', 'Wrong message type');
	}
	const text = typeof p.MESSAGE === 'string' ? p.MESSAGE.trim() : '';
	if (text === '' && cleared(p.ATTACH)) throw new RestError('MESSAGE_EMPTY', "Message can't be empty");
	const checked = { ATTACH: checkAttach(p.ATTACH), KEYBOARD: checkButtons(p.KEYBOARD, 'keyboard'),
		MENU: checkButtons(p.MENU, 'menu') };
	const params = {};
	for (const key of ['ATTACH', 'KEYBOARD', 'MENU']) if (checked[key] !== undefined) params[key] = checked[key];
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
	const checked = {
		ATTACH: checkAttach(p.ATTACH),
		KEYBOARD: checkButtons(p.KEYBOARD, 'keyboard', { oversizeCode: 'KEYBOARD_OVERSIZE' }),
		MENU: checkButtons(p.MENU, 'menu', { errorCode: 'menu_ERROR', oversizeCode: 'MENU_OVERSIZE' }),
	};
	for (const key of ['ATTACH', 'KEYBOARD', 'MENU']) {
		if (p[key] === undefined) continue;
		if (checked[key] === undefined) delete msg.params[key];
		else msg.params[key] = checked[key];
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

const SHARE_TYPES = ['CHAT', 'TASK', 'POST', 'CALEND'];
const SHARE_TEXT = { CHAT: 'created a chat', TASK: 'created a task', POST: 'created a post', CALEND: 'created an event' };

/** MESSAGE_ID, DIALOG_ID, TYPE checked in that order; the message must be in that dialog and the caller a member. */
function messageShare(ctx) {
	const p = ctx.params;
	const id = intval(p.MESSAGE_ID);
	if (id <= 0) throw new RestError('MESSAGE_ID_ERROR', "Message ID can't be empty");
	if (!st.isDialogId(p.DIALOG_ID)) throw new RestError('DIALOG_ID_EMPTY', "Dialog ID can't be empty");
	const type = String(p.TYPE || '').toUpperCase();
	if (!SHARE_TYPES.includes(type)) throw new RestError('PARAMS_ERROR', 'Incorrect params');
	const chat = st.resolveDialog(ctx.state, ctx.userId, String(p.DIALOG_ID));
	const msg = ctx.state.messages[id];
	if (!chat || !st.isMember(chat, ctx.userId) || !msg || msg.chatId !== chat.id) {
		throw new RestError('ACCESS_ERROR', "You don't have access to this chat", 403);
	}
	if (msg.deleted) throw new RestError('PARAMS_ERROR', 'Incorrect params');
	let entityId;
	if (type === 'CHAT') {
		const users = [...new Set([ctx.userId, msg.authorId].filter((u) => u > 0 && ctx.state.users[u]))];
		const created = st.createChat(ctx.state, { type: 'chat', title: `Discussion: ${msg.text.slice(0, 40) || 'message'}`,
			owner: ctx.userId, users, entityType: 'IM_SHARE', entityId: String(msg.id) });
		st.addMessage(ctx.state, created, ctx.userId, msg.text || '[file]', { SHARE_FROM: msg.id });
		entityId = created.id;
	} else {
		ctx.state.seq.share = (ctx.state.seq.share || 0) + 1;
		entityId = ctx.state.seq.share;
	}
	ctx.state.shares.push({ type, messageId: msg.id, chatId: chat.id, userId: ctx.userId, entityId });
	const who = ctx.state.users[ctx.userId];
	st.addMessage(ctx.state, chat, ctx.userId, `[USER=${who.id}]${who.firstName} ${who.lastName}[/USER] ${SHARE_TEXT[type]} from a message`,
		{ IS_SHARE: type, SHARE_MESSAGE_ID: msg.id, SHARE_ENTITY_ID: entityId });
	return true;
}

/**
 * MESSAGE_ID, BOT_ID, COMMAND checked in that order; then the bot must exist, have the command, and the command must be
 * common (usable anywhere) or the bot a member of the message's chat; otherwise PARAMS_ERROR. The seed bot answers.
 */
function messageCommand(ctx) {
	const p = ctx.params;
	const id = intval(p.MESSAGE_ID);
	if (id <= 0) throw new RestError('MESSAGE_ID_ERROR', "Message ID can't be empty");
	const botId = intval(p.BOT_ID);
	if (botId <= 0) throw new RestError('BOT_ID_ERROR', "Bot ID can't be empty");
	const name = String(p.COMMAND || '').trim().replace(/^\//, '').toLowerCase();
	if (name === '') throw new RestError('COMMAND_ERROR', "Command can't be empty");
	const msg = ctx.state.messages[id];
	const chat = msg && ctx.state.chats[msg.chatId];
	const bot = ctx.state.bots[botId];
	const command = bot && bot.commands.find((c) => c.command === name);
	if (!chat || !st.isMember(chat, ctx.userId) || !command || (!command.common && !st.isMember(chat, botId))) {
		throw new RestError('PARAMS_ERROR', 'Incorrect params');
	}
	const params = p.COMMAND_PARAMS === undefined || p.COMMAND_PARAMS === null ? '' : String(p.COMMAND_PARAMS);
	ctx.state.commands.push({ botId, command: name, params, messageId: id, chatId: chat.id, userId: ctx.userId });
	const answer = name === 'echo' ? (params.trim() || '(no text)')
		: `Commands: ${bot.commands.map((c) => `/${c.command}${c.params ? ` ${c.params}` : ''} - ${c.title}`).join(', ')}`;
	st.addMessage(ctx.state, chat, botId, answer, { COMMAND_CONTEXT: 'TEXTAREA', BOT_ANSWER: name });
	return true;
}

module.exports = {
	scope: 'im',
	upper: true,
	methods: {
		'im.message.share': messageShare,
		'im.message.command': messageCommand,
		'im.message.add': messageAdd,
		'im.message.update': messageUpdate,
		'im.message.delete': messageDelete,
		'im.message.like': messageLike,
	},
};
