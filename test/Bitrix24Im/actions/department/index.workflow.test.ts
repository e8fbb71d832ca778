jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { emulatorRunner, useEmulator } from '../../../helpers/emulator';

const emulator = useEmulator();
const run = emulatorRunner(emulator, { resource: 'department' });
const json = (output: Array<{ json: Record<string, unknown> }>) => output.map((item) => item.json);

describe('Department → Get', () => {
	it('outputs the departments asked for, one item each, though Bitrix24 answers all of them', async () => {
		const { output, error } = await run([{}], { operation: 'get', departmentIds: '3, 2' });
		expect(error).toBeUndefined();
		expect(json(output)).toEqual([
			{ id: 2, name: 'Development', full_name: 'Development / Emulated Company', manager_user_id: 2 },
			{ id: 3, name: 'Sales', full_name: 'Sales / Emulated Company', manager_user_id: 4 },
		]);
	});

	it('adds the head\'s user data when asked, and batches the items', async () => {
		emulator().clearLog();
		const { output } = await run([{ id: 1 }, { id: 3 }], { operation: 'get', departmentIds: '={{ $json.id }}', userData: true });
		expect(json(output).map((d) => [d.id, (d.manager_user_data as { name: string }).name])).toEqual([[1, 'Alice Admin'], [3, 'Dan Dawson']]);
		expect(emulator().log.map(({ method }) => method)).toEqual(['batch']);
	});
});

describe('Department → Get Employees / Get Managers', () => {
	it('outputs one item per employee and department, with user data or only the IDs', async () => {
		const users = await run([{}], { operation: 'getEmployees', departmentIds: '2, 3' });
		expect(json(users.output).map((u) => [u.departmentId, u.id, u.name])).toEqual([
			[2, 2, 'Bob Builder'],
			[2, 3, 'Carol Clark'],
			[3, 4, 'Dan Dawson'],
			[3, 5, 'Eve Evans'],
		]);
		const ids = await run([{}], { operation: 'getManagers', departmentIds: '3, 2', userData: false });
		expect(json(ids.output)).toEqual([{ departmentId: 3, id: 4 }, { departmentId: 2, id: 2 }]);
	});

	it('outputs nothing for a department without employees', async () => {
		const { output, error } = await run([{}], { operation: 'getEmployees', departmentIds: '99' });
		expect(error).toBeUndefined();
		expect(output).toEqual([]);
	});
});

describe('Department → Get Colleagues', () => {
	it('walks the OFFSET pages with Return All, and stops at a Limit', async () => {
		const asBob = emulator().addWebhook({ userId: 2, scopes: ['im'] }).url;
		const mine = await run([{}], { operation: 'getColleagues', returnAll: true }, { webhookUrl: asBob });
		expect(mine.error).toBeUndefined();
		expect(json(mine.output).map((u) => u.id)).toEqual([3, 1, 4]);

		// 60 more developers: Bob's colleagues fill two pages of 50.
		const { users } = (emulator() as unknown as { state: { users: Record<number, Record<string, unknown>> } }).state;
		for (let id = 100; id < 160; id++) users[id] = { ...users[3], id, firstName: `Dev${id}`, departments: [2] };
		emulator().clearLog();
		const all = await run([{}], { operation: 'getColleagues', returnAll: true }, { webhookUrl: asBob });
		expect(json(all.output).map((u) => u.id)).toEqual([3, ...Array.from({ length: 60 }, (_, i) => 100 + i), 1, 4]);
		expect(emulator().log.map(({ params }) => [params?.OFFSET, params?.LIMIT])).toEqual([[0, 50], [50, 50]]);
		emulator().clearLog();
		const few = await run([{}], { operation: 'getColleagues', returnAll: false, limit: 2, userData: false }, { webhookUrl: asBob });
		expect(json(few.output)).toEqual([{ id: 3 }, { id: 100 }]);
		expect(emulator().log.map(({ params }) => [params?.OFFSET, params?.LIMIT])).toEqual([[0, 2]]);
	});

	it('reports Bitrix24\'s refusal for a bot (only intranet users may)', async () => {
		const bot = emulator().addWebhook({ userId: 6, scopes: ['im'] }).url;
		const { output } = await run([{}], { operation: 'getColleagues', returnAll: true }, { webhookUrl: bot, continueOnFail: true });
		expect(output[0].json).toMatchObject({
			code: 'ACCESS_ERROR',
			httpStatus: 403,
			error: 'Bitrix24 im.department.colleagues.list: Only intranet users have access to this method. [ACCESS_ERROR]',
		});
	});
});
