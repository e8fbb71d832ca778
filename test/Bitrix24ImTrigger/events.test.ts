import type { IDataObject } from 'n8n-workflow';

import { readEventPage, shapeEvent } from '../../nodes/Bitrix24ImTrigger/events';
import type { RawEvent } from '../../nodes/Bitrix24ImTrigger/events';

// Shapes as documented in b24restdocs chat-bots-v2/im.v2/events/events.md (trimmed).
const chat = { id: 5, dialogId: 'chat5', name: 'Project Chat', type: 'chat', messageType: 'C', owner: 1 };
const user = { id: 1, name: 'John Smith', bot: false };
const message = { id: 5012, chatId: 5, authorId: 1, date: '2025-01-15T10:30:00+02:00', text: 'Hello everyone!', isSystem: false };

function event(eventId: number, type: string, data: IDataObject): RawEvent {
	return { eventId, type, date: '2025-01-15T10:30:01+02:00', data };
}

describe('shapeEvent', () => {
	it('message added: flat fields on top, the whole event under raw', () => {
		const raw = event(2001, 'ONIMV2MESSAGEADD', { message, chat, user, language: 'en' });
		expect(shapeEvent(raw)).toEqual({
			event: 'messageAdd',
			eventId: 2001,
			dialogId: 'chat5',
			chatId: 5,
			messageId: 5012,
			authorId: 1,
			userId: 1,
			text: 'Hello everyone!',
			isSystem: false,
			date: '2025-01-15T10:30:01+02:00',
			raw: { eventId: 2001, type: 'ONIMV2MESSAGEADD', date: '2025-01-15T10:30:01+02:00', data: raw.data },
		});
	});

	it('message updated carries the new text; deleted has messageId at the top of data and no text', () => {
		const updated = shapeEvent(event(2, 'ONIMV2MESSAGEUPDATE', { message: { ...message, text: 'edited' }, chat, user }));
		expect([updated.event, updated.text, updated.messageId]).toEqual(['messageUpdate', 'edited', 5012]);
		const deleted = shapeEvent(event(3, 'ONIMV2MESSAGEDELETE', { messageId: 5012, chat, user }));
		expect(deleted).toMatchObject({ event: 'messageDelete', messageId: 5012, chatId: 5, dialogId: 'chat5', authorId: 1, text: null });
	});

	it('reaction: who reacted is userId, the message author stays authorId, reaction and action are added', () => {
		const shaped = shapeEvent(
			event(4, 'ONIMV2REACTIONCHANGE', { reaction: 'like', action: 'add', message, chat, user: { id: 7 } }),
		);
		expect(shaped).toMatchObject({
			event: 'reactionChange', messageId: 5012, authorId: 1, userId: 7, reaction: 'like', reactionAction: 'add',
		});
	});

	it('join: dialogId from data, the joined user, no message', () => {
		const shaped = shapeEvent(event(5, 'ONIMV2JOINCHAT', { dialogId: 'chat5', chat, user: { id: 9 } }));
		expect(shaped).toMatchObject({ event: 'joinChat', dialogId: 'chat5', chatId: 5, messageId: null, authorId: null, userId: 9 });
	});

	it('private dialog: the dialog id Bitrix24 gives (the other user); never invents chatNNN for it', () => {
		const privateChat = { id: 4, type: 'private', messageType: 'P' };
		expect(shapeEvent(event(6, 'ONIMV2MESSAGEADD', { message: { ...message, chatId: 4 }, chat: { ...privateChat, dialogId: '2' } })).dialogId).toBe('2');
		expect(shapeEvent(event(6, 'ONIMV2MESSAGEADD', { message: { ...message, chatId: 4 }, chat: privateChat })).dialogId).toBeNull();
		expect(shapeEvent(event(6, 'ONIMV2MESSAGEADD', { message: { ...message, chatId: 9 } })).dialogId).toBe('chat9');
	});

	it('system messages (isSystem or author 0); unknown types and missing fields do not throw', () => {
		expect(shapeEvent(event(7, 'ONIMV2MESSAGEADD', { message: { ...message, authorId: 0, isSystem: true }, chat })).isSystem).toBe(true);
		const odd = shapeEvent({ eventId: 8, type: 'ONIMV2SOMETHINGNEW', date: '', data: {} });
		expect(odd).toMatchObject({ event: 'ONIMV2SOMETHINGNEW', dialogId: null, chatId: null, messageId: null, text: null });
		expect(shapeEvent(event(9, 'onimv2messageadd', { message: { ...message, id: '77' } })).messageId).toBe(77);
	});
});

describe('readEventPage', () => {
	it('reads the documented answer and sorts by eventId', () => {
		const page = readEventPage({
			events: [event(2002, 'ONIMV2MESSAGEADD', {}), event(2001, 'ONIMV2JOINCHAT', {})],
			nextOffset: 2003,
			hasMore: false,
		});
		expect(page?.map((e) => e.eventId)).toEqual([2001, 2002]);
	});

	it('rejects answers that are not an events page', () => {
		expect(readEventPage(true)).toBeUndefined();
		expect(readEventPage({ events: 'x' })).toBeUndefined();
		expect(readEventPage({ events: [{ type: 'X' }] })).toBeUndefined();
		expect(readEventPage({ events: [] })).toEqual([]);
	});
});
