import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { list, offsetPaging, singleCall, succeeded } from '../../../shared/operations';
import type { ResourceDescription } from '../../../shared/operations';
import type { Bitrix24Success } from '../../../shared/transport';
import { asObject, MIN_SEARCH_LENGTH } from '../../../shared/values';

const STATUSES = ['online', 'dnd', 'away', 'break'] as const;

/** The maps of im.counters.get; PHP sends an empty one as `[]`. The *_UNREAD keys are real lists and stay arrays. */
const COUNTER_MAPS = ['TYPE', 'CHAT', 'CHAT_MUTED', 'LINES', 'DIALOG'];

/** The search methods answer an object keyed by id (`[]` when nothing matched), paged by OFFSET with a top-level `next`. */
const searchPaging = (order: (records: IDataObject[]) => IDataObject[]) =>
	offsetPaging(50, ({ result }) => order(Object.values(asObject(result)) as IDataObject[]));

/**
 * Bitrix24 pages the chat search newest chat first (ORDER BY ID DESC), but a JSON object keyed by id comes out of
 * parsing in ascending key order; sorting each page back keeps the whole list newest first.
 */
const newestChatFirst = (records: IDataObject[]) => [...records].sort((a, b) => Number(b.id) - Number(a.id));

function searchField(what: string, example: string): INodeProperties {
	return {
		displayName: 'Search Text',
		name: 'find',
		type: 'string',
		required: true,
		default: '',
		placeholder: example,
		description: `Part of the ${what}, at least ${MIN_SEARCH_LENGTH} characters, e.g. ${example}`,
	};
}

function shapeCounters({ result }: Bitrix24Success): IDataObject {
	const counters = { ...asObject(result) };
	for (const key of COUNTER_MAPS) if (Array.isArray(counters[key])) counters[key] = {};
	return counters;
}

export const user: ResourceDescription = {
	value: 'user',
	name: 'User',
	operations: [
		singleCall({
			value: 'get',
			name: 'Get',
			action: 'Get a user',
			description: 'Get a user\'s messenger profile: name, position, status, last activity, departments and more',
			method: 'im.user.get',
			fields: [
				{
					displayName: 'User ID',
					name: 'userId',
					type: 'string',
					default: '',
					placeholder: '12',
					description: 'The user to read, a whole number greater than 0. Leave empty for the credential\'s own user.',
				},
			],
			toParams: (read) => ({ ID: read.optionalPositiveInteger('userId') }),
			shape: ({ result }) => asObject(result),
		}),
		singleCall({
			value: 'getMany',
			name: 'Get Many',
			action: 'Get many users',
			description: 'Get several users\' messenger profiles by ID, one item per user found',
			method: 'im.user.list.get',
			fields: [
				{
					displayName: 'User IDs',
					name: 'userIds',
					type: 'string',
					required: true,
					default: '',
					placeholder: '1, 12, 30',
					description: 'The users to read: IDs separated by commas (e.g. 1, 12, 30), or an array from an expression. Unknown IDs are left out.',
				},
			],
			toParams: (read) => ({ ID: read.positiveIntegers('userIds'), RESULT_TYPE: 'array' }),
			shape: ({ result }) => (Array.isArray(result) ? (result as IDataObject[]) : Object.values(asObject(result)).filter(Boolean) as IDataObject[]),
		}),
		singleCall({
			value: 'getStatus',
			name: 'Get Status',
			action: 'Get the status of the user',
			description: 'Get the messenger status of the credential\'s user: online, dnd (do not disturb), away or break',
			method: 'im.user.status.get',
			fields: [],
			toParams: () => ({}),
			// Bitrix24 answers `false` when the user never had a status.
			shape: ({ result }) => ({ status: typeof result === 'string' ? result : null }),
		}),
		singleCall({
			value: 'setStatus',
			name: 'Set Status',
			action: 'Set the status of the user',
			description: 'Set the messenger status of the credential\'s user',
			method: 'im.user.status.set',
			fields: [
				{
					displayName: 'Status',
					name: 'status',
					type: 'options',
					options: [
						{ name: 'Away', value: 'away' },
						{ name: 'Break', value: 'break' },
						{ name: 'Do Not Disturb', value: 'dnd' },
						{ name: 'Online', value: 'online' },
					],
					default: 'online',
					description: 'The new status. From an expression: online, dnd, away or break.',
				},
			],
			toParams: (read) => ({ STATUS: read.choice('status', STATUSES) }),
			shape: succeeded((params) => ({ status: params.STATUS as string })),
		}),
		singleCall({
			value: 'getCounters',
			name: 'Get Counters',
			action: 'Get the unread counters of the user',
			description: 'Get the credential\'s user\'s unread counters: totals by type, and per chat and per private dialog',
			method: 'im.counters.get',
			fields: [],
			toParams: () => ({}),
			shape: shapeCounters,
		}),
		list({
			value: 'searchUsers',
			name: 'Search Users',
			action: 'Search users',
			description: 'Find users by name, position or e-mail, one item per user',
			method: 'im.search.user.list',
			fields: [searchField('name, position or e-mail', 'Smith')],
			toParams: (read) => ({ FIND: read.text('find', MIN_SEARCH_LENGTH), OFFSET: 0 }),
			paging: searchPaging((records) => records),
		}),
		list({
			value: 'searchChats',
			name: 'Search Chats',
			action: 'Search chats',
			description: 'Find the credential\'s user\'s group chats by title, newest chat first, one item per chat',
			method: 'im.search.chat.list',
			fields: [searchField('chat title', 'Apollo')],
			toParams: (read) => ({ FIND: read.text('find', MIN_SEARCH_LENGTH), OFFSET: 0 }),
			paging: searchPaging(newestChatFirst),
		}),
	],
};
