import type { INodeProperties } from 'n8n-workflow';

/** The field naming one notification by its ID. */
export const notificationIdField = (description: string): INodeProperties => ({
	displayName: 'Notification ID',
	name: 'notificationId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '1500',
	description,
});
