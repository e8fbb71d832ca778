import type { ResourceDescription } from '../../../shared/operations';
import { create, get, update } from './create';
import { addManagers, addMembers, listMembers, removeManagers, removeMember } from './members';
import { disableTextField, enableTextField, leave, setOwner, showTyping } from './settings';

export const chat: ResourceDescription = {
	value: 'chat',
	name: 'Chat',
	operations: [
		create,
		get,
		update,
		leave,
		setOwner,
		addMembers,
		removeMember,
		listMembers,
		addManagers,
		removeManagers,
		showTyping,
		enableTextField,
		disableTextField,
	],
};
