module.exports = {
  ...require('../jest.preset.cjs'),
  displayName: '@cluster/activities',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
