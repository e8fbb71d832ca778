import type { IDataObject } from 'n8n-workflow';

import type { RawEvent } from '../../../nodes/shared/events/queue';
import { shapeUserEvent } from '../../../nodes/shared/events/items';

// Shapes as documented in b24restdocs chat-bots-v2/im.v2/events/events.md (trimmed).
const chat = { id: 5, dialogId: 'chat5', name: 'Project Chat', type: 'chat', messageType: 'C', owner: 1 };
const user = { id: 1, name: 'John Smith', bot: false };
const message = { id: 5012, chatId: 5, authorId: 1, date: '2025-01-15T10:30:00+02:00', text: 'Hello everyone!', isSystem: false };

function event(eventId: number, type: string, data: IDataObject): RawEvent {
	return { eventId, type, date: '2025-01-15T10:30:01+02:00', data };
}

describe('shapeUserEvent', () => {
	it('message added: flat fields on top, the whole event under raw', () => {
		const raw = event(2001, 'ONIMV2MESSAGEADD', { message, chat, user, language: 'en' });
		expect(shapeUserEvent(raw)).toEqual({
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
		const updated = shapeUserEvent(event(2, 'ONIMV2MESSAGEUPDATE', { message: { ...message, text: 'edited' }, chat, user }));
		expect([updated.event, updated.text, updated.messageId]).toEqual(['messageUpdate', 'edited', 5012]);
		const deleted = shapeUserEvent(event(3, 'ONIMV2MESSAGEDELETE', { messageId: 5012, chat, user }));
		expect(deleted).toMatchObject({ event: 'messageDelete', messageId: 5012, chatId: 5, dialogId: 'chat5', authorId: 1, text: null });
	});

	it('reaction: who reacted is userId, the message author stays authorId, reaction and action are added', () => {
		const shaped = shapeUserEvent(
			event(4, 'ONIMV2REACTIONCHANGE', { reaction: 'like', action: 'add', message, chat, user: { id: 7 } }),
		);
		expect(shaped).toMatchObject({
			event: 'reactionChange', messageId: 5012, authorId: 1, userId: 7, reaction: 'like', reactionAction: 'add',
		});
	});

	it('join: dialogId from data, the joined user, no message', () => {
		const shaped = shapeUserEvent(event(5, 'ONIMV2JOINCHAT', { dialogId: 'chat5', chat, user: { id: 9 } }));
		expect(shaped).toMatchObject({ event: 'joinChat', dialogId: 'chat5', chatId: 5, messageId: null, authorId: null, userId: 9 });
	});

	it('private dialog: the dialog id Bitrix24 gives (the other user); never invents chatNNN for it', () => {
		const privateChat = { id: 4, type: 'private', messageType: 'P' };
		expect(shapeUserEvent(event(6, 'ONIMV2MESSAGEADD', { message: { ...message, chatId: 4 }, chat: { ...privateChat, dialogId: '2' } })).dialogId).toBe('2');
		expect(shapeUserEvent(event(6, 'ONIMV2MESSAGEADD', { message: { ...message, chatId: 4 }, chat: privateChat })).dialogId).toBeNull();
		expect(shapeUserEvent(event(6, 'ONIMV2MESSAGEADD', { message: { ...message, chatId: 9 } })).dialogId).toBe('chat9');
	});

	it('system messages (isSystem or author 0); unknown types and missing fields do not throw', () => {
		expect(shapeUserEvent(event(7, 'ONIMV2MESSAGEADD', { message: { ...message, authorId: 0, isSystem: true }, chat })).isSystem).toBe(true);
		const odd = shapeUserEvent({ eventId: 8, type: 'ONIMV2SOMETHINGNEW', date: '', data: {} });
		expect(odd).toMatchObject({ event: 'ONIMV2SOMETHINGNEW', dialogId: null, chatId: null, messageId: null, text: null });
		expect(shapeUserEvent(event(9, 'onimv2messageadd', { message: { ...message, id: '77' } })).messageId).toBe(77);
	});
});
