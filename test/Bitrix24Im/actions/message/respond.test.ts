import type { IDataObject } from 'n8n-workflow';

import type { Bitrix24Success } from '../../../../nodes/shared/transport/types';
import { operationOf, requestFor, sendingTraits, singleCallOf } from '../../../helpers/operationRequest';
import { byId } from '../../../helpers/operationTables';


describe('message requests', () => {
	it.each<[string, string, IDataObject, string, IDataObject]>([
		['like: plus', 'like', { messageId: '1', likeAction: 'plus' }, 'im.message.like', { MESSAGE_ID: 1, ACTION: 'plus' }],
		['like: minus', 'like', { messageId: '1', likeAction: 'minus' }, 'im.message.like', { MESSAGE_ID: 1, ACTION: 'minus' }],
		['like: toggle is auto', 'like', { messageId: '1', likeAction: 'toggle' }, 'im.message.like', { MESSAGE_ID: 1, ACTION: 'auto' }],
		['share: task', 'share', { messageId: '5', dialogId: byId('chat2'), shareAs: 'task' }, 'im.message.share',
			{ MESSAGE_ID: 5, DIALOG_ID: 'chat2', TYPE: 'TASK' }],
		['share: post', 'share', { messageId: '5', dialogId: 'sg5', shareAs: 'post' }, 'im.message.share', { MESSAGE_ID: 5, DIALOG_ID: 'sg5', TYPE: 'POST' }],
		['share: calendar event', 'share', { messageId: '5', dialogId: '3', shareAs: 'calendarEvent' }, 'im.message.share',
			{ MESSAGE_ID: 5, DIALOG_ID: '3', TYPE: 'CALEND' }],
		['share: chat', 'share', { messageId: '5', dialogId: 'chat1', shareAs: 'chat' }, 'im.message.share', { MESSAGE_ID: 5, DIALOG_ID: 'chat1', TYPE: 'CHAT' }],
		['command: slash dropped, parameters', 'runBotCommand', { messageId: '9', botId: '6', command: '/echo', commandParams: ' hello ' },
			'im.message.command', { MESSAGE_ID: 9, BOT_ID: 6, COMMAND: 'echo', COMMAND_PARAMS: 'hello' }],
		['command: no parameters', 'runBotCommand', { messageId: '9', botId: 6, command: 'help' }, 'im.message.command',
			{ MESSAGE_ID: 9, BOT_ID: 6, COMMAND: 'help' }],
	])('%s', async (_case, operation, parameters, method, params) => {
		expect(await requestFor('message', operation, parameters)).toEqual({ method, params });
	});

	it.each<[string, string, IDataObject, string]>([
		['like: unknown action', 'like', { messageId: '1', likeAction: 'love' }, 'Item 0: Action "love" is not valid: it must be one of plus, minus, toggle'],
		['share: unknown type', 'share', { messageId: '1', dialogId: 'chat2', shareAs: 'email' },
			'Item 0: Share As "email" is not valid: it must be one of task, post, calendarEvent, chat'],
		['share: bad dialog', 'share', { messageId: '1', dialogId: byId('user2'), shareAs: 'task' },
			'Item 0: Dialog ID "user2" is not valid: use chatNNN for a group chat, sgNNN for a workgroup chat or NNN (a user id) for a private dialog'],
		['command: bot ID 0', 'runBotCommand', { messageId: '1', botId: '0', command: 'echo' }, 'Item 0: Bot ID "0" is not valid: it must be a whole number greater than 0'],
		['command: empty', 'runBotCommand', { messageId: '1', botId: '6', command: ' ' }, 'Item 0: Command " " is not valid: it must not be empty'],
		['command: only a slash', 'runBotCommand', { messageId: '1', botId: '6', command: '/' },
			'Item 0: Command "/" is not valid: it must name a command, not only a slash'],
	])('refuses %s', async (_case, operation, parameters, message) => {
		await expect(requestFor('message', operation, parameters)).rejects.toThrow(message);
	});
});

describe('message answers', () => {
	const answer = (result: unknown): Bitrix24Success => ({ result, time: { start: 1 } });
	it.each<[string, IDataObject, unknown, IDataObject]>([
		['like', { MESSAGE_ID: 5, ACTION: 'auto' }, true, { success: true, messageId: 5, action: 'auto' }],
		['share', { MESSAGE_ID: 5, DIALOG_ID: 'chat2', TYPE: 'TASK' }, true, { success: true, messageId: 5, dialogId: 'chat2', type: 'TASK' }],
		['runBotCommand', { MESSAGE_ID: 5, BOT_ID: 6, COMMAND: 'echo' }, true, { success: true, messageId: 5, botId: 6, command: 'echo' }],
	])('%s says what it did', (operation, params, result, shaped) => {
		expect(singleCallOf('message', operation).shape?.(answer(result), params)).toEqual(shaped);
	});

	it.each([
		['like', false, true],
		['share', false, true],
		['runBotCommand', false, true],
	])('%s: retry-safe %p, batchable %p', (operation, retrySafe, batchable) => {
		expect(sendingTraits(operationOf('message', operation))).toEqual({ retrySafe, batchable });
	});
});
