import type { IDataObject } from 'n8n-workflow';

import { resources } from '../../../nodes/Bitrix24Im/actions';
import { buildProperties } from '../../../nodes/shared/operations';
import { requestFor, retrySafeFor, sendingTraits, singleCallOf } from '../../helpers/operationRequest';

it('is the last resource, with one operation', () => {
	expect(resources[resources.length - 1].value).toBe('customApiCall');
	expect(resources[resources.length - 1].operations.map(({ value }) => value)).toEqual(['call']);
});

describe('in the editor', () => {
	const properties = buildProperties(resources);
	const selectors = properties.filter(({ name }) => name === 'resource' || name === 'operation');

	// n8n appends its own "Custom API Call" (value __CUSTOM_API_CALL__, which no node runs) to every Resource and
	// Operation list that does not end with one (injectCustomApiCallOptions in n8n's load-nodes-and-credentials).
	it.each(selectors.map((selector) => [selector.displayOptions?.show?.resource?.[0] ?? 'resource', selector]))(
		'%s: the list ends with the one Custom API Call, so n8n adds none',
		(_list, selector) => {
			const options = selector.options as Array<{ name: string; value: string }>;
			expect(options[options.length - 1].name).toBe('Custom API Call');
			expect(options.filter(({ name }) => name === 'Custom API Call')).toHaveLength(1);
			expect(new Set(options.map(({ name }) => name)).size).toBe(options.length);
		},
	);

	it('every Operation list but its last entry is in name order', () => {
		for (const selector of selectors.filter(({ name }) => name === 'operation')) {
			const names = (selector.options as Array<{ name: string }>).map(({ name }) => name).slice(0, -1);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		}
	});

	it('runs as the same call under every resource, and its fields are shown under every resource', () => {
		const operations = resources.map((resource) => resource.operations.find(({ value }) => value === 'call'));
		expect(new Set(operations).size).toBe(1);
		const method = properties.filter(({ name }) => name === 'method');
		expect(method).toHaveLength(1);
		expect(method[0].displayOptions?.show).toEqual({ resource: resources.map(({ value }) => value), operation: ['call'] });
	});
});

describe('custom API call requests', () => {
	it.each<[string, IDataObject, string, IDataObject]>([
		['no parameters', { method: 'im.counters.get', parameters: '' }, 'im.counters.get', {}],
		['empty object', { method: ' im.counters.get ', parameters: '{}' }, 'im.counters.get', {}],
		['JSON text', { method: 'im.dialog.users.list', parameters: '{"DIALOG_ID": "chat1", "LIMIT": 2}' }, 'im.dialog.users.list',
			{ DIALOG_ID: 'chat1', LIMIT: 2 }],
		['an object from an expression', { method: 'user.get', parameters: { FILTER: { ID: [1, 2] } } }, 'user.get', { FILTER: { ID: [1, 2] } }],
		['underscores and digits', { method: 'crm.item_v2.list', parameters: '{}' }, 'crm.item_v2.list', {}],
		['a one-word method', { method: 'profile', parameters: '' }, 'profile', {}],
	])('%s', async (_case, parameters, method, params) => {
		expect(await requestFor('customApiCall', 'call', parameters)).toEqual({ method, params });
	});

	it.each<[string, IDataObject, string]>([
		['an empty method', { method: ' ', parameters: '' }, 'Item 0: Method " " is not valid: it must not be empty'],
		['a method with a path', { method: 'im.message.add.json?x=1', parameters: '' },
			'Item 0: Method "im.message.add.json?x=1" is not valid: use a Bitrix24 method name: letters, digits and underscores separated by dots'],
		['a URL', { method: 'https://portal/rest/im.counters.get', parameters: '' }, 'is not valid: use a Bitrix24 method name'],
		['a double dot', { method: 'im..get', parameters: '' }, 'is not valid: use a Bitrix24 method name'],
		['a trailing dot', { method: 'im.get.', parameters: '' }, 'is not valid: use a Bitrix24 method name'],
		['a space inside', { method: 'im.counters get', parameters: '' }, 'is not valid: use a Bitrix24 method name'],
		['batch', { method: 'batch', parameters: '{"cmd": {}}' },
			'Item 0: Method "batch" is not valid: the node already sends items in batch requests (Options → Batch Requests); call the method itself'],
		['BATCH', { method: 'BATCH', parameters: '' }, 'Item 0: Method "BATCH" is not valid: the node already sends items in batch requests'],
		['parameters that are not JSON', { method: 'im.counters.get', parameters: '{CHAT_ID: 1}' },
			'Item 0: Parameters "{CHAT_ID: 1}" is not valid: it must be a JSON object or array'],
		['parameters that are a list', { method: 'im.counters.get', parameters: '[1, 2]' },
			'Item 0: Parameters "[1, 2]" is not valid: it must be a JSON object of parameter names and values, e.g. {"CHAT_ID": 12}'],
	])('refuses %s', async (_case, parameters, message) => {
		await expect(requestFor('customApiCall', 'call', parameters)).rejects.toThrow(message);
	});
});

describe('custom API call answers', () => {
	const call = singleCallOf('customApiCall', 'call');

	it.each<[string, IDataObject, IDataObject]>([
		['a bare value', { result: 15, time: { start: 1 } }, { result: 15 }],
		['an object', { result: { TYPE: { ALL: 3 } }, time: { start: 1 } }, { result: { TYPE: { ALL: 3 } } }],
		['a list page', { result: [1, 2], next: 2, total: 5, time: { start: 1 } }, { result: [1, 2], next: 2, total: 5 }],
		['the last page', { result: [5], total: 5 }, { result: [5], total: 5 }],
	])('outputs the result of %s, with next and total when present', (_case, answer, shaped) => {
		expect(call.shape?.(answer as never, {})).toEqual(shaped);
	});

	it('is retried after an ambiguous failure only when Safe to Retry says so (the node cannot know), and may be batched', async () => {
		expect(sendingTraits(call)).toEqual({ retrySafe: 'per item', batchable: true });
		const item = { method: 'im.dialog.read', parameters: '{"DIALOG_ID": "chat1"}' };
		expect(await retrySafeFor('customApiCall', 'call', item)).toBe(false);
		expect(await retrySafeFor('customApiCall', 'call', { ...item, safeToRetry: false })).toBe(false);
		expect(await retrySafeFor('customApiCall', 'call', { ...item, safeToRetry: true })).toBe(true);
	});
});
