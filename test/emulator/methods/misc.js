'use strict';
/** Global methods (server.time, profile, scope, methods, user.current) and im.counters.get / im.revision.get. */
const { phpMap, phpBool, isoDate } = require('../errors');
const st = require('../state');

function counters(ctx) {
	const c = st.counters(ctx.state, ctx.userId);
	const messenger = c.chatTotal + c.dialogTotal;
	return {
		TYPE: { ALL: messenger + c.notify, NOTIFY: c.notify, CHAT: c.chatTotal, LINES: 0, DIALOG: c.dialogTotal, MESSENGER: messenger },
		CHAT: phpMap(c.CHAT), CHAT_MUTED: phpMap(c.CHAT_MUTED), CHAT_UNREAD: c.CHAT_UNREAD, LINES: phpMap(c.LINES),
		DIALOG: phpMap(c.DIALOG), DIALOG_UNREAD: c.DIALOG_UNREAD,
	};
}

function revision(ctx) {
	const r = ctx.state.revision;
	return { rest: r.rest, web: r.web, mobile: r.mobile, desktop: r.desktop, im_revision_mobile: r.mobile };
}

function profile(ctx) {
	const u = ctx.state.users[ctx.userId];
	return { ID: String(u.id), ADMIN: u.admin, NAME: u.firstName, LAST_NAME: u.lastName, PERSONAL_GENDER: u.gender,
		PERSONAL_PHOTO: '', TIME_ZONE: '', TIME_ZONE_OFFSET: 0 };
}

function userCurrent(ctx) {
	const u = ctx.state.users[ctx.userId];
	return { ID: String(u.id), XML_ID: '', ACTIVE: u.active, NAME: u.firstName, LAST_NAME: u.lastName, SECOND_NAME: '',
		EMAIL: u.email, WORK_POSITION: u.workPosition, PERSONAL_GENDER: u.gender, UF_DEPARTMENT: u.departments.slice(),
		IS_ONLINE: u.status === 'online' ? 'Y' : 'N', USER_TYPE: 'employee' };
}

function scope(ctx) {
	if (phpBool(ctx.params.full)) return [...new Set([...ctx.emu.methods.values()].map((d) => d.scope).filter(Boolean))];
	return ctx.auth.scopes.slice();
}

function methods(ctx) {
	const full = phpBool(ctx.params.full);
	return [...ctx.emu.methods.entries()].filter(([, d]) => full || !d.scope || ctx.auth.scopes.includes(d.scope))
		.map(([name]) => name);
}

module.exports = {
	scope: null,
	upper: false,
	methods: {
		'server.time': () => isoDate(Date.now()),
		profile,
		scope,
		methods,
		'user.current': { fn: userCurrent, scope: 'user' },
		'im.counters.get': { fn: counters, scope: 'im' },
		'im.revision.get': { fn: revision, scope: 'im' },
	},
};
