import { department } from '../../../../nodes/Bitrix24Im/actions/department';
import { listOf, sendingTraits } from '../../../helpers/operationRequest';
import { ok, refusalCases, requestCases, shapeCases } from '../../../helpers/operationTables';

const head = { id: 2, name: 'Bob Builder' };

describe('department requests', () => {
	requestCases('department', '%s → %s %j', [
		['get', 'im.department.get', { departmentIds: '3, 002' }, { ID: [3, 2], USER_DATA: 'N' }],
		['get', 'im.department.get', { departmentIds: [7], userData: true }, { ID: [7], USER_DATA: 'Y' }],
		['getEmployees', 'im.department.employees.get', { departmentIds: '2' }, { ID: [2], USER_DATA: 'Y' }],
		['getManagers', 'im.department.managers.get', { departmentIds: '2,3', userData: false }, { ID: [2, 3], USER_DATA: 'N' }],
		['getColleagues', 'im.department.colleagues.list', {}, { USER_DATA: 'Y', OFFSET: 0 }],
		['getColleagues', 'im.department.colleagues.list', { userData: false }, { USER_DATA: 'N', OFFSET: 0 }],
	]);

	refusalCases('department', [
		['get', { departmentIds: '' }, 'Item 0: Department IDs "" is not valid: it must be one or more whole numbers greater than 0'],
		['getEmployees', { departmentIds: '2, x' }, 'Item 0: Department IDs "2, x" is not valid'],
	]);
});

describe('department answers', () => {
	shapeCases('department', [
		// Bitrix24 answers every department, whatever ID asked for: only the ones asked for come out.
		['get', [{ id: 1, name: 'Company' }, { id: 2, name: 'Development' }, { id: 3, name: 'Sales' }], { ID: [3, 2] },
			[{ id: 2, name: 'Development' }, { id: 3, name: 'Sales' }]],
		['get', [], { ID: [3] }, []],
		['getEmployees', { 2: [2, 3], 3: [4, 5] }, { ID: [3, 2] },
			[{ departmentId: 3, id: 4 }, { departmentId: 3, id: 5 }, { departmentId: 2, id: 2 }, { departmentId: 2, id: 3 }]],
		['getEmployees', { 2: [head] }, { ID: [2, 9] }, [{ departmentId: 2, ...head }]],
		['getManagers', [], { ID: [9] }, []],
		['getManagers', { 2: [head] }, { ID: [2] }, [{ departmentId: 2, ...head }]],
	]);

	it('lists colleagues by OFFSET pages of 50, as users or as their IDs', () => {
		const paging = listOf('department', 'getColleagues').paging;
		expect(paging.pageSize).toEqual({ param: 'LIMIT', max: 50 });
		expect(paging.records(ok([9, 547]))).toEqual([{ id: 9 }, { id: 547 }]);
		expect(paging.records(ok([head]))).toEqual([head]);
		expect(paging.records(ok(null))).toEqual([]);
		expect(paging.nextPage(ok([9], { next: 50, total: 60 }), { USER_DATA: 'N', OFFSET: 0 }, [{ id: 9 }])).toEqual({ USER_DATA: 'N', OFFSET: 50 });
		expect(paging.nextPage(ok([9], { total: 60 }), { OFFSET: 50 }, [{ id: 9 }])).toBeUndefined();
	});

	it('reads without side effects: every operation is safe to repeat; the three lookups go in batches', () => {
		expect(department.operations.map((op) => [op.value, sendingTraits(op)])).toEqual([
			['get', { retrySafe: true, batchable: true }],
			['getEmployees', { retrySafe: true, batchable: true }],
			['getManagers', { retrySafe: true, batchable: true }],
			['getColleagues', { retrySafe: true, batchable: false }],
		]);
	});
});
