import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { booleanField } from '../../../shared/fields';
import { list, offsetPaging, singleCall } from '../../../shared/operations';
import type { ItemReader, ResourceDescription, Shape } from '../../../shared/operations';
import { asObject } from '../../../shared/values';

/**
 * The company structure as the messenger sees it (im.department.*): departments, their heads and employees, and the
 * credential's user's colleagues. Bitrix24 refuses these methods to extranet users and bots (403 ACCESS_ERROR).
 */

const departmentIdsField: INodeProperties = {
	displayName: 'Department IDs',
	name: 'departmentIds',
	type: 'string',
	required: true,
	default: '',
	placeholder: '1, 7',
	description: 'The departments, separated by commas (e.g. 1, 7), or an array from an expression',
};

const userDataField = (description: string, defaultValue: boolean) =>
	booleanField('Include User Data', 'userData', description, defaultValue);

const departmentParams = (read: ItemReader): IDataObject => ({
	ID: read.positiveIntegers('departmentIds'),
	USER_DATA: read.flag('userData', true),
});

/** A user as an item: the user object Bitrix24 sent with USER_DATA=Y, or only its ID. */
const userItem = (user: unknown): IDataObject => (typeof user === 'object' && user !== null ? (user as IDataObject) : { id: user as number });

/** `{departmentId: [user or user ID, ...]}` as one item per user and department, in the order of the IDs asked for. */
const usersByDepartment: Shape = ({ result }, params) => {
	const byDepartment = asObject(result);
	return (params.ID as number[]).flatMap((departmentId) => {
		const users = byDepartment[String(departmentId)];
		return (Array.isArray(users) ? users : []).map((user) => ({ departmentId, ...userItem(user) }));
	});
};

export const department: ResourceDescription = {
	value: 'department',
	name: 'Department',
	operations: [
		singleCall({
			value: 'get',
			name: 'Get',
			action: 'Get departments',
			description: 'Get departments by ID: name, full name and head, one item per department',
			method: 'im.department.get',
			fields: [
				departmentIdsField,
				userDataField('Whether to add the head\'s user data (manager_user_data) to each department', false),
			],
			toParams: (read) => ({ ID: read.positiveIntegers('departmentIds'), USER_DATA: read.flag('userData', false) }),
			// The docs promise the departments asked for; the server's Department::getStructure ignores the ID filter and
			// answers every department, so the answer is narrowed to the IDs asked for here.
			shape: ({ result }, params) => {
				const wanted = new Set((params.ID as number[]).map(String));
				return (Array.isArray(result) ? (result as IDataObject[]) : []).filter(({ id }) => wanted.has(String(id)));
			},
		}),
		singleCall({
			value: 'getEmployees',
			name: 'Get Employees',
			action: 'Get the employees of departments',
			description: 'List the employees of departments, one item per employee and department',
			method: 'im.department.employees.get',
			fields: [departmentIdsField, userDataField('Whether to output each employee\'s user data (off: only the user ID)', true)],
			toParams: departmentParams,
			shape: usersByDepartment,
		}),
		singleCall({
			value: 'getManagers',
			name: 'Get Managers',
			action: 'Get the heads of departments',
			description: 'List the heads of departments, one item per head and department',
			method: 'im.department.managers.get',
			fields: [departmentIdsField, userDataField('Whether to output each head\'s user data (off: only the user ID)', true)],
			toParams: departmentParams,
			shape: usersByDepartment,
		}),
		list({
			value: 'getColleagues',
			name: 'Get Colleagues',
			action: 'Get the colleagues of the user',
			description:
				'List the credential\'s user\'s colleagues (the heads and employees of their departments; for a department head, also every other head), one item per user',
			method: 'im.department.colleagues.list',
			fields: [userDataField('Whether to output each colleague\'s user data (off: only the user ID)', true)],
			toParams: (read) => ({ USER_DATA: read.flag('userData', true), OFFSET: 0 }),
			paging: offsetPaging(50, ({ result }) => (Array.isArray(result) ? result.map(userItem) : [])),
		}),
	],
};
