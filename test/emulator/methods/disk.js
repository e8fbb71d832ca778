'use strict';
/**
 * Files: the chat's disk folder (im.disk.folder.get), the disk upload step (disk.folder.uploadfile with
 * fileContent [name, base64]), disk.file.get, posting uploaded files into the chat (im.disk.file.commit) and the
 * `download` endpoint behind every DOWNLOAD_URL / urlDownload.
 *
 * Download links carry the caller's credential like the real server: for a webhook the URL contains the webhook's
 * user id and secret (/rest/<user>/<secret>/download.json?token=...), for OAuth the access token (?auth=...).
 *
 * state.disk.folders[id] { id, name, chatId, storageId }
 * state.disk.files[id]   { id, name, folderId, size, content (Buffer as base64), createdBy, createTime, token, fileId }
 * state.disk.links[token] { fileId, userId }: one-time links of im.v2.File.download, gone once fetched
 */
const crypto = require('node:crypto');
const { RestError, RawBody, intval, phpBool, toList, isoDate } = require('../errors');
const { MIME, imageInfo, restFile, extensionOf } = require('./fileData');
const st = require('../state');
const { userName, dialogEmpty, readDialog, requireMember } = require('./common');

/** A download link with this token for the caller, with its credential: webhook path with secret, or ?auth=<token>. */
function linkUrl(ctx, token, extra = '') {
	const base = ctx.emu.baseUrl || 'http://127.0.0.1';
	const query = `token=${encodeURIComponent(token)}${extra}`;
	if (ctx.auth && ctx.auth.type === 'webhook') {
		const secret = ctx.auth.credentialKey.slice('webhook:'.length);
		return `${base}/rest/${ctx.auth.userId}/${secret}/download.json?${query}`;
	}
	const auth = ctx.auth && ctx.auth.token ? `auth=${ctx.auth.token}&` : '';
	return `${base}/rest/download.json?${auth}${query}`;
}

/** The file's lasting download link (DOWNLOAD_URL, urlDownload, ...). */
function downloadUrl(ctx, file, extra = '') {
	return linkUrl(ctx, `disk|${Buffer.from(`id=${file.id}&_=${file.token}`).toString('base64')}`, extra);
}

/** The chat's folder, created on first use (like CIMDisk::GetFolderModel). */
function chatFolder(state, chat) {
	if (chat.diskFolderId && state.disk.folders[chat.diskFolderId]) return state.disk.folders[chat.diskFolderId];
	const id = st.nextId(state, 'disk');
	state.disk.folders[id] = { id, name: `chat${chat.id}`, chatId: chat.id, storageId: 1 };
	chat.diskFolderId = id;
	return state.disk.folders[id];
}

function canRead(state, file, userId) {
	if (file.createdBy === userId) return true;
	const folder = state.disk.folders[file.folderId];
	const chat = folder && state.chats[folder.chatId];
	return Boolean(chat && st.isMember(chat, userId));
}

function storeFile(state, folder, name, buf, userId) {
	const id = st.nextId(state, 'disk');
	const file = { id, name, folderId: folder.id, size: buf.length, content: buf.toString('base64'), createdBy: userId,
		createTime: isoDate(Date.now()), token: crypto.randomBytes(12).toString('hex'), fileId: id + 30000 };
	state.disk.files[id] = file;
	return file;
}

/** disk.file.get / disk.folder.uploadfile answer. */
function diskFileOut(ctx, file) {
	const folder = ctx.state.disk.folders[file.folderId];
	return {
		ID: file.id, NAME: file.name, CODE: null, STORAGE_ID: String(folder ? folder.storageId : 1), TYPE: 'file',
		PARENT_ID: String(file.folderId), DELETED_TYPE: 0, GLOBAL_CONTENT_VERSION: 1, FILE_ID: file.fileId,
		SIZE: String(file.size), CREATE_TIME: file.createTime, UPDATE_TIME: file.createTime, DELETE_TIME: null,
		CREATED_BY: String(file.createdBy), UPDATED_BY: String(file.createdBy), DELETED_BY: null,
		DOWNLOAD_URL: downloadUrl(ctx, file),
		DETAIL_URL: `${ctx.emu.baseUrl || ''}/company/personal/user/${ctx.userId}/disk/file/${encodeURIComponent(file.name)}`,
	};
}

/** CIMDisk::GetFileParams: the file object of im.dialog.messages.get `files` and im.disk.file.commit `FILES`. */
function imFileOut(ctx, file, chatId) {
	const buf = Buffer.from(file.content, 'base64');
	const img = imageInfo(buf);
	const author = ctx.state.users[file.createdBy];
	return {
		id: file.id, chatId, date: file.createTime, type: img ? 'image' : 'file', preview: '', name: file.name,
		extension: extensionOf(file.name), size: file.size, image: img ? { width: img.width, height: img.height } : false,
		status: 'done', progress: 100, authorId: file.createdBy, authorName: author ? userName(author) : '',
		urlPreview: img ? downloadUrl(ctx, file, '&preview=Y') : '', urlShow: downloadUrl(ctx, file, '&show=Y'),
		urlDownload: downloadUrl(ctx, file), viewerAttrs: { viewer: true, viewerType: img ? 'image' : 'document',
			src: downloadUrl(ctx, file), title: file.name },
	};
}

