import type { IDataObject } from 'n8n-workflow';

import { list, singleCall } from '../../../shared/operations';
import { asBot, botField, done, optionOf } from '../common';
import { BOT_TYPES, botItem, botOf } from './profile';

export const get = singleCall({
	value: 'get',
	name: 'Get',
	action: 'Get a bot',
	description: 'Get a bot of this credential: its code, type, event mode and flags',
	method: 'imbot.v2.Bot.get',
	fields: [botField],
	toParams: (read) => asBot(read, {}),
	shape: ({ result }) => botOf(result),
});

const TYPE_FILTER = [{ name: 'All Types', value: 'all' }, ...BOT_TYPES];

export const getMany = list({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many bots',
	description: 'List the bots of this credential (its Bot Token, or its OAuth2 app)',
	method: 'imbot.v2.Bot.list',
	fields: [
		{
			displayName: 'Type',
			name: 'botType',
			type: 'options',
			options: TYPE_FILTER,
			default: 'all',
			description: 'Only bots of this type',
		},
	],
	toParams: (read) => {
		const type = optionOf(read, 'botType', TYPE_FILTER);
		return type === 'all' ? {} : { filter: { type } };
	},
	paging: {
		pageSize: { param: 'limit', max: 50 },
		records: ({ result }) => {
			const { bots = [], users = [] } = (result ?? {}) as { bots?: IDataObject[]; users?: IDataObject[] };
			return bots.map((bot) => botItem(bot, users));
		},
		nextPage: ({ result }, params, records) =>
			(result as { hasNextPage?: boolean } | null)?.hasNextPage
				? { ...params, offset: Number(params.offset ?? 0) + records.length }
				: undefined,
	},
});

export const unregister = singleCall({
	value: 'unregister',
	name: 'Unregister',
	action: 'Unregister a bot',
	description: 'Delete the bot. Its trigger gets a last "bot deleted" event. Not repeated after a lost answer: check with Get Many.',
	method: 'imbot.v2.Bot.unregister',
	fields: [botField],
	toParams: (read) => asBot(read, {}),
	shape: done(),
	// A repeat after a lost answer would report BOT_NOT_FOUND for a bot it deleted.
	retrySafe: false,
});

export const rotateToken = singleCall({
	value: 'rotateToken',
	name: 'Rotate Token',
	action: 'Rotate the bot token',
	description:
		'Give the bot the credential\'s New Bot Token in place of its Bot Token (Chatbot Webhook credential only). The old token stops working at once; then move the new one into Bot Token.',
	method: 'imbot.v2.Bot.update',
	fields: [botField],
	toParams: (read) => asBot(read, { fields: {} }),
	// Authorised with the current token at the top level; the new one goes inside `fields`.
	credentialParameters: { replacementInside: 'fields' },
	shape: done(() => ({ tokenRotated: true })),
	// Safe: a repeat after a lost answer is refused with the old token and sent again with the new one, which the bot
	// already holds (no change).
});
