module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: '@cluster/audit',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
