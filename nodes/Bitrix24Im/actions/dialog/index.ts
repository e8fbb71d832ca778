import type { ResourceDescription } from '../../../shared/operations';
import { getDialog, getMembers, sendTyping } from './info';
import { getMessages } from './messages';
import { markAllRead, markRead, markUnread } from './readMarks';
import { getRecent, getRecentEntry, hide, pin, setUnreadMark, unpin } from './recent';

export const dialog: ResourceDescription = {
	value: 'dialog',
	name: 'Dialog',
	operations: [
		markUnread,
		markRead,
		markAllRead,
		getDialog,
		getMessages,
		getMembers,
		sendTyping,
		setUnreadMark,
		pin,
		unpin,
		hide,
		getRecent,
		getRecentEntry,
	],
};
