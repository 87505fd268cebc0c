module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: '@cluster/domain',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
