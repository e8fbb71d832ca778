import type { IExecuteFunctions } from 'n8n-workflow';

/** Per execution: for each parameter read, whether it holds no expression and so the value it has for every item. */
const fixedParameters = new WeakMap<IExecuteFunctions, Map<string, { fixed: boolean; value: unknown }>>();

const holdsExpression = (raw: unknown): boolean =>
	typeof raw === 'string'
		? raw.startsWith('=')
		: typeof raw === 'object' && raw !== null && Object.values(raw).some(holdsExpression);

/**
 * A parameter's value for one item. n8n evaluates, copies and validates a parameter on every call, which costs more
 * than the rest of an item's processing; a parameter without an expression has the same value for every item, so a
 * plain (non-object) value of one is read once per execution.
 */
export function itemParameter(
	context: IExecuteFunctions,
	path: string,
	itemIndex: number,
	fallback: unknown,
	extractValue = false,
): unknown {
	let known = fixedParameters.get(context);
	if (!known) {
		known = new Map();
		fixedParameters.set(context, known);
	}
	const key = extractValue ? `${path} (value)` : path;
	const seen = known.get(key);
	if (seen?.fixed) return seen.value;
	const value = context.getNodeParameter(path, itemIndex, fallback, extractValue ? { extractValue } : undefined);
	if (!seen) {
		const raw = context.getNodeParameter(path, itemIndex, fallback, { rawExpressions: true });
		known.set(key, { fixed: !holdsExpression(raw) && (value === null || typeof value !== 'object'), value });
	}
	return value;
}

