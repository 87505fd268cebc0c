// One Jest run over every project: unit specs next to their code, integration, workflow and
// end-to-end suites in tests/. The global setup starts PostgreSQL and Temporal once per run.
module.exports = {
  projects: [
    '<rootDir>/libs/*/jest.config.cjs',
    '<rootDir>/apps/*/jest.config.cjs',
    '<rootDir>/workflows/jest.config.cjs',
    '<rootDir>/activities/jest.config.cjs',
    '<rootDir>/tests/jest.config.cjs',
  ],
  // Real servers: a cold JVM, a workflow round trip or a database start can take seconds.
  // (A global option: Jest ignores it inside a project's config.)
  testTimeout: 60_000,
  globalSetup: '<rootDir>/tests/support/global-setup.mjs',
  globalTeardown: '<rootDir>/tests/support/global-teardown.mjs',
};
