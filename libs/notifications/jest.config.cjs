module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: '@cluster/notifications',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
