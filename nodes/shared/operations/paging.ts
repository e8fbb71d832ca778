import type { IDataObject } from 'n8n-workflow';

import type { Bitrix24Success } from '../transport';
import type { PagingDescription } from './kinds';

/** OFFSET paging where Bitrix24 gives the next page's offset as the answer's top-level `next`. */
export function offsetPaging(max: number, records: (answer: Bitrix24Success) => IDataObject[]): PagingDescription {
	return {
		pageSize: { param: 'LIMIT', max },
		records,
		nextPage: (answer, params) => (typeof answer.next === 'number' ? { ...params, OFFSET: answer.next } : undefined),
	};
}
