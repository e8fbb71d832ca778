import type { INodeProperties } from 'n8n-workflow';

export function messageIdField(displayName: string, description: string): INodeProperties {
	return {
		displayName,
		name: 'messageId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '84869',
		description,
	};
}

export function binaryPropertyField(description: string): INodeProperties {
	return {
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the input binary field holding the file',
		description,
	};
}

/** Where an operation puts a file it downloads: the output binary field (read by the executor, see binaryOutputField). */
export function binaryOutputField(description: string): INodeProperties {
	return {
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the output binary field to put the file in',
		description,
	};
}

/** A collection of optional fields: "Options", "Additional Fields", "Filters". */
export function collectionField(
	displayName: string,
	name: string,
	placeholder: string,
	options: INodeProperties[],
): INodeProperties {
	return { displayName, name, type: 'collection', placeholder, default: {}, options };
}

export function booleanField(displayName: string, name: string, description: string, defaultValue = false): INodeProperties {
	// Two literals: n8n's linter wants a literal true or false as a boolean field's default.
	return defaultValue
		? { displayName, name, type: 'boolean', default: true, description }
		: { displayName, name, type: 'boolean', default: false, description };
}

/** Options → Timeout (Seconds), read back as `options.timeout`. */
export function timeoutOption(description: string): INodeProperties {
	return {
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		default: 60,
		typeOptions: { minValue: 1 },
		description,
	};
}

export function userIdField(displayName: string, description: string): INodeProperties {
	return {
		displayName,
		name: 'userId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '42',
		description,
	};
}

/** The text of a message or notification (BB-codes allowed). */
export function messageTextField(description: string, required: boolean): INodeProperties {
	return {
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 3 },
		...(required && { required: true }),
		default: '',
		description,
	};
}

/** An expression naming the chosen values of a multi-options field as its dropdown does ("Message Added, Joined a Chat"). */
export function chosenNamesExpression(field: string, options: Array<{ name: string; value: string }>): string {
	const names = Object.fromEntries(options.map(({ name, value }) => [value, name]));
	return `={{ $parameter["${field}"].map((value) => (${JSON.stringify(names)})[value] || value).join(", ") }}`;
}
