'use strict';
/**
 * imbot.v2.Bot.register / update / get / list / unregister and imbot.v2.Revision.get (b24restdocs
 * imbot.v2/bots/*.md, revision-get.md).
 *
 * - register: `fields.botToken` for a webhook (not the top level), at most 40 characters (BOT_TOKEN_INVALID_LENGTH,
 *   in force since 06.08.2026). Idempotent by `fields.code`: the same code from the same application answers the
 *   existing bot and ignores the new data; a code held by another application is BOT_CODE_ALREADY_TAKEN (codes are
 *   unique in the portal). A token that already belongs to another bot is BOT_REGISTER_FAILED (generic, like
 *   rotation). At most 100 bots per application.
 * - update: `fields.botToken` rotates the token; the old one is refused at once (BOT_OWNERSHIP_ERROR); a blank new
 *   token is ignored, the bot's current token changes nothing, another bot's token is BOT_TOKEN_ROTATION_FAILED.
 *   Everything is checked before anything changes.
 * - get: by `botId` or `code` (PARAMS_REQUIRED); the owner sees the extended bot, others the brief one.
 * - list: the caller's bots (`filter.type`, `limit` default 50, `offset`), with `hasNextPage`.
 * - unregister: the bot is gone for every method; its queue keeps ONIMBOTV2DELETE as the last event (botEvents.js).
 */
const { intval } = require('../errors');
const { decodeBase64, imageInfo } = require('./fileData');
const { userV2 } = require('./v2objects');
const core = require('./botCore');
const botEvents = require('./botEvents');

const { fail, bool, tokenOf, object } = core;

const TYPES = ['bot', 'network', 'openline', 'supervisor', 'personal'];
const EVENT_MODES = ['fetch', 'webhook'];
const BACKGROUNDS = ['azure', 'mint', 'steel', 'slate', 'teal', 'cornflower', 'sky', 'peach', 'frost'];
const COLORS = ['red', 'green', 'mint', 'lightBlue', 'darkBlue', 'purple', 'aqua', 'pink', 'lime', 'brown', 'azure',
	'khaki', 'sand', 'marengo', 'gray', 'graphite'];
const MAX_TOKEN_LENGTH = 40;
const MAX_BOTS = 100;
const REVISION = { rest: 36, web: 130, mobile: 23, desktop: 6 };

const text = (value) => (typeof value === 'string' ? value.trim() : '');

function checkToken(token) {
	if (token.length > MAX_TOKEN_LENGTH) {
		throw fail('BOT_TOKEN_INVALID_LENGTH', `Bot token must not be longer than ${MAX_TOKEN_LENGTH} characters`);
	}
}

function tokenTaken(state, token, except) {
	return core.v2Bots(state).some((bot) => bot !== except && !bot.deleted && bot.owner === `token:${token}`);
}

