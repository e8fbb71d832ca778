import { CHAT_COLORS } from '../../../../nodes/Bitrix24Im/actions/chat/common';
import { byId, pdf, png, PNG, refusalCases, requestCases, shapeCases } from '../../../helpers/operationTables';

describe('chat requests', () => {
	requestCases('chat', '%s → %s %j', [
		['rename', 'im.chat.updateTitle', { chatId: byId('chat12'), title: 'New' }, { CHAT_ID: 12, TITLE: 'New' }],
		['setColor', 'im.chat.updateColor', { chatId: byId('12'), color: 'light_blue' }, { CHAT_ID: 12, COLOR: 'LIGHT_BLUE' }],
		['setAvatar', 'im.chat.updateAvatar', { chatId: '7', binaryPropertyName: 'data' }, { CHAT_ID: 7, AVATAR: PNG.toString('base64') }, png],
		['setOwner', 'im.chat.setOwner', { chatId: byId('7'), userId: '3' }, { CHAT_ID: 7, USER_ID: 3 }],
		['mute', 'im.chat.mute', { chatId: byId('7') }, { CHAT_ID: 7, MUTE: 'Y' }],
		['unmute', 'im.chat.mute', { chatId: byId('7') }, { CHAT_ID: 7, MUTE: 'N' }],
		['leave', 'im.chat.leave', { chatId: byId('7') }, { CHAT_ID: 7 }],
	]);

	refusalCases('chat', [
		['rename', { chatId: byId('sg5'), title: 'X' }, 'Item 0: Chat ID "sg5" is not valid: use the chat\'s number, e.g. 12 (or chat12)'],
		['rename', { chatId: byId('12'), title: '  ' }, 'Item 0: Title "  " is not valid: it must not be empty'],
		['setColor', { chatId: byId('12'), color: 'BLUE' }, `Item 0: Color "BLUE" is not valid: it must be one of ${CHAT_COLORS.join(', ')}`],
		[
			'setAvatar',
			{ chatId: byId('12'), binaryPropertyName: 'data' },
			'Item 0: Input Binary Field "offer.pdf (application/pdf)" is not valid: the avatar must be an image, e.g. image/png or image/jpeg',
			pdf,
		],
		['setAvatar', { chatId: byId('12'), binaryPropertyName: '' }, 'Item 0: Input Binary Field "" is not valid: it must name an input binary property, e.g. data'],
		['setOwner', { chatId: byId('12'), userId: '0' }, 'Item 0: New Owner User ID "0" is not valid: it must be a whole number greater than 0'],
		['mute', { chatId: byId('0') }, 'Item 0: Chat ID "0" is not valid: use the chat\'s number, e.g. 12 (or chat12)'],
	]);
});

describe('chat answers', () => {
	shapeCases('chat', [
		['rename', true, { CHAT_ID: 7, TITLE: 'New' }, { success: true, chatId: 7, title: 'New' }],
		['setColor', true, { CHAT_ID: 7, COLOR: 'RED' }, { success: true, chatId: 7, color: 'RED' }],
		['setAvatar', true, { CHAT_ID: 7, AVATAR: 'iVBOR' }, { success: true, chatId: 7 }],
		['setOwner', true, { CHAT_ID: 7, USER_ID: 3 }, { success: true, chatId: 7, ownerId: 3 }],
		['mute', true, { CHAT_ID: 7, MUTE: 'Y' }, { success: true, chatId: 7, muted: true }],
		['unmute', true, { CHAT_ID: 7, MUTE: 'N' }, { success: true, chatId: 7, muted: false }],
		['leave', true, { CHAT_ID: 7 }, { success: true, chatId: 7 }],
	]);
});
