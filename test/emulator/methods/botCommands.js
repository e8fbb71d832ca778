'use strict';
/**
 * imbot.v2 commands (b24restdocs imbot.v2/commands/*.md): Command.register, update, list, unregister, answer.
 *
 * - register: `fields` (the flat top-level form still works while `fields` is absent). COMMAND_REQUIRED,
 *   COMMAND_NAME_INVALID (not a string), COMMAND_TITLE_REQUIRED (a visible command without a title); a leading `/`
 *   is dropped and names compare case-insensitively. Documented idempotent: the bot's existing command comes back
 *   unchanged. Answers {command: {id, botId, command: "/name", common, hidden, extranetSupport}}.
 * - update: COMMAND_NOT_FOUND (not this bot's), COMMAND_NAME_EMPTY, COMMAND_NAME_INVALID, COMMAND_ALREADY_EXISTS;
 *   a title language set to null is removed.
 * - list: {commands: [...]}, with title and params as strings in the portal's language (en) and category (the bot's name).
 * - answer: commandId of this bot, messageId and dialogId of the message the command was used on, `fields` like
 *   Chat.Message.send. The answer posts as the bot where it is a member; elsewhere (a common command) the
 *   messageId + commandId pair gives access and it posts as a system message naming the bot. Anything that does not
 *   fit (another bot's command, a message the command was not used on, another dialog, nothing to say) is
 *   COMMAND_ANSWER_FAILED. Answers {result: true}, no message id.
 */
const { intval } = require('../errors');
const st = require('../state');
const { userName } = require('./common');
const { content } = require('./botMessages');
const botEvents = require('./botEvents');
const core = require('./botCore');

const { fail, object } = core;

const commandsOf = (ctx) => object(ctx.params.fields);

function nameOf(value) {
	if (value !== undefined && value !== null && typeof value !== 'string') throw fail('COMMAND_NAME_INVALID', 'Command name is invalid');
	return typeof value === 'string' ? value.trim().replace(/^\/+/, '').toLowerCase() : '';
}

/** {lang: text} with string values (a string alone is English). */
function texts(value) {
	if (typeof value === 'string') return value.trim() ? { en: value.trim() } : {};
	const out = {};
	for (const [lang, text] of Object.entries(object(value))) if (typeof text === 'string' && text.trim()) out[lang] = text.trim();
	return out;
}

function commandOut(command) {
	return { id: command.id, botId: command.botId, command: `/${command.command}`, common: command.common,
		hidden: command.hidden, extranetSupport: command.extranetSupport };
}

function register(ctx) {
	const state = ctx.state;
	const bot = core.requireBot(ctx);
	const fields = ctx.params.fields === undefined ? ctx.params : commandsOf(ctx);
	if (fields.command === undefined || fields.command === null || fields.command === '') throw fail('COMMAND_REQUIRED', 'Command is required');
	const name = nameOf(fields.command);
	if (name === '') throw fail('COMMAND_REQUIRED', 'Command is required');
	const hidden = core.bool(fields.hidden, false);
	const titles = texts(fields.title);
	if (!hidden && Object.keys(titles).length === 0) throw fail('COMMAND_TITLE_REQUIRED', 'Command title is required');
	const existing = bot.commands.find((c) => c.command === name);
	if (existing) return { command: commandOut(existing) };
	state.seq.command = Math.max(state.seq.command || 0, 100) + 1;
	const command = { id: state.seq.command, botId: bot.id, command: name, titles, hints: texts(fields.params),
		common: core.bool(fields.common, false), hidden, extranetSupport: core.bool(fields.extranetSupport, false) };
	bot.commands.push(command);
	return { command: commandOut(command) };
}

function ownCommand(ctx, bot) {
	const command = bot.commands.find((c) => c.id === intval(ctx.params.commandId));
	if (!command) throw fail('COMMAND_NOT_FOUND', 'Command not found');
	return command;
}

function update(ctx) {
	const bot = core.requireBot(ctx);
	const command = ownCommand(ctx, bot);
	const fields = commandsOf(ctx);
	let name = command.command;
	if (fields.command !== undefined) {
		name = nameOf(fields.command);
		if (name === '') throw fail('COMMAND_NAME_EMPTY', 'Command name is empty');
		if (bot.commands.some((c) => c !== command && c.command === name)) throw fail('COMMAND_ALREADY_EXISTS', 'Command already exists');
	}
	command.command = name;
	for (const [lang, text] of Object.entries(object(fields.title))) {
		if (text === null) delete command.titles[lang];
		else if (typeof text === 'string' && text.trim()) command.titles[lang] = text.trim();
	}
	for (const [lang, text] of Object.entries(texts(fields.params))) if (command.titles[lang]) command.hints[lang] = text;
	for (const flag of ['common', 'hidden', 'extranetSupport']) command[flag] = core.bool(fields[flag], command[flag]);
	return { command: commandOut(command) };
}

function list(ctx) {
	const bot = core.requireBot(ctx);
	const category = userName(ctx.state.users[bot.id]);
	const inEnglish = (byLang) => byLang.en || Object.values(byLang)[0] || '';
	return { commands: bot.commands.map((c) => Object.assign(commandOut(c),
		{ title: inEnglish(c.titles), params: inEnglish(c.hints), category, context: '' })) };
}

function unregister(ctx) {
	const bot = core.requireBot(ctx);
	const command = ownCommand(ctx, bot);
	bot.commands.splice(bot.commands.indexOf(command), 1);
	return { result: true };
}

function answer(ctx) {
	const state = ctx.state;
	const bot = core.requireBot(ctx);
	const failed = () => fail('COMMAND_ANSWER_FAILED', 'Command answer failed');
	const command = bot.commands.find((c) => c.id === intval(ctx.params.commandId));
	const msg = state.messages[intval(ctx.params.messageId)];
	if (!command || !msg || !botEvents.commandUsedOn(state, bot.id, command.id, msg.id)) throw failed();
	const chat = state.chats[msg.chatId];
	const dialog = String(ctx.params.dialogId === undefined ? '' : ctx.params.dialogId).trim();
	const sameDialog = dialog === st.dialogIdFor(chat, bot.id);
	const fields = object(ctx.params.fields);
	const { text, attach, params } = content(fields, bot.id);
	if (!sameDialog || (!text && attach === undefined)) throw failed();
	const member = st.isMember(chat, bot.id);
	const system = core.bool(fields.system, false) || !member;
	Object.assign(params, { COMMAND: `/${command.command}`, COMMAND_MESSAGE_ID: msg.id });
	const body = member ? text || '' : `[b]${userName(state.users[bot.id])}[/b]: ${text || ''}`;
	st.addMessage(state, chat, system ? 0 : bot.id, body, params);
	return { result: true };
}

module.exports = {
	scope: 'imbot',
	upper: false,
	methods: {
		'imbot.v2.command.register': register,
		'imbot.v2.command.update': update,
		'imbot.v2.command.list': list,
		'imbot.v2.command.unregister': unregister,
		'imbot.v2.command.answer': answer,
	},
};
