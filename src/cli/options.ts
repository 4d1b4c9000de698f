import { CASE_SYNTAX, IMPLIED_DRIVERS, SCENARIO_NAMES } from '../model';

/** Every option of the CLI, by its long name. */
export type OptionName =
  | 'scenario'
  | 'set'
  | 'json'
  | 'csv'
  | 'years'
  | 'note'
  | 'out'
  | 'date'
  | 'driver'
  | 'price'
  | 'from'
  | 'to'
  | 'help'
  | 'version';

/** One option: its value's placeholder (none for a flag), an optional short form and a line of help. */
export interface OptionDef {
  name: OptionName;
  short?: string;
  /** "NAME", "ID=VALUE", ...; absent for a flag. */
  value?: string;
  /** An example value, for messages such as "--set needs a value, e.g. --set wacc=11%". */
  example?: string;
  help: string;
}

/** The options, in the order help lists them. */
export const OPTIONS: readonly OptionDef[] = [
  { name: 'json', help: 'JSON output (unrounded numbers, percentages as fractions, null for NM)' },
  { name: 'csv', help: 'CSV output, one record per line of every table' },
  {
    name: 'years',
    value: 'YEARS',
    example: '2026-2030',
    help: 'Year columns of text and CSV: all, a year (2027), a range (2026-2030) or a list (2025,2030); default: 12/25-12/28E for text, all for CSV',
  },
  {
    name: 'note',
    help: "The note's six tables with the note's labels (to check against the note), instead of the model's statements",
  },
  {
    name: 'out',
    short: 'o',
    value: 'FILE',
    example: 'KC-Model.xlsx',
    help: 'The .xlsx file to write (replaced only once complete), or - for standard output',
  },
  {
    name: 'date',
    value: 'YYYY-MM-DD',
    example: '2026-05-28',
    help: 'The date stamp on the Summary sheet (default: today)',
  },
  {
    name: 'driver',
    value: 'ID',
    example: 'wacc',
    help: `The driver the reverse DCF solves for: ${IMPLIED_DRIVERS.map((d) => d.id).join(', ')} (default: every one)`,
  },
  {
    name: 'price',
    value: 'US$',
    example: '13.03',
    help: "The price per ADS to solve to, 0.01 to 10000 (default: the case's own, US$13.03 in the base case)",
  },
  {
    name: 'from',
    value: 'CASE',
    example: 'bear',
    help: `The case the bridge starts from (default: base): ${CASE_SYNTAX}; quote it when it has overrides`,
  },
  {
    name: 'to',
    value: 'CASE',
    example: '"base wacc=11%"',
    help: 'The case the bridge ends at, written as --from',
  },
  {
    name: 'scenario',
    value: 'NAME',
    example: 'bull',
    help: `${SCENARIO_NAMES.join(', ')} (default: base)`,
  },
  {
    name: 'set',
    value: 'ID=VALUE',
    example: 'wacc=11%',
    help: 'Override an assumption; repeat for more. ID is a driver (wacc), a driver in one year (revenueGrowth.2027E) or a reported input (cash.2025A); VALUE is 0.11, 11% or 1,234.5 (a comma only between thousands)',
  },
  { name: 'help', short: 'h', help: 'Help on the command (or on kc-model)' },
  { name: 'version', short: 'v', help: 'The version of kc-model' },
];

/** The options every model command takes, before or after the command's name. */
export const MODEL_OPTIONS: readonly OptionName[] = ['scenario', 'set'];

/** Options that work with any command or none. */
export const ALWAYS: readonly OptionName[] = ['help', 'version'];

const BY_NAME = new Map(OPTIONS.map((def) => [def.name as string, def]));

/** The option with this long name, or undefined (a Map: "constructor" is no option). */
export function findOption(name: string): OptionDef | undefined {
  return BY_NAME.get(name);
}

/** How an option is written in help: "--set ID=VALUE", "-o, --out FILE". */
export function optionSyntax(def: OptionDef): string {
  return `${def.short ? `-${def.short}, ` : ''}--${def.name}${def.value ? ` ${def.value}` : ''}`;
}
