import type { ResourceDescription } from '../../../shared/operations';
import { addReaction, removeReaction } from './reactions';
import { get, getContext, markRead } from './read';
import { remove, send, update } from './send';

export const message: ResourceDescription = {
	value: 'message',
	name: 'Message',
	operations: [send, update, remove, markRead, get, getContext, addReaction, removeReaction],
};
