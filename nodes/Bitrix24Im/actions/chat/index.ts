import type { ResourceDescription } from '../../../shared/operations';
import { createChat, findByEntity } from './create';
import { addMembers, listMembers, removeMember } from './members';
import { sendFile } from './sendFile';
import { leave, mute, rename, setAvatar, setColor, setOwner, unmute } from './settings';

export const chat: ResourceDescription = {
	value: 'chat',
	name: 'Chat',
	operations: [
		createChat,
		findByEntity,
		rename,
		setColor,
		setAvatar,
		setOwner,
		mute,
		unmute,
		leave,
		addMembers,
		removeMember,
		listMembers,
		sendFile,
	],
};
