// Jest: TypeScript through @swc/jest (no ts-jest: TypeScript 7 dropped the API it needs); unit tests
// import src/domain directly, bundle tests load dist/Code.js the way Google does.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // CLI tests run the real command many times; this is a hang guard, not a speed assertion.
  testTimeout: 120_000,
};
