/**
 * Finds the terminal fixed-asset intensity (net fixed assets / revenue from 12/34E, to 0.0001x) that makes the
 * base case's DCF give the note's US$19.5 per ADS, given the other long-range targets.
 * Development tool: `npx tsx scripts/calibrate-terminal.ts`.
 */
import { buildModelUncached } from '../src/model';

const TARGET = 19.5;
const valueAt = (intensity: number) =>
  buildModelUncached({ overrides: { fixedAssetIntensityTerminal: intensity } })
    .dcf()
    .valuePerAdsUsd.toNumber();

// Value falls as the business needs more fixed assets per unit of revenue.
let low = 0.1;
let high = 3;
for (let i = 0; i < 60; i++) {
  const mid = (low + high) / 2;
  if (valueAt(mid) > TARGET) low = mid;
  else high = mid;
}
const rounded = Math.round(((low + high) / 2) * 10000) / 10000;
console.log(`fixedAssetIntensityTerminal ${rounded} -> US$${valueAt(rounded).toFixed(4)} per ADS`);
