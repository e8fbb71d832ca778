import type { INodeProperties } from 'n8n-workflow';

/** Attachments (ATTACH): rich blocks under the text; used by messages and notifications. */
export function attachmentsField(name = 'attachments'): INodeProperties {
	return {
		displayName: 'Attachments',
		name,
		type: 'json',
		default: '',
		description:
			'Rich blocks shown under the text (Bitrix24\'s ATTACH), as JSON: an object with BLOCKS or a list of blocks, e.g. [{"MESSAGE": "Deal [b]#42[/b] won"}, {"LINK": {"NAME": "Open deal", "LINK": "https://example.com/deal/42"}}]. At most 60,000 characters.',
	};
}

export const keyboardField: INodeProperties = {
	displayName: 'Keyboard',
	name: 'keyboard',
	type: 'json',
	default: '',
	description:
		'Buttons under the message (Bitrix24\'s KEYBOARD), as JSON: a list of buttons, e.g. [{"TEXT": "Approve", "COMMAND": "approve", "COMMAND_PARAMS": "42"}, {"TYPE": "NEWLINE"}, {"TEXT": "Open", "LINK": "https://example.com"}]',
};

export const menuField: INodeProperties = {
	displayName: 'Menu',
	name: 'menu',
	type: 'json',
	default: '',
	description:
		'Items of the message\'s context menu (Bitrix24\'s MENU), as JSON: a list of items, e.g. [{"TEXT": "Open deal", "LINK": "https://example.com/deal/42"}]',
};
