import type { INodeProperties } from 'n8n-workflow';

import { authenticationField, booleanField } from '../fields';
import { CUSTOM_API_CALL_NAME } from './customApiCall';
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

function showFor(resourceValues: string[], operation: string, property: INodeProperties): INodeProperties {
	const show = property.displayOptions?.show ?? {};
	return {
		...property,
		displayOptions: { ...property.displayOptions, show: { ...show, resource: resourceValues, operation: [operation] } },
	};
}

/** Each operation with the resources that list it (one operation object may serve several, like Custom API Call). */
function resourcesByOperation(resources: ResourceDescription[]): Map<OperationDescription, ResourceDescription[]> {
	const owners = new Map<OperationDescription, ResourceDescription[]>();
	for (const resource of resources) {
		for (const operation of resource.operations) owners.set(operation, [...(owners.get(operation) ?? []), resource]);
	}
	return owners;
}

/** Operations by name, as n8n's linter wants, but Custom API Call last, where n8n looks for it. */
function byName(a: { name: string }, b: { name: string }): number {
	const last = (entry: { name: string }) => (entry.name === CUSTOM_API_CALL_NAME ? 1 : 0);
	return last(a) - last(b) || a.name.localeCompare(b.name);
}

/**
 * The canvas subtitle: what the Resource and Operation dropdowns show ("Mark Unread: Dialog"), looked up in the
 * expression itself; an operation every resource lists shows its own name alone.
 */
export function operationSubtitle(resources: ResourceDescription[]): string {
	const names: Record<string, string> = {};
	for (const [operation, owners] of resourcesByOperation(resources)) {
		for (const resource of owners) {
			names[`${resource.value}:${operation.value}`] = owners.length > 1 ? operation.name : `${operation.name}: ${resource.name}`;
		}
	}
	return `={{ ${JSON.stringify(names)}[$parameter["resource"] + ":" + $parameter["operation"]] }}`;
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
				.sort(byName),
			default: defaultOperation,
		};
	});
	const fields = [...resourcesByOperation(resources)].flatMap(([operation, owners]) =>
		operationFields(operation).map((property) =>
			showFor(
				owners.map(({ value }) => value),
				operation.value,
				property,
			),
		),
	);
	return [authenticationField(), resourceSelector, ...operationSelectors, ...fields];
}