/** The `files` of a list of im messages (params.FILE_ID) as the caller sees them. */
function filesOfMessages(ctx, messages) {
	const out = [];
	const seen = new Set();
	for (const m of messages) {
		const ids = m.params && Array.isArray(m.params.FILE_ID) ? m.params.FILE_ID : [];
		for (const id of ids) {
			const file = ctx.state.disk.files[id];
			if (!file || seen.has(id)) continue;
			seen.add(id);
			out.push(imFileOut(ctx, file, m.chatId));
		}
	}
	return out;
}

const noAccess = () => new RestError('ACCESS_ERROR', 'You do not have access to the specified dialog', 403);

/**
 * CIMRestService::diskFolderGet: DIALOG_ID when sent (format, then access 403, then an unresolvable chat 400), else
 * CHAT_ID (CHAT_ID_EMPTY, then access 403). The folder is created on first use.
 */
function folderGet(ctx) {
	const p = ctx.params;
	let chat;
	if (p.DIALOG_ID !== undefined && p.DIALOG_ID !== null) {
		chat = requireMember(readDialog(ctx).chat, ctx.userId);
	} else {
		const chatId = intval(p.CHAT_ID);
		if (chatId <= 0) throw new RestError('CHAT_ID_EMPTY', "Chat ID can't be empty");
		chat = ctx.state.chats[chatId];
		if (!chat || !st.isMember(chat, ctx.userId)) throw noAccess();
	}
	return { ID: chatFolder(ctx.state, chat).id };
}

/**
 * CIMRestService::diskFileCommit: DIALOG_ID (format) or CHAT_ID (CHAT_ID_EMPTY); the caller must be a member (400
 * ACCESS_ERROR); then FILE_ID, else DISK_ID (disk files copied into the chat folder), else UPLOAD_ID (files already
 * uploaded, e.g. into the chat folder) - one id or a list; none -> FILES_ERROR; no file readable -> SAVE_ERROR.
 * Answers { FILES: { "upload<id>" | "disk<id>": file }, DISK_ID: [...], MESSAGE_ID } and posts one message with the files.
 */
function fileCommit(ctx) {
	const p = ctx.params;
	let chatId = intval(p.CHAT_ID);
	if (p.DIALOG_ID !== undefined && p.DIALOG_ID !== null) {
		if (!st.isDialogId(p.DIALOG_ID)) throw dialogEmpty();
		const resolved = st.resolveDialog(ctx.state, ctx.userId, String(p.DIALOG_ID));
		chatId = resolved ? resolved.id : 0;
	}
	if (chatId <= 0) throw new RestError('CHAT_ID_EMPTY', "Chat ID can't be empty");
	const chat = ctx.state.chats[chatId];
	if (!chat || !st.isMember(chat, ctx.userId)) throw new RestError('ACCESS_ERROR', "You don't have access to this chat");
	const present = (v) => v !== undefined && v !== null;
	const asList = (v) => toList(v) || [v];
	let wanted = [];
	if (present(p.FILE_ID)) wanted = asList(p.FILE_ID).map((v) => `disk${v}`);
	else if (present(p.DISK_ID)) wanted = asList(p.DISK_ID).map((v) => `disk${v}`);
	else if (present(p.UPLOAD_ID)) wanted = asList(p.UPLOAD_ID).map((v) => `upload${v}`);
	wanted = [...new Set(wanted)];
	if (wanted.length === 0) throw new RestError('FILES_ERROR', 'List of files in not specified');
	const folder = chatFolder(ctx.state, chat);
	const result = { FILES: {}, DISK_ID: [], MESSAGE_ID: 0 };
	for (const key of wanted) {
		const source = ctx.state.disk.files[intval(key.replace(/^(upload|disk)/, ''))];
		if (!source || !canRead(ctx.state, source, ctx.userId)) {
			result.FILES[key] = { id: 0 };
			continue;
		}
		const file = key.startsWith('upload') ? source
			: storeFile(ctx.state, folder, source.name, Buffer.from(source.content, 'base64'), ctx.userId);
		result.FILES[key] = imFileOut(ctx, file, chat.id);
		result.DISK_ID.push(file.id);
	}
	if (result.DISK_ID.length === 0) throw new RestError('SAVE_ERROR', 'Error during saving file to chat');
	const text = typeof p.MESSAGE === 'string' ? p.MESSAGE.trim() : '';
	const msg = st.addMessage(ctx.state, chat, ctx.userId, text, { FILE_ID: result.DISK_ID.slice() });
	result.MESSAGE_ID = msg.id;
	return result;
}

