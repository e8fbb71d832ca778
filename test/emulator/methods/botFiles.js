'use strict';
/**
 * imbot.v2 files (b24restdocs imbot.v2/files/*.md): File.upload and File.download, and the one-time download links.
 *
 * - upload {dialogId, fields: {name, content (Base64), message}}: the fields are checked like im.v2.File.upload's
 *   (FILE_EMPTY, FILE_INVALID_CONTENT, FILE_TOO_LARGE over 100 MB), then the dialog (CHAT_NOT_FOUND) and
 *   FILE_FOLDER_ERROR (a chat the bot is not in); stores the file in the chat's folder and posts it as the bot. Answers {file: {id, chatId, name, extension, size, type}, messageId, chatId, dialogId}.
 * - download {fileId}: FILE_NOT_FOUND, FILE_ACCESS_ERROR (403: not in the file's chat); answers {downloadUrl}, a link
 *   `/rest/download.json?token=imbot|...` that carries its own token (no credential) and works once: a second GET is
 *   404 ERROR_NOT_FOUND, like a used token.
 */
const crypto = require('node:crypto');
const { RestError, RawBody, intval } = require('../errors');
const st = require('../state');
const disk = require('./disk');
const { MIME, extensionOf } = require('./fileData');
const { uploadedFile } = require('./filesV2');
const core = require('./botCore');

const { fail } = core;

const SIGNED = /^imbot\|[0-9a-f]+$/;

function links(state) {
	if (!state.imbotDownloads) state.imbotDownloads = {};
	return state.imbotDownloads;
}

function upload(ctx) {
	const state = ctx.state;
	const bot = core.requireBot(ctx);
	const { name, buffer, text } = uploadedFile(ctx.params);
	const chat = core.botChat(ctx, bot);
	if (!st.isMember(chat, bot.id)) throw fail('FILE_FOLDER_ERROR', 'Failed to get chat folder');
	const file = disk.storeFile(state, disk.chatFolder(state, chat), name, buffer, bot.id);
	const msg = st.addMessage(state, chat, bot.id, text, { FILE_ID: [file.id] });
	const out = disk.imFileOut(ctx, file, chat.id);
	return {
		file: { id: file.id, chatId: chat.id, name: file.name, extension: out.extension, size: file.size, type: out.type },
		messageId: msg.id, chatId: chat.id, dialogId: st.dialogIdFor(chat, bot.id),
	};
}

function download(ctx) {
	const state = ctx.state;
	const bot = core.requireBot(ctx);
	const file = state.disk.files[intval(ctx.params.fileId)];
	if (!file) throw fail('FILE_NOT_FOUND', 'File not found');
	if (!disk.canRead(state, file, bot.id)) throw fail('FILE_ACCESS_ERROR', 'File access error', 403);
	const token = `imbot|${crypto.randomBytes(16).toString('hex')}`;
	links(state)[token] = { fileId: file.id, used: false };
	return { downloadUrl: `${ctx.emu.baseUrl || ''}/rest/download.json?token=${encodeURIComponent(token)}` };
}

/** Whether a download request carries an imbot link's own token (served without a credential). */
function isSignedLink(params) {
	return typeof params.token === 'string' && SIGNED.test(params.token);
}

/** The bytes behind a one-time link, or the RestError of a used or unknown one. */
function serveSignedLink(state, params) {
	const link = links(state)[params.token];
	const file = link && !link.used && state.disk.files[link.fileId];
	if (!file) return new RestError('ERROR_NOT_FOUND', 'File not found', 404);
	link.used = true;
	return new RawBody(Buffer.from(file.content, 'base64'), MIME[extensionOf(file.name)] || 'application/octet-stream', file.name);
}

module.exports = {
	scope: 'imbot',
	upper: false,
	methods: {
		'imbot.v2.file.upload': upload,
		'imbot.v2.file.download': download,
	},
	isSignedLink, serveSignedLink,
};
