import { resources } from '../../../../nodes/Bitrix24Im/actions';

it('is registered after Chat and before User', () => {
	const order = resources.map(({ value }) => value);
	expect(order.indexOf('notification')).toBe(order.indexOf('message') + (order.includes('chat') ? 2 : 1));
	expect(resources.find(({ value }) => value === 'notification')?.operations.map(({ value }) => value)).toEqual([
		'sendPersonal', 'sendSystem', 'delete', 'markRead', 'markAllRead', 'getMany', 'answer', 'confirm', 'searchHistory', 'getSchema', 'call',
	]);
});
