import { operationOf, sendingTraits } from '../../../helpers/operationRequest';

const operation = (value: string) => operationOf('dialog', value);

describe('dialog requests', () => {
	it('marks every operation safe to repeat; list operations are never batched', () => {
		for (const value of ['get', 'getMessages', 'getMembers', 'sendTyping', 'setUnreadMark', 'pin', 'unpin', 'hide', 'getRecent', 'getRecentEntry']) {
			const op = operation(value);
			expect(sendingTraits(op)).toEqual({ retrySafe: true, batchable: op.kind !== 'list' });
		}
	});
});
