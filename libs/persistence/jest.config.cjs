module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: '@cluster/persistence',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