function folderById(ctx) {
	const p = ctx.params;
	if (p.id === undefined || p.id === null || p.id === '' || intval(p.id) <= 0) {
		throw new RestError('ERROR_ARGUMENT', 'Invalid value of parameter {Parameter #0}');
	}
	const folder = ctx.state.disk.folders[intval(p.id)];
	if (!folder) throw new RestError('ERROR_NOT_FOUND', `Could not find entity with id \`${p.id}\``);
	const chat = ctx.state.chats[folder.chatId];
	if (!chat || !st.isMember(chat, ctx.userId)) throw new RestError('ACCESS_DENIED', 'Access denied', 403);
	return folder;
}

function uniqueName(state, folder, name) {
	const taken = new Set(Object.values(state.disk.files).filter((f) => f.folderId === folder.id).map((f) => f.name));
	if (!taken.has(name)) return name;
	const dot = name.lastIndexOf('.');
	const stem = dot > 0 ? name.slice(0, dot) : name;
	const ext = dot > 0 ? name.slice(dot) : '';
	for (let i = 1; ; i++) if (!taken.has(`${stem} (${i})${ext}`)) return `${stem} (${i})${ext}`;
}

/** disk.folder.uploadfile: id, data[NAME], fileContent [name, base64], generateUniqueName, rights. */
function uploadFile(ctx) {
	const p = ctx.params;
	const folder = folderById(ctx);
	if (p.fileContent === undefined || p.fileContent === null || p.fileContent === '') {
		return { field: 'file', uploadUrl: `${ctx.emu.baseUrl || ''}/rest/upload.json?token=disk%7C${folder.id}` };
	}
	const data = p.data && typeof p.data === 'object' ? p.data : {};
	let name = typeof data.NAME === 'string' ? data.NAME.trim() : '';
	if (name === '') throw new RestError('DISK_BASE_SERVICE_22001', 'Error: required parameter NAME (DISK_BASE_SERVICE_22001)');
	const file = restFile(p.fileContent);
	if (!file || !file.buf) throw new RestError('ERROR_COULD_NOT_SAVE_FILE', 'Could not save file');
	const unique = uniqueName(ctx.state, folder, name);
	if (unique !== name) {
		if (!phpBool(p.generateUniqueName)) {
			throw new RestError('DISK_OBJ_22000', `Can't create a new object with the name ${name}: an object with this name already exists`);
		}
		name = unique;
	}
	return diskFileOut(ctx, storeFile(ctx.state, folder, name, file.buf, ctx.userId));
}

function fileGet(ctx) {
	const p = ctx.params;
	if (p.id === undefined || intval(p.id) <= 0) throw new RestError('ERROR_ARGUMENT', 'Invalid value of parameter {Parameter #0}');
	const file = ctx.state.disk.files[intval(p.id)];
	if (!file) throw new RestError('ERROR_NOT_FOUND', `Could not find entity with id \`${p.id}\``);
	if (!canRead(ctx.state, file, ctx.userId)) throw new RestError('ACCESS_DENIED', 'Access denied', 403);
	return diskFileOut(ctx, file);
}

/** The file a token names: a lasting `disk|` token, or a one-time `im|` token (im.v2.File.download) of this caller. */
function fileOfToken(ctx, raw) {
	const oneTime = ctx.state.disk.links[raw];
	if (oneTime) {
		delete ctx.state.disk.links[raw];
		return oneTime.userId === ctx.userId ? ctx.state.disk.files[oneTime.fileId] : undefined;
	}
	const m = /^disk\|(.+)$/.exec(raw);
	const q = new URLSearchParams(m ? Buffer.from(m[1], 'base64').toString('utf8') : '');
	const file = ctx.state.disk.files[intval(q.get('id'))];
	return file && file.token === q.get('_') ? file : undefined;
}

/** The body of a download link: the file's bytes when the token names a file the caller can read. */
function download(ctx) {
	const file = fileOfToken(ctx, String(ctx.params.token || ''));
	if (!file || !canRead(ctx.state, file, ctx.userId)) {
		throw new RestError('ERROR_NOT_FOUND', 'File not found', 404);
	}
	return new RawBody(Buffer.from(file.content, 'base64'), MIME[extensionOf(file.name)] || 'application/octet-stream', file.name);
}

module.exports = {
	scope: 'im',
	upper: true,
	methods: {
		'im.disk.folder.get': folderGet,
		'im.disk.file.commit': fileCommit,
		'disk.folder.uploadfile': { fn: uploadFile, scope: 'disk', upper: false },
		'disk.file.get': { fn: fileGet, scope: 'disk', upper: false },
		download: { fn: download, scope: null, upper: false },
	},
	filesOfMessages, chatFolder, storeFile, canRead, imFileOut, linkUrl,
};
