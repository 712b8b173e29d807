import { clearFaultOutcomes, faultTable, readFaultOutcomes } from './fault-summary.js';

/** vitest globalSetup of `npm run test:faults`: a fresh summary before, the table after. */
export default function setup(): () => void {
  clearFaultOutcomes();
  return () => {
    const outcomes = readFaultOutcomes();
    console.log(`\nFault tests: where every item went (lost must be 0)\n\n${faultTable(outcomes)}\n`);
  };
}
