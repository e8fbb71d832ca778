'use strict';
/**
 * im.message.*: add, update (empty MESSAGE deletes), delete (soft, like a read message), like, share (to a new chat,
 * task, feed post or calendar event) and command (a bot command on a message; the seed bot answers in the chat).
 */
const { RestError, intval } = require('../errors');
const st = require('../state');
const { readDialog, requireMember } = require('./common');

const ATTACH_MAX = 60000;
/** The name the emulated portal gives the OAuth application (SYSTEM=Y messages and system notifications). */
const APP_NAME = 'Emulator test app';

/**
 * CIMRestService::messageAdd target: DIALOG_ID chatN/sgN -> CHAT_ID, other DIALOG_ID -> USER_ID; USER_ID first, then
 * CHAT_ID, else PARAMS_ERROR. Returns the chat, or null when the chat is unknown or the caller is not a member
 * (the add itself fails then: PARAMS_ERROR "Message isn't added").
 */
function targetChat(ctx) {
	const p = Object.assign({}, ctx.params);
	if (p.DIALOG_ID !== undefined && p.DIALOG_ID !== null) {
		if (/^(chat|sg|crm)\d+$/i.test(String(p.DIALOG_ID))) {
			const chat = st.resolveDialog(ctx.state, ctx.userId, String(p.DIALOG_ID));
			p.CHAT_ID = chat ? chat.id : (/^chat\d+$/i.test(String(p.DIALOG_ID)) ? intval(String(p.DIALOG_ID).slice(4)) : 0);
		} else {
			p.USER_ID = intval(p.DIALOG_ID);
		}
	}
	if (p.USER_ID !== undefined && p.USER_ID !== null) {
		const userId = intval(p.USER_ID);
		if (userId <= 0) throw new RestError('USER_ID_EMPTY', "User ID can't be empty");
		if (!ctx.state.users[userId]) throw new RestError('USER_NOT_FOUND', 'User not found');
		return st.privateChat(ctx.state, ctx.userId, userId, true);
	}
	if (p.CHAT_ID !== undefined && p.CHAT_ID !== null) {
		const chatId = intval(p.CHAT_ID);
		if (chatId <= 0) throw new RestError('CHAT_ID_EMPTY', "Chat ID can't be empty");
		const chat = ctx.state.chats[chatId];
		return chat && st.isMember(chat, ctx.userId) ? chat : null;
	}
	throw new RestError('PARAMS_ERROR', 'Incorrect params');
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

/**
 * ATTACH: an object with BLOCKS or a list of blocks, each with a known block key; at most 60 000 characters.
 * `N` clears it on update only; on add any other non-empty value that is not an attach is ATTACH_ERROR.
 */
function checkAttach(value, { allowN = true } = {}) {
	if (allowN ? cleared(value) : (value === undefined || value === null || value === '')) return undefined;
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

/** The server's order: MESSAGE (or ATTACH), target, ATTACH, KEYBOARD, MENU, SYSTEM, then the add itself. */
function messageAdd(ctx) {
	const p = ctx.params;
	if (p.MESSAGE !== undefined && p.MESSAGE !== null && typeof p.MESSAGE !== 'string') {
		throw new RestError('MESSAGE_EMPTY', 'Wrong message type');
	}
	const text = typeof p.MESSAGE === 'string' ? p.MESSAGE.trim() : '';
	const noAttach = p.ATTACH === undefined || p.ATTACH === null || p.ATTACH === '';
	if (text === '' && noAttach) throw new RestError('MESSAGE_EMPTY', "Message can't be empty");
	const chat = targetChat(ctx);
	const checked = { ATTACH: checkAttach(p.ATTACH, { allowN: false }), KEYBOARD: checkButtons(p.KEYBOARD, 'keyboard'),
		MENU: checkButtons(p.MENU, 'menu') };
	if (!chat) throw new RestError('PARAMS_ERROR', "Message isn't added");
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
	const system = String(p.SYSTEM || '').toUpperCase() === 'Y';
	let body = text;
	if (system) {
		params.SYSTEM = 'Y';
		// With app (OAuth) auth the server prefixes the app's name in chats.
		if (ctx.auth.type === 'oauth' && chat.type !== 'private') body = `[b]${APP_NAME}[/b]\n${text}`;
	}
	const msg = st.addMessage(ctx.state, chat, system ? 0 : ctx.userId, body, params);
	if (system) st.markRead(ctx.state, ctx.userId, chat, msg.id);
	return msg.id;
}

/** MESSAGE_ID (alias ID) > 0, else MESSAGE_ID_ERROR. */
function readMessageId(ctx) {
	const p = ctx.params;
	const id = intval(p.MESSAGE_ID !== undefined ? p.MESSAGE_ID : p.ID);
	if (id <= 0) throw new RestError('MESSAGE_ID_ERROR', "Message ID can't be empty");
	return id;
}

function ownMessage(ctx) {
	const id = readMessageId(ctx);
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

/** MESSAGE_ID (alias ID), ACTION auto|plus|minus (anything else is auto); no change or no access -> WITHOUT_CHANGES. */
function messageLike(ctx) {
	const p = ctx.params;
	const id = readMessageId(ctx);
	const msg = ctx.state.messages[id];
	const chat = msg && ctx.state.chats[msg.chatId];
	const action = String(p.ACTION || 'auto').toLowerCase();
	const liked = Boolean(msg) && msg.likes.includes(ctx.userId);
	const want = action === 'plus' ? true : action === 'minus' ? false : !liked;
	if (!chat || !st.isMember(chat, ctx.userId) || msg.deleted || want === liked) {
		throw new RestError('WITHOUT_CHANGES', 'Action completed without changes');
	}
	if (want) msg.likes.push(ctx.userId);
	else msg.likes.splice(msg.likes.indexOf(ctx.userId), 1);
	return true;
}

const SHARE_TYPES = ['CHAT', 'TASK', 'POST', 'CALEND'];
const SHARE_TEXT = { CHAT: 'created a chat', TASK: 'created a task', POST: 'created a post', CALEND: 'created an event' };

/**
 * The server's order: MESSAGE_ID (alias ID), DIALOG_ID format, access to DIALOG_ID (403), then CIMMessenger::Share,
 * which fails with PARAMS_ERROR for a TYPE outside CHAT|TASK|POST|CALEND or a message the caller cannot read.
 * A note from the caller follows the message in its chat; CHAT opens a new chat with the caller and the author.
 */
function messageShare(ctx) {
	const p = ctx.params;
	const id = readMessageId(ctx);
	requireMember(readDialog(ctx).chat, ctx.userId);
	const type = String(p.TYPE || '').toUpperCase();
	const msg = ctx.state.messages[id];
	const chat = msg && ctx.state.chats[msg.chatId];
	if (!SHARE_TYPES.includes(type) || !chat || !st.isMember(chat, ctx.userId) || msg.deleted) {
		throw new RestError('PARAMS_ERROR', 'Incorrect params');
	}
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
 * MESSAGE_ID (alias ID), BOT_ID, COMMAND checked in that order; then (CIMMessenger::ExecCommand) the bot must exist, have
 * the command, and the command must be common (usable anywhere) or the bot a member of the message's chat; otherwise
 * PARAMS_ERROR. The seed bot answers in the message's chat.
 */
function messageCommand(ctx) {
	const p = ctx.params;
	const id = readMessageId(ctx);
	const botId = intval(p.BOT_ID);
	if (botId <= 0) throw new RestError('BOT_ID_ERROR', "Bot ID can't be empty");
	if (p.COMMAND === undefined || p.COMMAND === null || p.COMMAND === '') throw new RestError('COMMAND_ERROR', "Command can't be empty");
	const name = String(p.COMMAND).trim().replace(/^\//, '').toLowerCase();
	const msg = ctx.state.messages[id];
	const chat = msg && ctx.state.chats[msg.chatId];
	const bot = ctx.state.bots[botId];
	const command = bot && bot.commands.find((c) => c.command === name);
	if (!chat || !st.isMember(chat, ctx.userId) || !command || (!command.common && !st.isMember(chat, botId))) {
		throw new RestError('PARAMS_ERROR', 'Incorrect params');
	}
	const params = p.COMMAND_PARAMS === undefined || p.COMMAND_PARAMS === null ? '' : String(p.COMMAND_PARAMS);
	ctx.state.commands.push({ botId, command: name, params, messageId: id, chatId: chat.id, userId: ctx.userId });
	// An imbot.v2 bot gets the press as ONIMBOTV2COMMANDADD (botEvents.js) and answers by itself.
	if (bot.version === 2) return true;
	const answer = name === 'echo' ? (params.trim() || '(no text)')
		: `Commands: ${bot.commands.map((c) => `/${c.command}${c.params ? ` ${c.params}` : ''} - ${c.title}`).join(', ')}`;
	st.addMessage(ctx.state, chat, botId, answer, { COMMAND_CONTEXT: 'TEXTAREA', BOT_ANSWER: name });
	return true;
}

module.exports = {
	checkAttach, jsonValue, APP_NAME,
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
