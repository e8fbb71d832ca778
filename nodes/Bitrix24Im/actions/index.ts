import { withCustomApiCall } from '../../shared/operations';
import type { ResourceDescription } from '../../shared/operations';
import { chat } from './chat';
import { department } from './department';
import { dialog } from './dialog';
import { file } from './file';
import { message } from './message';
import { notification } from './notification';
import { user } from './user';

/** Every resource the node offers, in the order the editor lists them, each with Custom API Call last. */
export const resources: ResourceDescription[] = withCustomApiCall([dialog, message, chat, notification, user, file, department]);
