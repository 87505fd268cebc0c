module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: '@cluster/contracts',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
