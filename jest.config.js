/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
  },
  // office-addin-manifest ships ESM that jest cannot load; office-addin-mock only needs it for types.
  moduleNameMapper: {
    '^office-addin-manifest$': '<rootDir>/test/support/office-addin-manifest-stub.js',
  },
  testTimeout: 30000,
  // Two workers on the 2-core machines the suite runs on: jest's default there is one, which leaves a core
  // idle while a test waits on webpack, Chromium or LibreOffice. The shared browser and build locks below
  // are made for parallel workers.
  maxWorkers: 2,
  // One Chromium for the run, shared by every worker's browser tests (test/support/browserServer.js).
  globalSetup: '<rootDir>/test/support/globalSetup.js',
  globalTeardown: '<rootDir>/test/support/globalTeardown.js',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
