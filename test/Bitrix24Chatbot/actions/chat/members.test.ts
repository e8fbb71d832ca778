import { bot, refusalCases, requestCases, shapeCases } from '../../../helpers/chatbotOperations';

describe('Chat → members and managers', () => {
	requestCases('chat', '%s sends %s with %j', [
		['addMembers', 'imbot.v2.Chat.User.add', { botId: bot(7), dialogId: 'chat12', userIds: '2,3' }, { botId: 7, dialogId: 'chat12', userIds: [2, 3] }],
		['removeMember', 'imbot.v2.Chat.User.delete', { botId: bot(7), dialogId: 'chat12', userId: '3' }, { botId: 7, dialogId: 'chat12', userId: 3 }],
		['listMembers', 'imbot.v2.Chat.User.list', { botId: bot(7), dialogId: 'chat12' }, { botId: 7, dialogId: 'chat12', limit: 50 }],
		['listMembers', 'imbot.v2.Chat.User.list', { botId: bot(7), dialogId: '4', limit: 200 }, { botId: 7, dialogId: '4', limit: 200 }],
		['addManagers', 'imbot.v2.Chat.Manager.add', { botId: bot(7), dialogId: 'chat12', userIds: [2] }, { botId: 7, dialogId: 'chat12', userIds: [2] }],
		['removeManagers', 'imbot.v2.Chat.Manager.delete', { botId: bot(7), dialogId: 'chat12', userIds: '2' }, { botId: 7, dialogId: 'chat12', userIds: [2] }],
	]);

	refusalCases('chat', [
		['addMembers', { botId: bot(7), dialogId: 'chat12', userIds: '' }, 'Item 0: User IDs "" is not valid: it must be one or more whole numbers'],
		['removeMember', { botId: bot(7), dialogId: 'chat12', userId: '0' }, 'Item 0: User ID "0" is not valid'],
		['listMembers', { botId: bot(7), dialogId: 'chat12', limit: 201 }, 'Item 0: Limit 201 is not valid: Bitrix24 lists at most 200 members'],
		['addManagers', { botId: bot(7), dialogId: 'chat12', userIds: [] }, 'Item 0: User IDs [] is not valid'],
	]);

	shapeCases('chat', [
		['listMembers', [{ id: 2, name: 'Bob' }, { id: 7, name: 'Bot' }], {}, [{ id: 2, name: 'Bob' }, { id: 7, name: 'Bot' }]],
		['addMembers', { result: true }, { botId: 7, dialogId: 'chat12', userIds: [2, 3] }, { success: true, botId: 7, dialogId: 'chat12', userIds: [2, 3] }],
		['removeMember', { result: true }, { botId: 7, dialogId: 'chat12', userId: 3 }, { success: true, botId: 7, dialogId: 'chat12', userId: 3 }],
	]);
});
