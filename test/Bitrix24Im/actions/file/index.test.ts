import { resources } from '../../../../nodes/Bitrix24Im/actions';
import { file } from '../../../../nodes/Bitrix24Im/actions/file';
import { sendingTraits } from '../../../helpers/operationRequest';

it('is registered after User, before Department and Custom API Call, with Upload first', () => {
	expect(resources.map(({ value }) => value)).toEqual(['dialog', 'message', 'chat', 'notification', 'user', 'file', 'department', 'customApiCall']);
	expect(resources[5].operations.slice(0, -1)).toEqual(file.operations);
	expect(file.operations.map(({ value }) => value)).toEqual(['upload', 'download']);
});

it('never batches an upload nor repeats it after a lost answer; a download may be repeated', () => {
	expect(file.operations.map((op) => [op.value, sendingTraits(op)])).toEqual([
		['upload', { retrySafe: false, batchable: false }],
		['download', { retrySafe: true, batchable: false }],
	]);
});
