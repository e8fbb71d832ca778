import { shapeBotEvent } from '../../nodes/Bitrix24ChatbotTrigger/events';
import { passes } from '../../nodes/Bitrix24ChatbotTrigger/filters';
import type { BotEventFilters } from '../../nodes/Bitrix24ChatbotTrigger/filters';

const BOT = 456;
const ALL = ['messageAdd', 'messageUpdate', 'messageDelete', 'command', 'joinChat', 'reactionChange', 'contextGet', 'botDelete'];
const base: BotEventFilters = { kinds: ALL, dialogIds: [] };
const chat = { id: 7, dialogId: '2', type: 'private' };

const message = (type: string, authorId: number) =>
	shapeBotEvent({ eventId: 1, type, date: '', data: { message: { id: 10, chatId: 7, authorId, text: 't' }, chat, user: { id: authorId } } }, BOT);
const acted = (type: string, userId: number, authorId = BOT) =>
	shapeBotEvent({ eventId: 1, type, date: '', data: { command: { id: 1, command: '/x' }, message: { id: 10, chatId: 7, authorId }, chat, user: { id: userId } } }, BOT);

describe('passes', () => {
	it('keeps only the selected event kinds', () => {
		expect(passes(message('ONIMBOTV2MESSAGEADD', 2), { ...base, kinds: ['messageAdd'] })).toBe(true);
		expect(passes(acted('ONIMBOTV2COMMANDADD', 2), { ...base, kinds: ['messageAdd'] })).toBe(false);
	});

	it('dialog filter: the bot\'s name for the dialog; the bot\'s deletion belongs to no dialog and always passes it', () => {
		expect(passes(message('ONIMBOTV2MESSAGEADD', 2), { ...base, dialogIds: ['2'] })).toBe(true);
		expect(passes(message('ONIMBOTV2MESSAGEADD', 2), { ...base, dialogIds: ['chat12'] })).toBe(false);
		const deleted = shapeBotEvent({ eventId: 2, type: 'ONIMBOTV2DELETE', date: '', data: {} }, BOT);
		expect(passes(deleted, { ...base, dialogIds: ['chat12'] })).toBe(true);
	});

	it('the bot\'s own messages, reactions and commands are skipped; a user pressing a button on the bot\'s message is not', () => {
		const own = { ...base, ownId: BOT };
		expect(passes(message('ONIMBOTV2MESSAGEADD', BOT), own)).toBe(false);
		expect(passes(message('ONIMV2MESSAGEADD', BOT), own)).toBe(false); // the bot's answer seen as a user event
		expect(passes(message('ONIMBOTV2MESSAGEUPDATE', BOT), own)).toBe(false);
		expect(passes(acted('ONIMBOTV2REACTIONCHANGE', BOT), own)).toBe(false);
		expect(passes(acted('ONIMBOTV2COMMANDADD', BOT), own)).toBe(false);
		expect(passes(acted('ONIMBOTV2COMMANDADD', 2), own)).toBe(true);
		expect(passes(acted('ONIMBOTV2REACTIONCHANGE', 2), own)).toBe(true);
		expect(passes(message('ONIMBOTV2MESSAGEADD', 2), own)).toBe(true);
		expect(passes(message('ONIMBOTV2MESSAGEADD', BOT), base)).toBe(true);
	});
});
