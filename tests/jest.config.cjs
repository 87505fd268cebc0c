module.exports = {
  ...require('../jest.preset.cjs'),
  displayName: '@cluster/tests',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.int-spec.ts', '<rootDir>/**/*.workflow-spec.ts', '<rootDir>/**/*.e2e-spec.ts', '<rootDir>/**/*.web-spec.ts', '<rootDir>/**/*.fault-spec.ts'],
};
