'use strict';
/** The emulated portal's REST API through one of its webhooks: what another user of the portal (or Bitrix24) does. */

/** Calls a method as the webhook's user and resolves its result; a Bitrix24 error rejects. */
async function callAs(webhook, method, params = {}) {
	const res = await fetch(`${webhook.url}${method}.json`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(params),
	});
	const body = await res.json();
	if (body.error) throw new Error(`${method}: ${body.error} ${body.error_description}`);
	return body.result;
}

module.exports = { callAs };
