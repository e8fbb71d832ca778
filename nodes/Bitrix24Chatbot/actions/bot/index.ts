import type { ResourceDescription } from '../../../shared/operations';
import { get, getMany, rotateToken, unregister } from './manage';
import { register, update } from './register';

export const bot: ResourceDescription = {
	value: 'bot',
	name: 'Bot',
	operations: [register, update, get, getMany, unregister, rotateToken],
};
