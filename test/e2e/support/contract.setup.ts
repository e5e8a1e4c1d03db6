// jest setupFilesAfterEnv of the e2e project: the HTTP specs in test/e2e and test/reliability check
// every answer against the service's /docs/openapi.json (contract-hook.ts). The browser specs drive
// Chromium and are not concerned.
import { afterAll, expect } from '@jest/globals';
import { contractHook, installContractCheck } from './contract-hook.js';

const testPath = expect.getState().testPath ?? '';
if (/[\\/]test[\\/](e2e|reliability)[\\/]/.test(testPath)) {
  installContractCheck();
  afterAll(() => {
    if (contractHook.checked > 0) {
      console.log(`contract: ${contractHook.checked} answers checked against /docs/openapi.json over ${contractHook.reached.size} operations, ${contractHook.violations.length} drifting`);
    }
    expect(contractHook.violations).toEqual([]);
  });
}
