import { resources } from '../../../../nodes/Bitrix24Im/actions';

it('keeps Send first and offers every message operation', () => {
	const message = resources.find(({ value }) => value === 'message');
	expect(message?.operations.map(({ value }) => value)).toEqual(['send', 'update', 'delete', 'like', 'share', 'runBotCommand', 'search', 'call']);
});
