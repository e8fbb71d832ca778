'use strict';
/**
 * im.v2.File.upload and im.v2.File.download (b24restdocs api-reference/chat-bots/chat-bots-v2/im.v2/files/*): one call
 * where the previous generation needed three (im.disk.folder.get, disk.folder.uploadfile, im.disk.file.commit), and a
 * one-time download link. Parameters are camelCase and taken as sent (`dialogId`, `fields`, `fileId`).
 *
 * The server code of these methods was not available; the validation order is the docs' table read top-down (the
 * fields, then the chat): FILE_EMPTY, FILE_INVALID_CONTENT, FILE_TOO_LARGE (above 100 MB), CHAT_NOT_FOUND (no such
 * dialog, or not a dialog id), 403 ACCESS_DENIED (not a member). Download: the chat first, then FILE_NOT_FOUND (no file
 * of that id in the chat's folder).
 */
const crypto = require('node:crypto');
const { RestError, intval } = require('../errors');
const st = require('../state');
const { chatFolder, storeFile, imFileOut, linkUrl } = require('./disk');

/** The largest file im.v2.File.upload takes: 100 MB. */
const FILE_SIZE_LIMIT = 100 * 1024 * 1024;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The bytes a base64 text stands for, without decoding it (a 100 MB file is 140 MB of text). */
function decodedLength(text) {
	const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
	return Math.floor((text.length * 3) / 4) - padding;
}

/** The dialog's chat for the caller: CHAT_NOT_FOUND, or 403 ACCESS_DENIED when the caller is not a member. */
function memberChat(ctx) {
	const dialogId = ctx.params.dialogId;
	const chat = st.isDialogId(dialogId) ? st.resolveDialog(ctx.state, ctx.userId, String(dialogId)) : null;
	if (!chat) throw new RestError('CHAT_NOT_FOUND', 'CHAT_NOT_FOUND');
	if (!st.isMember(chat, ctx.userId)) throw new RestError('ACCESS_DENIED', 'Access denied', 403);
	return chat;
}

/**
 * The `fields` of an upload (im.v2 and imbot.v2 File.upload): FILE_EMPTY, FILE_INVALID_CONTENT, FILE_TOO_LARGE, in
 * that order. Returns { name, buffer, text }.
 */
function uploadedFile(params) {
	const fields = params.fields && typeof params.fields === 'object' ? params.fields : {};
	const name = typeof fields.name === 'string' ? fields.name.trim() : '';
	const content = typeof fields.content === 'string' ? fields.content : '';
	if (name === '' || content === '') throw new RestError('FILE_EMPTY', 'File name and content are required');
	if (!BASE64.test(content) || content.length % 4 === 1) throw new RestError('FILE_INVALID_CONTENT', 'Invalid base64 content');
	if (decodedLength(content) > FILE_SIZE_LIMIT) throw new RestError('FILE_TOO_LARGE', 'File is too large');
	const text = typeof fields.message === 'string' ? fields.message.trim() : '';
	return { name, buffer: Buffer.from(content, 'base64'), text };
}

/** { dialogId, fields: { name, content (base64), message } } -> { file, messageId, chatId, dialogId }; posts the file. */
function upload(ctx) {
	const { name, buffer, text } = uploadedFile(ctx.params);
	const chat = memberChat(ctx);
	const file = storeFile(ctx.state, chatFolder(ctx.state, chat), name, buffer, ctx.userId);
	const message = st.addMessage(ctx.state, chat, ctx.userId, text, { FILE_ID: [file.id] });
	return { file: imFileOut(ctx, file, chat.id), messageId: message.id, chatId: chat.id, dialogId: st.dialogIdFor(chat, ctx.userId) };
}

/** { dialogId, fileId } -> { downloadUrl }: a link for this caller, good for one download (it carries the credential). */
function download(ctx) {
	const chat = memberChat(ctx);
	const file = ctx.state.disk.files[intval(ctx.params.fileId)];
	const folder = file && ctx.state.disk.folders[file.folderId];
	if (!folder || folder.chatId !== chat.id) throw new RestError('FILE_NOT_FOUND', 'File not found');
	const token = `im|${crypto.randomBytes(12).toString('base64url')}`;
	ctx.state.disk.links[token] = { fileId: file.id, userId: ctx.userId };
	return { downloadUrl: linkUrl(ctx, token) };
}

module.exports = {
	scope: 'im',
	upper: false,
	methods: {
		'im.v2.file.upload': upload,
		'im.v2.file.download': download,
	},
	FILE_SIZE_LIMIT, uploadedFile,
};
