// Programmatic entry point: n8n itself loads the files listed under "n8n" in package.json.
module.exports = {
	Bitrix24Im: require('./dist/nodes/Bitrix24Im/Bitrix24Im.node.js').Bitrix24Im,
	Bitrix24WebhookApi: require('./dist/credentials/Bitrix24WebhookApi.credentials.js').Bitrix24WebhookApi,
	Bitrix24OAuth2Api: require('./dist/credentials/Bitrix24OAuth2Api.credentials.js').Bitrix24OAuth2Api,
};
