module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: '@cluster/worker',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
