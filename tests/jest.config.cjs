module.exports = {
  ...require('../jest.preset.cjs'),
  displayName: '@cluster/tests',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
