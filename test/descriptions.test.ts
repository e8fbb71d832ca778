import { Bitrix24Im } from '../nodes/Bitrix24Im/Bitrix24Im.node';
import { Bitrix24ImTrigger } from '../nodes/Bitrix24ImTrigger/Bitrix24ImTrigger.node';
import imDescription from './fixtures/bitrix24Im.description.json';
import triggerDescription from './fixtures/bitrix24ImTrigger.description.json';

/**
 * What the editor and saved workflows see of each node: names, parameters, values, order, texts. A change here is a
 * change for users; regenerate the fixture only for a change that is meant (and say so in the commit).
 */
describe('node descriptions, serialised as JSON', () => {
	it.each([
		['bitrix24Im', new Bitrix24Im().description, imDescription],
		['bitrix24ImTrigger', new Bitrix24ImTrigger().description, triggerDescription],
	])('%s is byte-identical to its fixture', (_name, description, fixture) => {
		expect(JSON.stringify(description)).toBe(JSON.stringify(fixture));
	});
});
