import { chat } from '../../../../nodes/Bitrix24Im/actions/chat';
import { resources } from '../../../../nodes/Bitrix24Im/actions';
import { sendingTraits } from '../../../helpers/operationRequest';

it('is registered right after Message', () => {
	expect(resources.map(({ value }) => value).slice(0, 3)).toEqual(['dialog', 'message', 'chat']);
	expect(resources[2].operations.slice(0, -1)).toEqual(chat.operations);
});

describe('chat answers', () => {
	it('only Create and Send File are unsafe to repeat; only Set Avatar and Send File stay out of batches', () => {
		const ops = chat.operations;
		expect(ops.filter((op) => !sendingTraits(op).retrySafe).map(({ value }) => value)).toEqual(['create', 'sendFile']);
		expect(ops.filter((op) => !sendingTraits(op).batchable).map(({ value }) => value)).toEqual(['setAvatar', 'sendFile']);
	});
});
