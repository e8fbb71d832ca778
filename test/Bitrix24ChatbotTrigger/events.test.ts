import type { IDataObject } from 'n8n-workflow';

import { shapeBotEvent } from '../../nodes/Bitrix24ChatbotTrigger/events';
import type { RawEvent } from '../../nodes/shared/events';

// Shapes as documented in b24restdocs imbot.v2/events/events.md (trimmed), bot 456 in fetch mode.
const bot = { id: 456, code: 'support_bot', type: 'bot', eventMode: 'fetch' };
const privateChat = { id: 7, dialogId: '2', type: 'private', entityType: '' };
const openChannel = { id: 8, dialogId: 'chat8', type: 'lines', entityType: 'LINES', entityId: 'livechat|1|8' };
const user = { id: 2, name: 'Bob Builder', bot: false };
const message = { id: 337, chatId: 7, authorId: 2, date: '2026-11-28T21:22:26+00:00', text: 'hi bot', isSystem: false };

const event = (eventId: number, type: string, data: IDataObject): RawEvent => ({ eventId, type, date: '2026-11-28T21:22:27+00:00', data });

describe('shapeBotEvent', () => {
	it('message added: where to answer (dialogId), who wrote, the text; the event under raw', () => {
		const raw = event(2002, 'ONIMBOTV2MESSAGEADD', { bot, message, chat: privateChat, user, language: 'en' });
		expect(shapeBotEvent(raw, 456)).toEqual({
			event: 'messageAdd',
			source: 'bot',
			eventId: 2002,
			botId: 456,
			dialogId: '2',
			chatId: 7,
			messageId: 337,
			authorId: 2,
			userId: 2,
			text: 'hi bot',
			isSystem: false,
			isOpenChannel: false,
			date: '2026-11-28T21:22:27+00:00',
			raw: { eventId: 2002, type: 'ONIMBOTV2MESSAGEADD', date: '2026-11-28T21:22:27+00:00', data: raw.data },
		});
	});

	it('command from a keyboard: the command, its parameters and context; the message is the bot\'s, the user who pressed', () => {
		const raw = event(2003, 'ONIMBOTV2COMMANDADD', {
			bot,
			command: { id: 101, command: '/help', params: 'x', context: 'keyboard' },
			message: { ...message, id: 338, authorId: 456, text: 'hello' },
			chat: privateChat,
			user,
		});
		expect(shapeBotEvent(raw, 456)).toMatchObject({
			event: 'command', commandId: 101, command: '/help', commandParams: 'x', commandContext: 'keyboard',
			messageId: 338, authorId: 456, userId: 2, dialogId: '2',
		});
	});

	it('typed command without parameters: commandParams is empty, not null', () => {
		const raw = event(5, 'ONIMBOTV2COMMANDADD', { command: { id: 3, command: '/start', context: 'textarea' }, message, chat: privateChat, user });
		expect(shapeBotEvent(raw, 456)).toMatchObject({ command: '/start', commandParams: '', commandContext: 'textarea' });
	});

	it('Open Channel message: isOpenChannel, dialogId chatNNN', () => {
		const raw = event(2005, 'ONIMBOTV2MESSAGEADD', { bot, message: { ...message, chatId: 8, authorId: 9 }, chat: openChannel, user: { id: 9 } });
		expect(shapeBotEvent(raw, 456)).toMatchObject({ isOpenChannel: true, dialogId: 'chat8', chatId: 8, userId: 9 });
	});

	it('join, context, reaction, deletion', () => {
		const join = shapeBotEvent(event(1, 'ONIMBOTV2JOINCHAT', { bot, dialogId: 'chat5', chat: { id: 5, dialogId: 'chat5', type: 'chat' }, user }), 456);
		expect(join).toMatchObject({ event: 'joinChat', dialogId: 'chat5', userId: 2, messageId: null });
		const context = shapeBotEvent(event(2, 'ONIMBOTV2CONTEXTGET', { bot, dialogId: '2', context: { deal: 7 }, chat: privateChat, user }), 456);
		expect(context).toMatchObject({ event: 'contextGet', dialogId: '2', context: { deal: 7 } });
		const reaction = shapeBotEvent(event(3, 'ONIMBOTV2REACTIONCHANGE', { bot, reaction: 'like', action: 'add', message: { ...message, authorId: 456 }, chat: privateChat, user }), 456);
		expect(reaction).toMatchObject({ event: 'reactionChange', reaction: 'like', reactionAction: 'add', authorId: 456, userId: 2 });
		const deleted = shapeBotEvent(event(4, 'ONIMBOTV2DELETE', { bot }), 456);
		expect(deleted).toMatchObject({ event: 'botDelete', source: 'bot', dialogId: null, chatId: null });
	});

	it('a user event (withUserEvents) keeps the user trigger\'s shape, with source "user"', () => {
		const raw = event(9, 'ONIMV2MESSAGEADD', { message: { ...message, chatId: 2 }, chat: { id: 2, dialogId: 'chat2', type: 'chat' }, user });
		expect(shapeBotEvent(raw, 456)).toMatchObject({ event: 'messageAdd', source: 'user', botId: 456, dialogId: 'chat2', isOpenChannel: false });
		expect(shapeBotEvent(raw, 456)).not.toHaveProperty('commandId');
	});

	it('an unknown type or missing data does not throw', () => {
		expect(shapeBotEvent({ eventId: 1, type: 'ONIMBOTV2SOMETHINGNEW', date: '', data: {} }, 456)).toMatchObject({
			event: 'ONIMBOTV2SOMETHINGNEW', source: 'bot', dialogId: null, text: null,
		});
	});
});