/** eventMode and webhookUrl of register/update; `current` is the mode kept when none is sent. */
function checkEventMode(fields, current) {
	const mode = fields.eventMode === undefined || fields.eventMode === null || fields.eventMode === '' ? current : String(fields.eventMode);
	if (!EVENT_MODES.includes(mode)) throw fail('BOT_INVALID_EVENT_MODE', 'Invalid event mode');
	const url = text(fields.webhookUrl);
	if (url !== '' && !/^https?:\/\/[^\s/?#]+/i.test(url)) throw fail('BOT_INVALID_CALLBACK', 'Invalid callback URL');
	return { mode, url };
}

/** The avatar's image (Base64 without a data: prefix), or undefined when none is sent. */
function checkAvatar(value) {
	if (value === undefined || value === null || value === '') return undefined;
	const buf = typeof value === 'string' && !/^data:/i.test(value) ? decodeBase64(value) : null;
	const img = buf ? imageInfo(buf) : null;
	if (!img) throw fail('BOT_AVATAR_INCORRECT_TYPE', 'Avatar must be an image');
	if (img.width > 5000 || img.height > 5000) throw fail('BOT_AVATAR_INCORRECT_SIZE', 'Avatar exceeds maximum size');
	return img;
}

/** The bot user's profile from `properties` (an unknown colour is left as it was). */
function applyProperties(ctx, user, props, img) {
	for (const [key, field] of [['name', 'firstName'], ['lastName', 'lastName'], ['workPosition', 'workPosition']]) {
		if (typeof props[key] === 'string') user[field] = props[key].trim();
	}
	if (COLORS.includes(props.color)) user.color = props.color;
	if (props.gender === 'M' || props.gender === 'F') user.gender = props.gender;
	if (img) user.avatar = `${ctx.emu.baseUrl || ''}/upload/im/avatar/bot${user.id}_${Date.now()}.${img.type === 'jpeg' ? 'jpg' : img.type}`;
}

function background(value, current) {
	if (value === undefined) return current;
	return BACKGROUNDS.includes(value) ? value : null;
}

function register(ctx) {
	const state = ctx.state;
	const fields = object(ctx.params.fields);
	const owner = core.callerApp(ctx, fields.botToken);
	if (ctx.auth.type === 'webhook') checkToken(fields.botToken);
	const code = text(fields.code);
	if (code === '') throw fail('BOT_CODE_REQUIRED', 'Bot code is required');
	const existing = core.liveBots(state).find((bot) => bot.code === code);
	if (existing && existing.owner === owner) return core.botAnswer(state, existing);
	if (existing) throw fail('BOT_CODE_ALREADY_TAKEN', 'Bot code is already taken');
	const props = object(fields.properties);
	if (text(props.name) === '') throw fail('BOT_PROPERTIES_REQUIRED', 'Bot properties are required');
	const type = fields.type === undefined || fields.type === '' ? 'bot' : String(fields.type);
	if (!TYPES.includes(type)) throw fail('BOT_INVALID_TYPE', `Invalid bot type. Allowed values: ${TYPES.join(', ')}`);
	const events = checkEventMode(fields, 'fetch');
	if (events.mode === 'webhook' && events.url === '') throw fail('BOT_WEBHOOK_URL_REQUIRED', 'Webhook URL is required');
	const img = checkAvatar(props.avatar);
	if (ctx.auth.type === 'webhook' && tokenTaken(state, fields.botToken)) throw fail('BOT_REGISTER_FAILED', 'Bot registration failed');
	if (core.liveBots(state).filter((bot) => bot.owner === owner).length >= MAX_BOTS) throw fail('BOT_LIMIT_EXCEEDED', 'Bot limit exceeded');

	state.seq.user = Math.max(state.seq.user || 0, ...Object.keys(state.users).map(Number)) + 1;
	const id = state.seq.user;
	const user = { id, active: true, firstName: '', lastName: '', workPosition: '', gender: 'M', admin: false, email: '',
		color: COLORS[id % COLORS.length], status: 'online', departments: [], lastActivityDate: false, bot: true };
	applyProperties(ctx, user, props, img);
	state.users[id] = user;
	state.bots[id] = { id, version: 2, code, type, owner, eventMode: events.mode, webhookUrl: events.url,
		isHidden: bool(fields.isHidden, false), isReactionsEnabled: bool(fields.isReactionsEnabled, true),
		isSupportOpenline: bool(fields.isSupportOpenline, false), backgroundId: background(fields.backgroundId, null),
		commands: [], deleted: false };
	return core.botAnswer(state, state.bots[id]);
}

function update(ctx) {
	const state = ctx.state;
	const bot = core.requireBot(ctx);
	const fields = object(ctx.params.fields);
	const props = object(fields.properties);
	const events = checkEventMode(fields, bot.eventMode);
	if (events.mode === 'webhook' && events.url === '' && !bot.webhookUrl) throw fail('BOT_WEBHOOK_URL_REQUIRED', 'Webhook URL is required');
	const img = checkAvatar(props.avatar);
	const newToken = ctx.auth.type === 'webhook' ? tokenOf(fields.botToken) : null;
	if (newToken) checkToken(newToken);
	if (newToken && tokenTaken(state, newToken, bot)) throw fail('BOT_TOKEN_ROTATION_FAILED', 'Bot token rotation failed');

	applyProperties(ctx, state.users[bot.id], props, img);
	bot.eventMode = events.mode;
	if (events.url !== '') bot.webhookUrl = events.url;
	for (const flag of ['isHidden', 'isReactionsEnabled', 'isSupportOpenline']) bot[flag] = bool(fields[flag], bot[flag]);
	bot.backgroundId = background(fields.backgroundId, bot.backgroundId);
	if (newToken) bot.owner = `token:${newToken}`;
	return core.botAnswer(state, bot);
}

function get(ctx) {
	const p = ctx.params;
	const app = core.callerApp(ctx, p.botToken);
	const botId = intval(p.botId);
	const code = text(p.code);
	if (botId <= 0 && code === '') throw fail('PARAMS_REQUIRED', 'Required parameters are missing');
	const bot = core.liveBots(ctx.state).find((entry) => (botId > 0 ? entry.id === botId : entry.code === code));
	if (!bot) throw fail('BOT_NOT_FOUND', 'Bot not found');
	if (bot.owner === app) return core.botAnswer(ctx.state, bot);
	return { bot: core.botBrief(bot), users: [userV2(ctx.state, bot.id)] };
}

function list(ctx) {
	const p = ctx.params;
	const app = core.callerApp(ctx, p.botToken);
	const type = text(object(p.filter).type);
	const limit = intval(p.limit) > 0 ? intval(p.limit) : 50;
	const offset = Math.max(0, intval(p.offset));
	const mine = core.liveBots(ctx.state).filter((bot) => bot.owner === app && (type === '' || bot.type === type));
	const pageOf = mine.slice(offset, offset + limit);
	return {
		bots: pageOf.map((bot) => core.botOut(ctx.state, bot)),
		users: pageOf.map((bot) => userV2(ctx.state, bot.id)),
		hasNextPage: mine.length > offset + limit,
	};
}

function unregister(ctx) {
	const state = ctx.state;
	const bot = core.requireBot(ctx);
	const last = core.botOut(state, bot);
	bot.deleted = true;
	state.users[bot.id].active = false;
	for (const chat of Object.values(state.chats)) chat.users = chat.users.filter((u) => u !== bot.id);
	botEvents.botDeleted(state, bot, last);
	return { result: true };
}

module.exports = {
	scope: 'imbot',
	upper: false,
	methods: {
		'imbot.v2.bot.register': register,
		'imbot.v2.bot.update': update,
		'imbot.v2.bot.get': get,
		'imbot.v2.bot.list': list,
		'imbot.v2.bot.unregister': unregister,
		'imbot.v2.revision.get': () => Object.assign({}, REVISION),
	},
	COLORS,
};
