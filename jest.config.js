// Specs are picked by suffix: *.unit.spec.ts, *.int.spec.ts, *.e2e.spec.ts (see docs/architecture.md).
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2023',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
    module: { type: 'es6' },
  },
];
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^@liaison/(domain|event-store|projections)$': '<rootDir>/libs/$1/src/index.ts',
    '^@liaison/event-store/esdb$': '<rootDir>/libs/event-store/src/esdb/esdb-event-store.ts',
    '^@fastify/static$': '<rootDir>/test/support/fastify-static.jest-stub.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
  rootDir: '.',
};
export default {
  testTimeout: 30000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,test,bench}/**/*.unit.spec.ts'] },
    { ...common, displayName: 'int', testMatch: ['<rootDir>/{apps,libs,test}/**/*.int.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.e2e.spec.ts'],
      // test/e2e and test/reliability: every answer is checked against the service's OpenAPI document.
      setupFilesAfterEnv: ['<rootDir>/test/e2e/support/contract.setup.ts'],
    },
  ],
};
