'use strict';
/*
 * What n8n's editor should show for every node of the package, generated from the node descriptions (the nodes
 * listed in package.json's "n8n" section, as built in dist/), not written by hand: each resource with the entries of
 * its Operation list, and for each operation the top-level fields of the node panel, in order. A node without a
 * Resource selector has one case. A field is expected where n8n-workflow's own display rules show it for that
 * resource and operation with every other value at its default, except hidden fields and the fields that pick the
 * credential (n8n 2.x shows those in the credential dialog); n8n adds Poll Times to polling nodes.
 */
const path = require('path');
const { NodeHelpers } = require('n8n-workflow');

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const packageJson = require(path.join(REPO_ROOT, 'package.json'));

/** Every node class the package registers with n8n: { type, description }. */
function packageNodes() {
	return packageJson.n8n.nodes.flatMap((file) =>
		Object.values(require(path.join(REPO_ROOT, file))).map((NodeClass) => {
			const { description } = new NodeClass();
			return { type: `${packageJson.name}.${description.name}`, description };
		}),
	);
}

/** The parameters that pick a credential (Authentication): n8n 2.x shows them in the credential dialog. */
function credentialSwitches(description) {
	return new Set((description.credentials || []).flatMap((credential) => Object.keys((credential.displayOptions || {}).show || {})));
}

function expectedFields(description, parameters) {
	const node = { id: 'panel', name: 'Panel', type: description.name, typeVersion: 1, position: [0, 0], parameters };
	const values = NodeHelpers.getNodeParameters(description.properties, parameters, true, false, node, description);
	const switches = credentialSwitches(description);
	const shown = description.properties.filter(
		(property) => property.type !== 'hidden' && !switches.has(property.name) && NodeHelpers.displayParameter(values, property, node, description),
	);
	return [
		...(description.polling ? ['pollTimes'] : []),
		...shown.map((property) => (property.type === 'notice' ? `notice: ${property.displayName}` : property.name)),
	];
}

const optionsOf = (property) => property.options.map(({ name, value }) => ({ name, value }));

/** The panel cases of one node: [{ resource?, operation?, operationEntries?, fields }]. */
function panelCases(description) {
	const resource = description.properties.find((property) => property.name === 'resource');
	if (!resource) return [{ fields: expectedFields(description, {}) }];
	return optionsOf(resource).flatMap((resourceOption) => {
		const operationList = description.properties.find(
			(property) => property.name === 'operation' && NodeHelpers.displayParameter({ resource: resourceOption.value }, property, null, description),
		);
		const operations = optionsOf(operationList);
		return operations.map((operation) => ({
			resource: resourceOption,
			operation,
			operationEntries: operations.map(({ name }) => name),
			fields: expectedFields(description, { resource: resourceOption.value, operation: operation.value }),
		}));
	});
}

module.exports = { packageNodes, panelCases, credentialSwitches };
