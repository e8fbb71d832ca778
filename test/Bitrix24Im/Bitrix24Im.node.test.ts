import { Bitrix24Im } from '../../nodes/Bitrix24Im/Bitrix24Im.node';
import imDescription from '../fixtures/bitrix24Im.description.json';

/**
 * What the editor and saved workflows see of the node: names, parameters, values, order, texts. A change here is a
 * change for users; regenerate the fixture only for a change that is meant (and say so in the commit).
 */
describe('node descriptions, serialised as JSON', () => {
	it.each([['bitrix24Im', new Bitrix24Im().description, imDescription]])(
		'%s is byte-identical to its fixture',
		(_name, description, fixture) => {
			expect(JSON.stringify(description)).toBe(JSON.stringify(fixture));
		},
	);
});
