module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: '@cluster/reference-data',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
