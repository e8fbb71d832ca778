import { resources } from '../../nodes/Bitrix24Chatbot/actions';
import { operationHelpers } from './operationRequest';
import { operationTables } from './operationTables';

/** The request and table helpers (operationRequest.ts, operationTables.ts) for the Chatbot node's operations. */
export const chatbot = operationHelpers(resources);
export const { requestCases, refusalCases, shapeCases } = operationTables(chatbot);
export { resources };

/** The bot locator, picked by ID, as unit tables give it. */
export const bot = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
