/**
 * End-to-end tests: the built package inside a real n8n 2.41.1 on Node 24 (`npm run test:e2e`).
 * globalSetup provisions n8n once into a cache outside the repo (minutes the first time) and builds the package.
 */
module.exports = {
	testEnvironment: 'node',
	rootDir: __dirname,
	testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.js'],
	globalSetup: '<rootDir>/test/e2e/globalSetup.js',
	testTimeout: 10 * 60 * 1000,
	maxWorkers: 1,
	transform: {},
};
