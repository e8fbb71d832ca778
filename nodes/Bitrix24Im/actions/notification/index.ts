import type { ResourceDescription } from '../../../shared/operations';
import { answer, confirm } from './answers';
import { getMany, getSchema, searchHistory } from './history';
import { deleteNotifications, markAllRead, markRead } from './manage';
import { sendPersonal, sendSystem } from './send';

export const notification: ResourceDescription = {
	value: 'notification',
	name: 'Notification',
	operations: [sendPersonal, sendSystem, deleteNotifications, markRead, markAllRead, getMany, answer, confirm, searchHistory, getSchema],
};
