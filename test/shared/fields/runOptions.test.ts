import type { INodeParameters } from 'n8n-workflow';

import { Bitrix24Im } from '../../../nodes/Bitrix24Im/Bitrix24Im.node';
import { runOptionsHints } from '../../../nodes/shared/fields';
import { evaluateInEditor } from '../../helpers/editorExpression';

describe('the hint for Rate Limit → Custom', () => {
	const node = new Bitrix24Im();
	const [hint] = runOptionsHints;
	const shown = (options?: INodeParameters) =>
		evaluateInEditor(node, { resource: 'dialog', operation: 'markUnread', ...(options && { options }) }, hint.displayCondition as string);

	it('is in the node panel and names the two options to add', () => {
		expect(node.description.hints).toBe(runOptionsHints);
		expect(hint.location).toBe('ndv');
		expect(hint.message).toContain('Rate Limit Burst');
		expect(hint.message).toContain('Rate Limit Requests per Second');
	});

	it.each<[string, INodeParameters | undefined, boolean]>([
		['no options', undefined, false],
		['other options', { batching: false }, false],
		['Standard', { rateLimit: 'standard' }, false],
		['Custom alone', { rateLimit: 'custom' }, true],
		['Custom with a burst only', { rateLimit: 'custom', burst: 10 }, true],
		['Custom with both values', { rateLimit: 'custom', burst: 10, drainPerSecond: 1 }, false],
	])('%s: shown %s', (_case, options, expected) => {
		expect(shown(options)).toBe(expected);
	});
});
