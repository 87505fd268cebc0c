module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: '@cluster/api',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
