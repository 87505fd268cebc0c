module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: '@cluster/config',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
