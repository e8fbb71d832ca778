import { succeededWithId } from '../../../shared/operations';

/** `{success: true, messageId, ...}` for the changes of a message, which answer a bare `true`. */
export const done = succeededWithId('messageId', 'MESSAGE_ID');
