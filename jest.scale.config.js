/**
 * Scale-out tests (`npm run test:scale`): the built package in a real n8n 2.41.1 in queue mode (a main process, workers,
 * Redis and PostgreSQL) against the emulator. As the end-to-end suite, but globalSetup also installs Redis and
 * PostgreSQL from Debian's packages when they are missing; each test file starts and stops its own cluster.
 */
const e2e = require('./jest.e2e.config');

module.exports = {
	...e2e,
	testMatch: ['<rootDir>/test/scale/**/*.scale.test.js'],
	globalSetup: '<rootDir>/test/scale/globalSetup.js',
	testTimeout: 15 * 60 * 1000,
};
