module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: '@cluster/reminders',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
