/** Unit and in-process workflow tests (`npm test`). End-to-end tests in real n8n use jest.e2e.config.js. */
module.exports = {
	testEnvironment: 'node',
	// Whole workflow executions run in-process; under a loaded 2-core CI machine 5 s per test is too tight.
	testTimeout: 30_000,
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
};
