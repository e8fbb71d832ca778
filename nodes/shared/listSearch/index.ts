import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { openClient } from '../transport';
import type { Authentication } from '../transport';
import { MIN_SEARCH_LENGTH } from '../values';

export { searchBots } from './bots';

const TIMEOUT_MS = 30_000;

async function callFor(context: ILoadOptionsFunctions, method: string, params: IDataObject) {
	const authentication = context.getNodeParameter('authentication', 'webhook') as Authentication;
	const client = await openClient(context, authentication, { timeoutMs: TIMEOUT_MS });
	return { answer: await client.callOrThrow(method, params, true), portal: client.portal };
}

const dialogUrl = (portal: string, dialogId: string) => `${portal}/online/?IM_DIALOG=${encodeURIComponent(dialogId)}`;

/** A chat as Bitrix24's recent list and chat search describe it. */
interface ChatInfo {
	type?: string;
	entity_type?: string;
}

interface RecentEntry {
	id: string | number;
	chat_id: number;
	title: string;
	type: string;
	chat?: ChatInfo;
}

const CHAT_KINDS: Record<string, string> = {
	open: 'open chat',
	chat: 'group chat',
	channel: 'channel',
	openChannel: 'open channel',
	lines: 'open line',
	copilot: 'Copilot chat',
};

function chatKind(chat: ChatInfo | undefined): string {
	if (chat?.entity_type === 'SONET_GROUP') return 'workgroup chat';
	return CHAT_KINDS[chat?.type ?? ''] ?? 'chat';
}

/** What the picker shows: the name, then what kind of dialog it is and the id it stands for ("Bob Builder (private dialog, 2)"). */
const label = (name: string, kind: string, id: string) => `${name} (${kind}, ${id})`;

async function recentDialogs(
	context: ILoadOptionsFunctions,
	paginationToken: string | undefined,
	onlyChats: boolean,
): Promise<{ entries: RecentEntry[]; portal: string; next?: string }> {
	const params: IDataObject = { OFFSET: Number(paginationToken ?? 0), LIMIT: 50, ...(onlyChats ? { SKIP_DIALOG: 'Y' } : {}) };
	const { answer, portal } = await callFor(context, 'im.recent.list', params);
	const result = answer.result as { items?: RecentEntry[]; hasMore?: boolean };
	const next = result.hasMore && answer.next !== undefined ? String(answer.next) : undefined;
	return { entries: result.items ?? [], portal, next };
}

/** A recent-list page filtered by a query too short for Bitrix24's search. */
async function recentResults(
	context: ILoadOptionsFunctions,
	query: string,
	paginationToken: string | undefined,
	onlyChats: boolean,
): Promise<INodeListSearchResult> {
	const { entries, portal, next } = await recentDialogs(context, paginationToken, onlyChats);
	const results = entries
		.filter((entry) => entry.title.toLowerCase().includes(query.toLowerCase()))
		.map((entry) => {
			const value = onlyChats ? String(entry.chat_id) : String(entry.id);
			const kind = entry.type === 'user' ? 'private dialog' : chatKind(entry.chat);
			return { name: label(entry.title, kind, value), value, url: dialogUrl(portal, onlyChats ? `chat${entry.chat_id}` : value) };
		});
	return { results, paginationToken: next };
}

const chatName = (chat: { id: number; name?: string; title?: string }) => chat.name ?? chat.title ?? `chat${chat.id}`;

async function searchChatEntries(context: ILoadOptionsFunctions, filter: string) {
	const { answer, portal } = await callFor(context, 'im.search.chat.list', { FIND: filter, LIMIT: 50 });
	const chats = Object.values((answer.result ?? {}) as Record<string, ChatInfo & { id: number; name?: string; title?: string }>);
	return { chats, portal };
}

/** The dialog picker: recent dialogs, or with a query, matching chats and users (Bitrix24's own search). */
export async function searchDialogs(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const query = filter?.trim() ?? '';
	if (query.length < MIN_SEARCH_LENGTH) return await recentResults(this, query, paginationToken, false);
	const [{ chats, portal }, users] = await Promise.all([
		searchChatEntries(this, query),
		callFor(this, 'im.search.user.list', { FIND: query, LIMIT: 50 }),
	]);
	const people = Object.values((users.answer.result ?? {}) as Record<string, { id: number; name: string }>);
	const results: INodeListSearchItems[] = [
		...chats.map((chat) => ({ name: label(chatName(chat), chatKind(chat), `chat${chat.id}`), value: `chat${chat.id}` })),
		...people.map((user) => ({ name: label(user.name, 'private dialog', String(user.id)), value: String(user.id) })),
	].map((entry) => ({ ...entry, url: dialogUrl(portal, entry.value) }));
	return { results };
}

/** The chat picker: recent group chats, or with a query, Bitrix24's chat search. Values are numeric chat ids. */
export async function searchChats(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const query = filter?.trim() ?? '';
	if (query.length < MIN_SEARCH_LENGTH) return await recentResults(this, query, paginationToken, true);
	const { chats, portal } = await searchChatEntries(this, query);
	return {
		results: chats.map((chat) => ({
			name: label(chatName(chat), chatKind(chat), String(chat.id)),
			value: String(chat.id),
			url: dialogUrl(portal, `chat${chat.id}`),
		})),
	};
}
