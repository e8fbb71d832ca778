'use strict';
/**
 * im.department.* (CIMRestService::department*, Bitrix\Im\Department): departments with their heads, their employees,
 * and a user's colleagues. state.departments[id] { id, name, parentId, headId }; a user's departments are user.departments.
 *
 * - Extranet users and bots: 403 ACCESS_ERROR "Only intranet users have access to this method.", checked first.
 * - ID: a list (or a JSON list as text) of department ids; none positive -> INVALID_FORMAT (get) or ID_EMPTY (heads,
 *   employees).
 * - im.department.get answers every department, whatever ID asks for: Department::getStructure ignores the filter
 *   (the docs promise only the ones asked for).
 * - managers.get / employees.get answer {departmentId: [user id, ...]} (user objects with USER_DATA=Y), leaving out the
 *   departments without a head or without employees; `[]` when none is left.
 * - colleagues.list: the heads and employees of the caller's departments, and every head when the caller heads one,
 *   the caller left out; OFFSET (or `start`) and LIMIT (default 10, at most 50), top-level next/total.
 */
const { RestError, NavResult, intval, phpMap, toList } = require('../errors');
const { userOut, offsetOf } = require('./common');

function requireIntranetUser(ctx) {
	const user = ctx.state.users[ctx.userId];
	if (!user || user.bot || user.extranet) throw new RestError('ACCESS_ERROR', 'Only intranet users have access to this method.', 403);
}

/** ID as CUtil::JsObjectToPhp + intval read it: the positive ids of a list or of a JSON list, without repeats. */
function idsOf(value) {
	let list = value;
	if (typeof value === 'string') {
		try {
			list = JSON.parse(value);
		} catch {
			list = null;
		}
	}
	return [...new Set((toList(list) || []).map(intval).filter((id) => id > 0))];
}

const departmentsOf = (state) => Object.values(state.departments).sort((a, b) => a.id - b.id);

const employeesOf = (state, departmentId) =>
	Object.values(state.users).filter((u) => u.departments.includes(departmentId)).map((u) => u.id).sort((a, b) => a - b);

function fullName(state, department) {
	const names = [];
	for (let d = department; d; d = state.departments[d.parentId]) names.push(d.name);
	return names.join(' / ');
}

/** A user id, or with USER_DATA=Y its user object (null for a user that does not exist). */
const withUserData = (ctx) => ctx.params.USER_DATA === 'Y';
const userOrId = (ctx, id) => (withUserData(ctx) ? (ctx.state.users[id] ? userOut(ctx.state.users[id]) : null) : id);

function departmentGet(ctx) {
	requireIntranetUser(ctx);
	if (idsOf(ctx.params.ID).length === 0) throw new RestError('INVALID_FORMAT', 'A wrong format for the ID field is passed');
	return departmentsOf(ctx.state).map((d) => Object.assign(
		{ id: d.id, name: d.name, full_name: fullName(ctx.state, d), manager_user_id: d.headId },
		withUserData(ctx) ? { manager_user_data: ctx.state.users[d.headId] ? userOut(ctx.state.users[d.headId]) : null } : {},
	));
}

/** managers.get and employees.get: {departmentId: [...]} for the departments asked for. */
function usersByDepartment(ctx, usersOf) {
	requireIntranetUser(ctx);
	const ids = idsOf(ctx.params.ID);
	if (ids.length === 0) throw new RestError('ID_EMPTY', "Department ID can't be empty");
	const out = {};
	for (const d of departmentsOf(ctx.state)) {
		const users = ids.includes(d.id) ? usersOf(d) : [];
		if (users.length) out[d.id] = users.map((id) => userOrId(ctx, id));
	}
	return phpMap(out);
}

function colleaguesList(ctx) {
	requireIntranetUser(ctx);
	const me = ctx.userId;
	const mine = departmentsOf(ctx.state).filter((d) => ctx.state.users[me].departments.includes(d.id));
	// Like the server's PHP array keyed by user id: a user listed again keeps the first place.
	const list = new Set();
	const add = (id) => id > 0 && id !== me && list.add(id);
	mine.forEach((d) => add(d.headId));
	mine.forEach((d) => employeesOf(ctx.state, d.id).forEach(add));
	if (departmentsOf(ctx.state).some((d) => d.headId === me)) departmentsOf(ctx.state).forEach((d) => add(d.headId));
	const all = [...list];
	const limit = ctx.params.LIMIT === undefined ? 10 : Math.max(0, Math.min(50, intval(ctx.params.LIMIT)));
	const offset = offsetOf(ctx);
	const page = all.slice(offset, offset + limit).map((id) => userOrId(ctx, id));
	return new NavResult(page, { next: offset + page.length < all.length ? offset + page.length : undefined, total: all.length });
}

module.exports = {
	scope: 'im',
	upper: true,
	methods: {
		'im.department.get': departmentGet,
		'im.department.managers.get': (ctx) => usersByDepartment(ctx, (d) => (d.headId > 0 ? [d.headId] : [])),
		'im.department.employees.get': (ctx) => usersByDepartment(ctx, (d) => employeesOf(ctx.state, d.id)),
		'im.department.colleagues.list': colleaguesList,
		'im.department.colleagues.get': colleaguesList,
	},
};
