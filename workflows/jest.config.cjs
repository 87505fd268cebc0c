module.exports = {
  ...require('../jest.preset.cjs'),
  displayName: '@cluster/workflows',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
