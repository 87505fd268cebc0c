// Shared Jest settings. ts-jest with isolatedModules transpiles without type-checking
// (about 3x faster); `npm run lint` type-checks every project with tsc instead.
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: ['reflect-metadata'],
};
