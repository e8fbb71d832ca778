import { chat } from './chat';
import { customApiCall } from './customApiCall';
import { dialog } from './dialog';
import { message } from './message';
import { notification } from './notification';
import type { OperationDescription, ResourceDescription } from './types';
import { user } from './user';

/** Every resource the node offers, in the order the editor lists them. */
export const resources: ResourceDescription[] = [dialog, message, chat, notification, user, customApiCall];

export function findOperation(resource: string, operation: string): OperationDescription | undefined {
	return resources.find((entry) => entry.value === resource)?.operations.find((entry) => entry.value === operation);
}
