module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: '@cluster/budget',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
