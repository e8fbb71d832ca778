import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { CHATBOT_CREDENTIALS } from '../fields';
import { openClient } from '../transport';
import type { Authentication } from '../transport';

const PAGE = 50;

/** The bot picker of the Chatbot nodes: the bots of the credential (its Bot Token, or its OAuth2 app), filtered by name or code. */
export async function searchBots(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const authentication = this.getNodeParameter('authentication', 'webhook') as Authentication;
	const client = await openClient(this, authentication, { timeoutMs: 30_000, credentials: CHATBOT_CREDENTIALS });
	const offset = Number(paginationToken ?? 0);
	const { result } = await client.callOrThrow('imbot.v2.Bot.list', { limit: PAGE, offset }, true);
	const { bots = [], users = [], hasNextPage } = (result ?? {}) as { bots?: IDataObject[]; users?: IDataObject[]; hasNextPage?: boolean };
	const query = (filter ?? '').trim().toLowerCase();
	const results = bots
		.map((bot) => {
			const name = String(users.find((user) => user.id === bot.id)?.name ?? bot.code);
			return { name: `${name} (${String(bot.code)})`, value: String(bot.id) };
		})
		.filter((entry) => entry.name.toLowerCase().includes(query));
	return { results, paginationToken: hasNextPage ? String(offset + bots.length) : undefined };
}
