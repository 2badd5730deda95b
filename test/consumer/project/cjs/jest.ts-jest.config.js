// CommonJS jest through ts-jest: its preset, and the tsconfig.json beside this file.
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/*.cjs-jest.test.ts'],
};
