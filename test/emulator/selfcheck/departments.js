'use strict';
/** im.department.*: departments, heads, employees, colleagues; intranet users only. */

module.exports = {
	title: 'Departments: im.department.get, .managers.get, .employees.get, .colleagues.list',
	async run(t) {
		const { assert, expectError } = t;
		const emu = await t.emulator();
		const { call, ok } = t.restClient(emu.webhooks.admin.url);
		const asUser2 = emu.webhooks.user2.url;

		await t.check('get: every department whatever ID asks for (the server ignores the filter); heads with USER_DATA=Y', async () => {
			const all = await ok('im.department.get', { ID: [3] });
			assert.deepEqual(all.map((d) => d.id), [1, 2, 3]);
			assert.deepEqual(all[2], { id: 3, name: 'Sales', full_name: 'Sales / Emulated Company', manager_user_id: 4 });
			const withHeads = await ok('im.department.get', { ID: '[2]', USER_DATA: 'Y' });
			assert.equal(withHeads[1].manager_user_data.id, 2);
			assert.equal(withHeads[1].manager_user_data.name, 'Bob Builder');
			expectError(await call('im.department.get', {}), 400, 'INVALID_FORMAT');
			expectError(await call('im.department.get', { ID: [0, -1] }), 400, 'INVALID_FORMAT');
			expectError(await call('im.department.get', { ID: 3 }), 400, 'INVALID_FORMAT');
		});
		await t.check('managers.get / employees.get: {department: [ids]} for the ones asked for; users with USER_DATA=Y', async () => {
			assert.deepEqual(await ok('im.department.managers.get', { ID: [3, 2] }), { 2: [2], 3: [4] });
			assert.deepEqual(await ok('im.department.employees.get', { ID: [2, 3] }), { 2: [2, 3], 3: [4, 5] });
			const users = await ok('im.department.employees.get', { ID: [2], USER_DATA: 'Y' });
			assert.deepEqual(users[2].map((u) => u.name), ['Bob Builder', 'Carol Clark']);
			assert.deepEqual(await ok('im.department.employees.get', { ID: [99] }), []);
			expectError(await call('im.department.managers.get', { ID: [] }), 400, 'ID_EMPTY');
			expectError(await call('im.department.employees.get', {}), 400, 'ID_EMPTY');
		});
		await t.check('colleagues.list: heads and employees of the own departments (all heads for a head), paged', async () => {
			const bob = await call('im.department.colleagues.list', {}, asUser2);
			assert.deepEqual(bob.body.result, [3, 1, 4], 'Bob heads Development: its employee, then every other head');
			const asUser5 = emu.addWebhook({ userId: 5 }).url;
			assert.deepEqual((await call('im.department.colleagues.list', {}, asUser5)).body.result, [4]);
			const alice = await call('im.department.colleagues.list', { LIMIT: 1 });
			assert.deepEqual(alice.body.result, [2]);
			assert.equal(alice.body.next, 1);
			assert.equal(alice.body.total, 2);
			const rest = await call('im.department.colleagues.list', { LIMIT: 1, OFFSET: 1, USER_DATA: 'Y' });
			assert.equal(rest.body.result[0].id, 4);
			assert.equal(rest.body.next, undefined);
		});
		await t.check('a bot is refused: 403 ACCESS_ERROR, checked first', async () => {
			const bot = emu.addWebhook({ userId: 6 }).url;
			expectError(await call('im.department.get', {}, bot), 403, 'ACCESS_ERROR');
			expectError(await call('im.department.colleagues.list', {}, bot), 403, 'ACCESS_ERROR');
		});
	},
};
