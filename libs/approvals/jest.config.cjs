module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: '@cluster/approvals',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
