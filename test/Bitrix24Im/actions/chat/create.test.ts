import { CHAT_COLORS } from '../../../../nodes/Bitrix24Im/actions/chat/common';
import { pdf, png, PNG, refusalCases, requestCases, shapeCases } from '../../../helpers/operationTables';

describe('chat requests', () => {
	requestCases('chat', '%s → %s %j', [
		['create', 'im.chat.add', { title: ' Deal #1 ', users: '2, 3', type: 'OPEN' }, { TITLE: 'Deal #1', USERS: [2, 3], TYPE: 'OPEN' }],
		['create', 'im.chat.add', { title: '', users: '', type: 'CHAT' }, { TYPE: 'CHAT' }],
		['create', 'im.chat.add', { users: [4, '5'], type: 'chat' }, { USERS: [4, 5], TYPE: 'CHAT' }],
		['create', 'im.chat.add', { users: [], type: 'CHAT' }, { TYPE: 'CHAT' }],
		['create', 'im.chat.add', { users: 6, type: 'CHAT' }, { USERS: [6], TYPE: 'CHAT' }],
		[
			'create',
			'im.chat.add',
			{
				title: 'T',
				type: 'CHAT',
				additionalFields: {
					description: 'About',
					color: 'mint',
					message: 'Hello',
					entityType: 'CRM',
					entityId: 'DEAL|1663',
					avatarBinaryPropertyName: 'data',
				},
			},
			{
				TITLE: 'T',
				TYPE: 'CHAT',
				DESCRIPTION: 'About',
				COLOR: 'MINT',
				MESSAGE: 'Hello',
				ENTITY_TYPE: 'CRM',
				ENTITY_ID: 'DEAL|1663',
				AVATAR: PNG.toString('base64'),
			},
			png,
		],
		['findByEntity', 'im.chat.get', { entityType: 'CRM', entityId: ' DEAL|7 ' }, { ENTITY_TYPE: 'CRM', ENTITY_ID: 'DEAL|7' }],
	]);

	refusalCases('chat', [
		['create', { type: 'CHAT', users: '2, x' }, 'Item 0: Member User IDs "2, x" is not valid: it must be one or more whole numbers greater than 0, separated by commas'],
		['create', { type: 'CHAT', users: [2, 'x'] }, 'Item 0: Member User IDs [2,"x"] is not valid: it must be one or more whole numbers greater than 0, separated by commas'],
		['create', { type: 'PRIVATE' }, 'Item 0: Chat Type "PRIVATE" is not valid: it must be one of CHAT, OPEN'],
		['create', { type: 'CHAT', additionalFields: { color: 'ORANGE' } }, `Item 0: Color "ORANGE" is not valid: it must be one of ${CHAT_COLORS.join(', ')}`],
		[
			'create',
			{ type: 'CHAT', additionalFields: { avatarBinaryPropertyName: 'data' } },
			'Item 0: Avatar Binary Field "offer.pdf (application/pdf)" is not valid: the avatar must be an image, e.g. image/png or image/jpeg',
			pdf,
		],
		['create', { type: 'CHAT', additionalFields: { avatarBinaryPropertyName: 'photo' } }, 'Item 0: Avatar Binary Field "photo" is not valid: the input item has no binary property of that name', png],
		['findByEntity', { entityType: 'CRM', entityId: ' ' }, 'Item 0: Entity ID " " is not valid: it must not be empty'],
		['findByEntity', { entityType: '', entityId: 'DEAL|1' }, 'Item 0: Entity Type "" is not valid: it must not be empty'],
	]);
});

describe('chat answers', () => {
	shapeCases('chat', [
		['create', 31, { TYPE: 'CHAT' }, { chatId: 31, dialogId: 'chat31' }],
		['findByEntity', { ID: 1437 }, { ENTITY_TYPE: 'CRM', ENTITY_ID: 'DEAL|1' }, { found: true, chatId: 1437, dialogId: 'chat1437', entityType: 'CRM', entityId: 'DEAL|1' }],
		['findByEntity', null, { ENTITY_TYPE: 'CRM', ENTITY_ID: 'DEAL|2' }, { found: false, entityType: 'CRM', entityId: 'DEAL|2' }],
	]);
});
