/**
 * Finds the 12/35E capex/revenue (to 0.01pp) that makes the base case's DCF give the note's US$19.5 per ADS,
 * given the other long-range targets. Development tool: `npx tsx scripts/calibrate-terminal.ts`.
 */
import { buildModelUncached } from '../src/model';

const TARGET = 19.5;
const valueAt = (capex: number) =>
  buildModelUncached({ overrides: { capexRatioTerminal: capex } })
    .dcf()
    .valuePerAdsUsd.toNumber();

let low = 0.05;
let high = 0.6;
for (let i = 0; i < 60; i++) {
  const mid = (low + high) / 2;
  if (valueAt(mid) > TARGET) low = mid;
  else high = mid;
}
const rounded = Math.round(((low + high) / 2) * 10000) / 10000;
console.log(`capexRatioTerminal ${rounded} -> US$${valueAt(rounded).toFixed(4)} per ADS`);
