import type { ResourceDescription } from '../../../shared/operations';
import { deleteMessage, send, update } from './compose';
import { like, runBotCommand, share } from './respond';
import { search } from './search';

export const message: ResourceDescription = {
	value: 'message',
	name: 'Message',
	operations: [send, update, deleteMessage, like, share, runBotCommand, search],
};
