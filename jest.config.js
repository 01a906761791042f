// Jest: TypeScript through @swc/jest (no ts-jest: TypeScript 7 dropped the API it needs); unit tests
// import src/domain directly, bundle tests load dist/Code.js the way Google does. src/ and local/
// are roots too, so `--coverage` lists every source file, also those no test imports (0 %), instead
// of hiding them; `npm run coverage` adds what the bundle runs (scripts/coverage.mjs).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/src', '<rootDir>/local'],
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  collectCoverageFrom: ['src/**/*.ts', 'local/**/*.ts'],
  // CLI tests run the real command many times; this is a hang guard, not a speed assertion.
  testTimeout: 120_000,
};
