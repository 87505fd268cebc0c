module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: '@cluster/documents',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
