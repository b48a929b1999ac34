/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/test/conformance/'],
  transform: {
    '^.+\\.ts$': ['@swc/jest'],
    // d3-geo and its own dependencies ship ES modules only; swc turns them into CommonJS.
    '^.+\\.m?js$': ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(d3-geo|d3-array|internmap)/)'],
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  maxWorkers: 2,
  // A hang guard, not a speed check: many tests drive the real CLI, a process start costs ~2 s
  // on an idle 2-core machine and several times that under load.
  testTimeout: 300000,
};
