import { Bitrix24ImTrigger } from '../../nodes/Bitrix24ImTrigger/Bitrix24ImTrigger.node';
import triggerDescription from '../fixtures/bitrix24ImTrigger.description.json';

/**
 * What the editor and saved workflows see of the node: names, parameters, values, order, texts. A change here is a
 * change for users; regenerate the fixture only for a change that is meant (and say so in the commit).
 */
describe('node descriptions, serialised as JSON', () => {
	it.each([['bitrix24ImTrigger', new Bitrix24ImTrigger().description, triggerDescription]])(
		'%s is byte-identical to its fixture',
		(_name, description, fixture) => {
			expect(JSON.stringify(description)).toBe(JSON.stringify(fixture));
		},
	);
});
