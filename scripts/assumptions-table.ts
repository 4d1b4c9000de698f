/**
 * The README's table of assumptions, generated from the driver records and the base case, so that the README
 * states the model's own values. `npx tsx scripts/assumptions-table.ts` prints it; test/model/docs.test.ts
 * checks that the README holds every row.
 */
import { buildModel, DRIVERS, driverPeriods, PERIODS, type DriverDef } from '../src/model';
import { allowedText, formatValue } from '../src/model/overrides';

/** A driver's base value(s) as the README shows them: one value, or "26E: 30.84%, 27E: ..." per period. */
function baseValues(def: DriverDef): string {
  const { assumptions } = buildModel();
  const show = (value: Parameters<typeof formatValue>[1]) => {
    const text = formatValue(def, value.toDecimalPlaces(def.unit === 'pct' ? 6 : 4));
    return def.unit === 'pct'
      ? `${Number(text.slice(0, -1))
          .toFixed(2)
          .replace(/\.?0+$/, '')}%`
      : text;
  };
  if (def.scope === 'scalar') return show(assumptions.scalars[def.id]);
  return driverPeriods(def)
    .map(
      (p) =>
        `${PERIODS.find((x) => x.id === p)!.heading.replace('12/', '')}: ${show(assumptions.series[def.id][p]!)}`,
    )
    .join(', ');
}

/** One row per driver: id, label, base value(s), allowed range, source. */
export function assumptionRows(): string[] {
  return DRIVERS.map(
    (def) => `| \`${def.id}\` | ${def.label} | ${baseValues(def)} | ${allowedText(def)} | ${def.source} |`,
  );
}

if (require.main === module) {
  console.log('| id | what | base value(s) | allowed | source |');
  console.log('|---|---|---|---|---|');
  for (const row of assumptionRows()) console.log(row);
}
