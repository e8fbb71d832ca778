import type { IDataObject } from 'n8n-workflow';

/**
 * Secrets a credential sends as call parameters, beside what signs the request (e.g. the token every call of a
 * Bitrix24 chat bot carries). The transport adds them to every call and to every command of a `batch` (sub-calls are
 * authorised one by one, from their own parameters).
 */
export interface CallParameters {
	/** Added to every call and every batch command. */
	current: IDataObject;
	/** The credential's replacement for `current` (a rotated secret), when it holds one. */
	replacement?: IDataObject;
	/** Refusals that say `current` no longer works (the portal ran nothing): then `replacement` is tried, and kept. */
	replaceOn: string[];
	/** What to tell the user when an operation needs `replacement` and the credential holds none. */
	missingReplacement: string;
}

/** Where an operation wants the credential's call parameters; by default at the top level, under their own names. */
export interface ParameterPlacement {
	/** Inside this parameter (an object, e.g. `fields`) instead of the top level. */
	inside?: string;
	/** Under other names, e.g. `{ botToken: 'CLIENT_ID' }` for a method that takes the same secret as CLIENT_ID. */
	renamed?: Record<string, string>;
	/**
	 * The credential's replacement too, inside this parameter (the call that makes it the current one, e.g. a token
	 * rotation). Such an operation is sent on its own, never inside a batch, and fails before sending without one.
	 */
	replacementInside?: string;
}

function renamedAs(values: IDataObject, renamed: Record<string, string> = {}): IDataObject {
	return Object.fromEntries(Object.entries(values).map(([name, value]) => [renamed[name] ?? name, value]));
}

function placedInside(params: IDataObject, key: string, values: IDataObject): IDataObject {
	const inner = params[key];
	const object = typeof inner === 'object' && inner !== null && !Array.isArray(inner) ? (inner as IDataObject) : {};
	return { ...params, [key]: { ...object, ...values } };
}

/** Every value of the parameters, for the scrubber. */
export function secretsOf(parameters?: CallParameters): string[] {
	const values = [parameters?.current, parameters?.replacement].flatMap((set) => Object.values(set ?? {}));
	return values.filter((value): value is string => typeof value === 'string');
}

/** One execution's use of a credential's call parameters: what each call carries, and the switch to the replacement. */
export class CallParameterSet {
	private replaced = false;

	constructor(private readonly parameters?: CallParameters) {}

	/** Why `placement` cannot be served (it needs a replacement the credential does not hold), or undefined. */
	missing(placement?: ParameterPlacement): string | undefined {
		if (!placement?.replacementInside || this.parameters?.replacement) return undefined;
		return this.parameters?.missingReplacement ?? 'this credential holds no replacement for its call parameters';
	}

	/** `params` with the credential's parameters placed as the operation asks. */
	apply(params: IDataObject, placement: ParameterPlacement = {}): IDataObject {
		if (!this.parameters) return params;
		const values = renamedAs(this.replaced && this.parameters.replacement ? this.parameters.replacement : this.parameters.current, placement.renamed);
		let out = placement.inside ? placedInside(params, placement.inside, values) : { ...params, ...values };
		if (placement.replacementInside && this.parameters.replacement) {
			out = placedInside(out, placement.replacementInside, this.parameters.replacement);
		}
		return out;
	}

	/** Whether calls are signed with the replacement now (after a refusal of the current parameters). */
	get usingReplacement(): boolean {
		return this.replaced;
	}

	/**
	 * Whether a call refused with `code` may go again with the replacement: the refusal says the parameters no longer
	 * work, the credential holds a replacement, and the call was not signed with it already (`signedWithReplacement`,
	 * as `usingReplacement` was when it was sent: calls in flight together may be refused after the switch).
	 */
	retriesAfter(code: string, signedWithReplacement: boolean): boolean {
		return Boolean(this.parameters?.replacement) && !signedWithReplacement && this.parameters?.replaceOn.includes(code) === true;
	}

	/** Signs every later call of the execution with the replacement. */
	useReplacement(): void {
		this.replaced = true;
	}
}
