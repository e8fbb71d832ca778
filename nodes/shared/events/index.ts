/** Reading Bitrix24's polling event queues (a user's im.v2, a bot's imbot.v2): one entry point for every trigger. */
export { cursorAfter, loadCursor, pageLimit, pollParams, readPage, saveCursor } from './cursor';
export type { Cursor, LostEvents, PageReading } from './cursor';
export { inDialogs, parseDialogIds } from './dialogs';
export { integerOrNull, readEventPage } from './queue';
export type { EventPage, RawEvent } from './queue';
export { callQueue, lostEventsError, QueueFailure, readEvents } from './reading';
export type { QueueReaders } from './reading';
export { shapeEvent, shapeUserEvent } from './items';
export type { EventItem } from './items';
