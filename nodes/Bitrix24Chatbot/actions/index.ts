import { withCustomApiCall } from '../../shared/operations';
import type { ResourceDescription } from '../../shared/operations';
import { bot } from './bot';
import { chat } from './chat';
import { command } from './command';
import { file } from './file';
import { message } from './message';
import { openChannel } from './openChannel';

/** Every resource the node offers, in the order the editor lists them, each with Custom API Call last. */
export const resources: ResourceDescription[] = withCustomApiCall([message, bot, chat, command, file, openChannel]);
