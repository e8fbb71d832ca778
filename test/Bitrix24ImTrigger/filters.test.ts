import { passes } from '../../nodes/Bitrix24ImTrigger/filters';
import { shapeUserEvent } from '../../nodes/shared/events/items';
import type { EventFilters } from '../../nodes/Bitrix24ImTrigger/filters';

const ALL = ['messageAdd', 'messageUpdate', 'messageDelete', 'reactionChange', 'joinChat'];
const base: EventFilters = { kinds: ALL, dialogIds: [], skipSystem: false };

function msg(type: string, authorId: number, chat: Record<string, unknown> = { id: 2, dialogId: 'chat2', type: 'chat' }) {
	return shapeUserEvent({ eventId: 1, type, date: '', data: { message: { id: 10, chatId: chat.id, authorId, text: 't' }, chat, user: { id: authorId } } });
}

describe('passes', () => {
	it('keeps only the selected event kinds', () => {
		expect(passes(msg('ONIMV2MESSAGEADD', 3), { ...base, kinds: ['messageAdd'] })).toBe(true);
		expect(passes(msg('ONIMV2MESSAGEUPDATE', 3), { ...base, kinds: ['messageAdd'] })).toBe(false);
	});

	it('dialog filter: chatNNN, NNN for private dialogs, sgNNN via the workgroup chat', () => {
		expect(passes(msg('ONIMV2MESSAGEADD', 3), { ...base, dialogIds: ['chat2'] })).toBe(true);
		expect(passes(msg('ONIMV2MESSAGEADD', 3), { ...base, dialogIds: ['chat3'] })).toBe(false);
		const privateDialog = msg('ONIMV2MESSAGEADD', 3, { id: 4, dialogId: '3', type: 'private' });
		expect(passes(privateDialog, { ...base, dialogIds: ['3'] })).toBe(true);
		const group = msg('ONIMV2MESSAGEADD', 3, { id: 7, dialogId: 'chat7', type: 'chat', entityType: 'SONET_GROUP', entityId: '5' });
		expect(passes(group, { ...base, dialogIds: ['sg5'] })).toBe(true);
		expect(passes(group, { ...base, dialogIds: ['sg6'] })).toBe(false);
	});

	it('own messages and own reactions are skipped; joins and reactions of others to own messages are not', () => {
		const own = { ...base, ownUserId: 1 };
		expect(passes(msg('ONIMV2MESSAGEADD', 1), own)).toBe(false);
		expect(passes(msg('ONIMV2MESSAGEDELETE', 1), own)).toBe(false);
		expect(passes(msg('ONIMV2MESSAGEADD', 2), own)).toBe(true);
		const reaction = (by: number) =>
			shapeUserEvent({ eventId: 1, type: 'ONIMV2REACTIONCHANGE', date: '', data: { reaction: 'like', action: 'add', message: { id: 10, authorId: 1 }, user: { id: by } } });
		expect(passes(reaction(1), own)).toBe(false);
		expect(passes(reaction(2), own)).toBe(true);
		const join = shapeUserEvent({ eventId: 1, type: 'ONIMV2JOINCHAT', date: '', data: { dialogId: 'chat2', user: { id: 1 } } });
		expect(passes(join, own)).toBe(true);
	});

	it('system messages are skipped only when asked', () => {
		expect(passes(msg('ONIMV2MESSAGEADD', 0), base)).toBe(true);
		expect(passes(msg('ONIMV2MESSAGEADD', 0), { ...base, skipSystem: true })).toBe(false);
	});
});
