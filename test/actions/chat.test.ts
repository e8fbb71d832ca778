import type { IDataObject } from 'n8n-workflow';

import { chat } from '../../nodes/Bitrix24Im/actions/chat';
import { CHAT_COLORS } from '../../nodes/Bitrix24Im/actions/chat/common';
import { resources } from '../../nodes/Bitrix24Im/actions';
import type { MethodCall, Shape, StepsOperation } from '../../nodes/shared/operations';
import type { CallOutcome as Bitrix24Outcome } from '../../nodes/shared/transport';
import { operationOf, requestFor, sendingTraits } from '../helpers/operationRequest';
import type { Binary } from '../helpers/operationRequest';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

const operation = (value: string) => operationOf('chat', value);

const request = (value: string, parameters: IDataObject, binaries?: Record<string, Binary>) =>
	requestFor('chat', value, parameters, binaries);

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const png = { data: { data: PNG, fileName: 'logo.png', mimeType: 'image/png' } };
const pdf = { data: { data: Buffer.from('%PDF-1.4'), fileName: 'offer.pdf', mimeType: 'application/pdf' } };

it('is registered right after Message', () => {
	expect(resources.map(({ value }) => value).slice(0, 3)).toEqual(['dialog', 'message', 'chat']);
	expect(resources[2]).toBe(chat);
});

describe('chat requests', () => {
	it.each<[string, string | undefined, IDataObject, IDataObject, Record<string, Binary>?]>([
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
		['rename', 'im.chat.updateTitle', { chatId: byId('chat12'), title: 'New' }, { CHAT_ID: 12, TITLE: 'New' }],
		['setColor', 'im.chat.updateColor', { chatId: byId('12'), color: 'light_blue' }, { CHAT_ID: 12, COLOR: 'LIGHT_BLUE' }],
		['setAvatar', 'im.chat.updateAvatar', { chatId: '7', binaryPropertyName: 'data' }, { CHAT_ID: 7, AVATAR: PNG.toString('base64') }, png],
		['setOwner', 'im.chat.setOwner', { chatId: byId('7'), userId: '3' }, { CHAT_ID: 7, USER_ID: 3 }],
		['mute', 'im.chat.mute', { chatId: byId('7') }, { CHAT_ID: 7, MUTE: 'Y' }],
		['unmute', 'im.chat.mute', { chatId: byId('7') }, { CHAT_ID: 7, MUTE: 'N' }],
		['leave', 'im.chat.leave', { chatId: byId('7') }, { CHAT_ID: 7 }],
		['addMembers', 'im.chat.user.add', { chatId: byId('7'), users: '4,5' }, { CHAT_ID: 7, USERS: [4, 5], HIDE_HISTORY: 'Y' }],
		['addMembers', 'im.chat.user.add', { chatId: byId('7'), users: '4', showHistory: true }, { CHAT_ID: 7, USERS: [4], HIDE_HISTORY: 'N' }],
		['removeMember', 'im.chat.user.delete', { chatId: byId('7'), userId: 4 }, { CHAT_ID: 7, USER_ID: 4 }],
		['listMembers', 'im.chat.user.list', { chatId: byId('chat7') }, { CHAT_ID: 7 }],
		[
			'sendFile',
			undefined,
			{ chatId: byId('7'), binaryPropertyName: 'data', message: ' Offer ' },
			{ CHAT_ID: 7, MESSAGE: 'Offer', fileName: 'offer.pdf', fileContent: Buffer.from('%PDF-1.4').toString('base64') },
			pdf,
		],
	])('%s → %s %j', async (...[value, method, parameters, params, binaries]) => {
		// (A rest parameter: with a fifth named parameter jest would take it for `done` in four-column rows.)
		expect(await request(value, parameters, binaries)).toEqual({ method, params });
	});

	it.each<[string, IDataObject, string, Record<string, Binary>?]>([
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
		['addMembers', { chatId: byId('12'), users: '' }, 'Item 0: User IDs "" is not valid: it must be one or more whole numbers greater than 0, separated by commas'],
		['removeMember', { chatId: byId('12'), userId: 'bob' }, 'Item 0: User ID "bob" is not valid: it must be a whole number greater than 0'],
		['listMembers', { chatId: byId('chat') }, 'Item 0: Chat ID "chat" is not valid: use the chat\'s number, e.g. 12 (or chat12)'],
		['sendFile', { chatId: byId('12'), binaryPropertyName: 'file' }, 'Item 0: Input Binary Field "file" is not valid: the input item has no binary property of that name', pdf],
	])('%s refuses %j', async (...[value, parameters, message, binaries]) => {
		await expect(request(value, parameters, binaries)).rejects.toThrow(message);
	});
});

