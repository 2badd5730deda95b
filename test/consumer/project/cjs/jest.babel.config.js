// CommonJS jest through babel-jest (jest's default transform when a babel.config.js exists).
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/*.cjs-jest.test.ts'],
};
