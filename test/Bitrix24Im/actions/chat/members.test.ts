import { byId, refusalCases, requestCases, shapeCases } from '../../../helpers/operationTables';

describe('chat requests', () => {
	requestCases('chat', '%s → %s %j', [
		['addMembers', 'im.chat.user.add', { chatId: byId('7'), users: '4,5' }, { CHAT_ID: 7, USERS: [4, 5], HIDE_HISTORY: 'Y' }],
		['addMembers', 'im.chat.user.add', { chatId: byId('7'), users: '4', showHistory: true }, { CHAT_ID: 7, USERS: [4], HIDE_HISTORY: 'N' }],
		['removeMember', 'im.chat.user.delete', { chatId: byId('7'), userId: 4 }, { CHAT_ID: 7, USER_ID: 4 }],
		['listMembers', 'im.chat.user.list', { chatId: byId('chat7') }, { CHAT_ID: 7 }],
	]);

	refusalCases('chat', [
		['addMembers', { chatId: byId('12'), users: '' }, 'Item 0: User IDs "" is not valid: it must be one or more whole numbers greater than 0, separated by commas'],
		['removeMember', { chatId: byId('12'), userId: 'bob' }, 'Item 0: User ID "bob" is not valid: it must be a whole number greater than 0'],
		['listMembers', { chatId: byId('chat') }, 'Item 0: Chat ID "chat" is not valid: use the chat\'s number, e.g. 12 (or chat12)'],
	]);
});

describe('chat answers', () => {
	shapeCases('chat', [
		['addMembers', true, { CHAT_ID: 7, USERS: [4, 5] }, { success: true, chatId: 7, userIds: [4, 5] }],
		['removeMember', true, { CHAT_ID: 7, USER_ID: 4 }, { success: true, chatId: 7, userId: 4 }],
		['listMembers', [1, '3'], { CHAT_ID: 7 }, [{ userId: 1, chatId: 7 }, { userId: 3, chatId: 7 }]],
		['listMembers', [], { CHAT_ID: 7 }, []],
	]);
});
