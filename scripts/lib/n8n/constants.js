'use strict';
/*
 * What the end-to-end harness runs: the n8n and Node versions it provisions, and this package's name (the cache
 * directory's name and the prefix of the package's node types).
 */

const N8N_VERSION = '2.41.1';
const NODE_VERSION = '24.21.0';
const PACKAGE_NAME = 'n8n-nodes-bitrix24-im';

module.exports = { N8N_VERSION, NODE_VERSION, PACKAGE_NAME };
