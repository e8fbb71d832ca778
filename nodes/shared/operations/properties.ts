import type { INodeProperties } from 'n8n-workflow';

import { authenticationField, booleanField } from '../fields';
import type { OperationDescription, ResourceDescription } from './kinds';

const simplify = booleanField(
	'Simplify',
	'simplify',
	'Whether to return a simplified version of the response instead of the raw data',
	true,
);

const returnAll = booleanField('Return All', 'returnAll', 'Whether to return all results or only up to a given limit');

const limit: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

/** An operation's own fields plus the ones its kind brings: Return All and Limit for lists, Simplify for shaped answers. */
export function operationFields(operation: OperationDescription): INodeProperties[] {
	if (operation.kind === 'list') return [...operation.fields, returnAll, limit];
	return operation.shape ? [...operation.fields, simplify] : operation.fields;
}

function showFor(resource: string, operation: string, property: INodeProperties): INodeProperties {
	const show = property.displayOptions?.show ?? {};
	return {
		...property,
		displayOptions: { ...property.displayOptions, show: { ...show, resource: [resource], operation: [operation] } },
	};
}

/** The editor's Authentication, Resource and Operation selectors and every operation's fields, from the registry. */
export function buildProperties(resources: ResourceDescription[]): INodeProperties[] {
	const defaultResource = resources[0].value;
	const resourceSelector: INodeProperties = {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources.map(({ name, value }) => ({ name, value })),
		default: defaultResource,
	};
	const operationSelectors: INodeProperties[] = resources.map((resource) => {
		const defaultOperation = resource.operations[0].value;
		return {
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value] } },
			options: resource.operations
				.map(({ name, value, action, description }) => ({ name, value, action, description }))
				.sort((a, b) => a.name.localeCompare(b.name)),
			default: defaultOperation,
		};
	});
	const fields = resources.flatMap((resource) =>
		resource.operations.flatMap((operation) =>
			operationFields(operation).map((property) => showFor(resource.value, operation.value, property)),
		),
	);
	return [authenticationField(), resourceSelector, ...operationSelectors, ...fields];
}
