import { Bitrix24ImTrigger } from '../../nodes/Bitrix24ImTrigger/Bitrix24ImTrigger.node';
import { canvasSubtitle } from '../helpers/editorExpression';

describe('canvas subtitle', () => {
	const trigger = new Bitrix24ImTrigger();

	it.each([
		[['messageAdd'], 'Message Added'],
		[['messageAdd', 'joinChat', 'messageDelete'], 'Message Added, Joined a Chat, Message Deleted'],
		[['reactionChange', 'messageUpdate'], 'Reaction Changed, Message Updated'],
	])('%j shows the names the Events field shows', (events, subtitle) => {
		expect(canvasSubtitle(trigger, { events })).toBe(subtitle);
	});
});

it('describes every event it offers', () => {
	const events = new Bitrix24ImTrigger().description.properties.find(({ name }) => name === 'events');
	for (const option of events?.options as Array<{ name: string; description?: string }>) {
		expect(option.description).toMatch(/\w{3,}/);
	}
});
