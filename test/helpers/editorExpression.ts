import type { INode, INodeParameters, INodeType, INodeTypes } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

/** An expression of a node's description (subtitle, hint condition), evaluated by n8n for a node with these parameters. */
export function evaluateInEditor(nodeType: INodeType, parameters: INodeParameters, expression: string): unknown {
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: (_type, version) => NodeHelpers.getVersionedNodeType(nodeType, version),
		getKnownTypes: () => ({}),
	};
	const node: INode = {
		id: 'editor',
		name: 'Node',
		type: `test.${nodeType.description.name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters,
	};
	const workflow = new Workflow({ id: 'editor', nodes: [node], connections: {}, nodeTypes, active: false });
	return workflow.expression.getSimpleParameterValue(node, expression, 'internal', {});
}

/** The subtitle the canvas shows under a node with these parameters. */
export function canvasSubtitle(nodeType: INodeType, parameters: INodeParameters): unknown {
	return evaluateInEditor(nodeType, parameters, nodeType.description.subtitle as string);
}
