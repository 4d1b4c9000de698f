/**
 * `kc-model xlsx --out FILE [--scenario NAME] [--set ID=VALUE ...]`: writes the whole model as a live Excel
 * workbook (formulas, with the engine's values cached). Bad options or an unwritable path: one line on stderr,
 * exit code 2. The file is written to a temporary name and renamed, so a failure never clobbers a good file.
 */
import { ModelError, SCENARIO_NAMES } from '../model';
import { buildPlan } from '../workbook/plan';
import { writePlanXlsx } from '../workbook/xlsx';

export interface Output {
  write(text: string): unknown;
}

export const XLSX_USAGE = `Usage: kc-model xlsx --out FILE [--scenario NAME] [--set ID=VALUE ...]

Writes the model as an Excel workbook of live formulas: Summary, Assumptions (base, bull and bear
inputs with one scenario selector), Income Statement, Balance Sheet, Cash Flow, Ratios, DCF and Checks.

  --out FILE        The .xlsx file to write (replaced atomically)
  --scenario NAME   The scenario the selector starts on: ${SCENARIO_NAMES.join(', ')} (default: base)
  --set ID=VALUE    Override an assumption in every scenario's inputs; repeat for more
  --date YYYY-MM-DD The date stamp on the Summary sheet (default: today)
`;

class UsageError extends Error {}

interface XlsxArgs {
  out: string;
  scenario: string;
  overrides: Record<string, string>;
  date?: string;
}

function parse(args: readonly string[]): XlsxArgs {
  let out: string | undefined;
  let scenario = 'base';
  let date: string | undefined;
  const overrides: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq < 0 ? arg : arg.slice(0, eq);
    const value = (): string => {
      if (eq >= 0) return arg.slice(eq + 1);
      if (i + 1 >= args.length) throw new UsageError(`Option ${flag} needs a value.`);
      return args[++i];
    };
    if (flag === '--out') out = value();
    else if (flag === '--scenario') scenario = value();
    else if (flag === '--date') {
      date = value();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
        throw new UsageError(`Option --date needs YYYY-MM-DD; got "${date}".`);
    } else if (flag === '--set') {
      const pair = value();
      const at = pair.indexOf('=');
      if (at <= 0 || at === pair.length - 1)
        throw new UsageError(`Option --set needs ID=VALUE, e.g. --set wacc=11%; got "${pair}".`);
      overrides[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
    } else if (arg !== 'xlsx' || i > 0) {
      throw new UsageError(
        `Unknown argument "${arg}"; allowed: --out FILE, --scenario NAME, --set ID=VALUE, --date YYYY-MM-DD.`,
      );
    }
  }
  if (!out) throw new UsageError('Option --out FILE is required.');
  return { out, scenario, overrides, date };
}

/**
 * Runs `kc-model xlsx` on its arguments (the leading "xlsx" is optional) and resolves to the exit code:
 * 0 written, 2 for bad options, a bad assumption or an unwritable path, 1 for anything unexpected.
 */
export async function runXlsx(args: readonly string[], stdout: Output, stderr: Output): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    stdout.write(XLSX_USAGE);
    return 0;
  }
  let parsed: XlsxArgs;
  let plan;
  try {
    parsed = parse(args);
    plan = buildPlan({
      scenario: parsed.scenario,
      overrides: parsed.overrides,
      version: `kc-model ${version()}`,
      date: parsed.date,
    });
  } catch (error) {
    const expected = error instanceof ModelError || error instanceof UsageError;
    stderr.write(`kc-model xlsx: ${expected ? '' : 'internal error: '}${oneLine(error)}\n`);
    return expected ? 2 : 1;
  }
  try {
    await writePlanXlsx(plan, parsed.out);
  } catch (error) {
    stderr.write(`kc-model xlsx: cannot write ${parsed.out}: ${oneLine(error)}\n`);
    return 2;
  }
  const cells = plan.sheets.reduce((n, s) => n + s.cells.filter((c) => c.formula).length, 0);
  stdout.write(
    `Wrote ${parsed.out}: ${plan.sheets.length} sheets, ${cells} formulas, scenario ${plan.scenario}.\n`,
  );
  return 0;
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
}

function version(): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('../../package.json') as { version: string }).version;
  } catch {
    return 'dev';
  }
}
