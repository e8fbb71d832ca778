/** Operations described as data, and the one loop that runs them: one entry point for every node. */
export { withCustomApiCall } from './customApiCall';
export { executeOperation } from './executor';
export type { BinaryFile, ItemReader } from './itemReader';
export { list, singleCall, steps } from './kinds';
export type {
	ListOperation,
	MethodCall,
	OperationDescription,
	PagingDescription,
	ResourceDescription,
	Shape,
	SingleCallOperation,
	StepCalls,
	StepsOperation,
} from './kinds';
export { offsetPaging } from './paging';
export { buildProperties, operationSubtitle } from './properties';
export { succeeded, succeededWithId } from './shapes';
