import type { IExecuteFunctions } from 'n8n-workflow';

import { itemParameter } from '../../../nodes/shared/operations/parameters';

type ReadOptions = { rawExpressions?: boolean; extractValue?: boolean };

/** What n8n makes of a raw value for one item: an expression (a string starting with `=`) gives a value per item. */
function evaluate(raw: unknown, itemIndex: number): unknown {
	if (typeof raw === 'string') return raw.startsWith('=') ? `${raw.slice(1)} of item ${itemIndex}` : raw;
	if (typeof raw === 'object' && raw !== null) {
		return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, evaluate(value, itemIndex)]));
	}
	return raw;
}

/**
 * n8n's side of one execution with these raw parameter values: `getNodeParameter` answers the raw value with
 * `rawExpressions`, else evaluates it for the item (a resource locator's value with `extractValue`), and counts each
 * parameter's evaluations.
 */
function fakeExecution(parameters: Record<string, unknown>) {
	const evaluations: Record<string, number> = {};
	const context = {
		getNodeParameter: (path: string, itemIndex: number, fallback: unknown, options?: ReadOptions) => {
			const raw = path in parameters ? parameters[path] : fallback;
			if (options?.rawExpressions) return raw;
			evaluations[path] = (evaluations[path] ?? 0) + 1;
			const value = evaluate(raw, itemIndex);
			return options?.extractValue && typeof value === 'object' && value !== null ? (value as { value: unknown }).value : value;
		},
	} as unknown as IExecuteFunctions;
	return { context, evaluations: (path: string) => evaluations[path] ?? 0 };
}

/** The values of a parameter for items 0 to count - 1, in order. */
const readForItems = (context: IExecuteFunctions, path: string, count: number, extractValue = false) =>
	Array.from({ length: count }, (_, itemIndex) => itemParameter(context, path, itemIndex, '', extractValue));

describe('itemParameter', () => {
	it('reads a fixed value once for all items of an execution', () => {
		const { context, evaluations } = fakeExecution({ text: 'Hello', simplify: true });
		expect(readForItems(context, 'text', 5)).toEqual(Array(5).fill('Hello'));
		expect(readForItems(context, 'simplify', 5)).toEqual(Array(5).fill(true));
		expect(evaluations('text')).toBe(1);
		expect(evaluations('simplify')).toBe(1);
	});

	it('evaluates an expression once per item, and every item gets its own value', () => {
		const { context, evaluations } = fakeExecution({ messageId: '={{ $json.messageId }}' });
		expect(readForItems(context, 'messageId', 3)).toEqual([
			'{{ $json.messageId }} of item 0',
			'{{ $json.messageId }} of item 1',
			'{{ $json.messageId }} of item 2',
		]);
		expect(evaluations('messageId')).toBe(3);
	});

	it('reads a resource locator by its value once when it holds no expression, and per item when it does', () => {
		const fixed = fakeExecution({ dialogId: { __rl: true, mode: 'id', value: 'chat7' } });
		expect(readForItems(fixed.context, 'dialogId', 3, true)).toEqual(['chat7', 'chat7', 'chat7']);
		expect(fixed.evaluations('dialogId')).toBe(1);

		const expression = fakeExecution({ dialogId: { __rl: true, mode: 'id', value: '={{ $json.dialogId }}' } });
		expect(readForItems(expression.context, 'dialogId', 3, true)).toEqual([
			'{{ $json.dialogId }} of item 0',
			'{{ $json.dialogId }} of item 1',
			'{{ $json.dialogId }} of item 2',
		]);
		expect(expression.evaluations('dialogId')).toBe(3);
	});

	it('reads an object value every time, even without an expression (each item gets its own copy)', () => {
		const locator = { __rl: true, mode: 'id', value: 'chat7' };
		const { context, evaluations } = fakeExecution({ dialogId: locator, additionalFields: { system: true } });
		const locators = readForItems(context, 'dialogId', 3);
		expect(locators).toEqual([locator, locator, locator]);
		expect(locators[1]).not.toBe(locators[0]);
		expect(readForItems(context, 'additionalFields', 3)).toEqual(Array(3).fill({ system: true }));
		expect(evaluations('dialogId')).toBe(3);
		expect(evaluations('additionalFields')).toBe(3);
	});

	it('reads again in the next execution', () => {
		const first = fakeExecution({ text: 'Hello' });
		const second = fakeExecution({ text: 'Bye' });
		expect(readForItems(first.context, 'text', 2)).toEqual(['Hello', 'Hello']);
		expect(readForItems(second.context, 'text', 2)).toEqual(['Bye', 'Bye']);
		expect(first.evaluations('text')).toBe(1);
		expect(second.evaluations('text')).toBe(1);
	});
});
