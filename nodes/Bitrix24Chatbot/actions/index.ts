import type { ResourceDescription } from '../../shared/operations';
import { bot } from './bot';
import { chat } from './chat';
import { command } from './command';
import { file } from './file';
import { message } from './message';
import { openChannel } from './openChannel';

/** Every resource the node offers, in the order the editor lists them. */
export const resources: ResourceDescription[] = [message, bot, chat, command, file, openChannel];