describe('chat answers', () => {
	const shape = (value: string, result: unknown, params: IDataObject) =>
		(operation(value) as { shape: Shape }).shape({ result }, params);

	it.each<[string, unknown, IDataObject, unknown]>([
		['create', 31, { TYPE: 'CHAT' }, { chatId: 31, dialogId: 'chat31' }],
		['findByEntity', { ID: 1437 }, { ENTITY_TYPE: 'CRM', ENTITY_ID: 'DEAL|1' }, { found: true, chatId: 1437, dialogId: 'chat1437', entityType: 'CRM', entityId: 'DEAL|1' }],
		['findByEntity', null, { ENTITY_TYPE: 'CRM', ENTITY_ID: 'DEAL|2' }, { found: false, entityType: 'CRM', entityId: 'DEAL|2' }],
		['rename', true, { CHAT_ID: 7, TITLE: 'New' }, { success: true, chatId: 7, title: 'New' }],
		['setColor', true, { CHAT_ID: 7, COLOR: 'RED' }, { success: true, chatId: 7, color: 'RED' }],
		['setAvatar', true, { CHAT_ID: 7, AVATAR: 'iVBOR' }, { success: true, chatId: 7 }],
		['setOwner', true, { CHAT_ID: 7, USER_ID: 3 }, { success: true, chatId: 7, ownerId: 3 }],
		['mute', true, { CHAT_ID: 7, MUTE: 'Y' }, { success: true, chatId: 7, muted: true }],
		['unmute', true, { CHAT_ID: 7, MUTE: 'N' }, { success: true, chatId: 7, muted: false }],
		['leave', true, { CHAT_ID: 7 }, { success: true, chatId: 7 }],
		['addMembers', true, { CHAT_ID: 7, USERS: [4, 5] }, { success: true, chatId: 7, userIds: [4, 5] }],
		['removeMember', true, { CHAT_ID: 7, USER_ID: 4 }, { success: true, chatId: 7, userId: 4 }],
		['listMembers', [1, '3'], { CHAT_ID: 7 }, [{ userId: 1, chatId: 7 }, { userId: 3, chatId: 7 }]],
		['listMembers', [], { CHAT_ID: 7 }, []],
		[
			'sendFile',
			{ FILES: { upload9: { id: 9, name: 'offer.pdf', size: 8, urlDownload: 'https://x/rest/1/abcdef/download.json' } }, DISK_ID: [9], MESSAGE_ID: 151 },
			{ CHAT_ID: 7, fileName: 'offer.pdf' },
			{ chatId: 7, dialogId: 'chat7', fileId: 9, messageId: 151, fileName: 'offer.pdf', size: 8 },
		],
	])('%s shapes %j', (value, result, params, expected) => {
		expect(shape(value, result, params)).toEqual(expected);
	});

	it('only Create and Send File are unsafe to repeat; only Set Avatar and Send File stay out of batches', () => {
		const ops = chat.operations;
		expect(ops.filter((op) => !sendingTraits(op).retrySafe).map(({ value }) => value)).toEqual(['create', 'sendFile']);
		expect(ops.filter((op) => !sendingTraits(op).batchable).map(({ value }) => value)).toEqual(['setAvatar', 'sendFile']);
	});
});

describe('Send File steps', () => {
	const run = (operation('sendFile') as StepsOperation).run;
	const params = { CHAT_ID: 7, MESSAGE: 'Offer', fileName: 'offer.pdf', fileContent: 'JVBERi0xLjQ=' };

	function fakeCall(answers: Record<string, Bitrix24Outcome>) {
		const calls: Array<[string, IDataObject]> = [];
		const call: MethodCall = async (method, callParams) => {
			calls.push([method, callParams]);
			return answers[method];
		};
		return { call, calls };
	}

	it('finds the chat folder, uploads into it, then posts the upload', async () => {
		const commit: Bitrix24Outcome = { ok: true, value: { result: { DISK_ID: [9], MESSAGE_ID: 151 } } };
		const { call, calls } = fakeCall({
			'im.disk.folder.get': { ok: true, value: { result: { ID: 44 } } },
			'disk.folder.uploadfile': { ok: true, value: { result: { ID: 9, NAME: 'offer.pdf' } } },
			'im.disk.file.commit': commit,
		});
		expect(await run(call, params)).toBe(commit);
		expect(calls).toEqual([
			['im.disk.folder.get', { CHAT_ID: 7 }],
			['disk.folder.uploadfile', { id: 44, data: { NAME: 'offer.pdf' }, fileContent: ['offer.pdf', 'JVBERi0xLjQ='], generateUniqueName: true }],
			['im.disk.file.commit', { CHAT_ID: 7, UPLOAD_ID: 9, MESSAGE: 'Offer' }],
		]);
	});

	it('stops at the first failing step and reports it', async () => {
		const denied: Bitrix24Outcome = { ok: false, failure: { kind: 'api', code: 'ACCESS_ERROR', description: 'no access', method: 'im.disk.folder.get' } };
		const { call, calls } = fakeCall({ 'im.disk.folder.get': denied });
		expect(await run(call, params)).toBe(denied);
		expect(calls).toHaveLength(1);
	});
});
