module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: '@cluster/cases',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
