import type { ResourceDescription } from '../../../shared/operations';
import { download } from './download';
import { upload } from './upload';

export const file: ResourceDescription = {
	value: 'file',
	name: 'File',
	operations: [upload, download],
};
