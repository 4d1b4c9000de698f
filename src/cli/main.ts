import { buildModel, ModelError, SCENARIO_NAMES } from '../model';
import { parseArgs, UsageError, type Invocation } from './args';
import { assumptionsJson, assumptionsReport, assumptionsText } from './assumptions';
import { gridJson, gridReport, gridText } from './grid';
import { statementsCsv, statementsJson, statementsReport, statementsText } from './statements';
import { runXlsx } from './xlsx';

/** Somewhere to write output: process.stdout, process.stderr or a test buffer. */
export interface Output {
  write(text: string): unknown;
}

/** The text of `kc-model --help`. */
export const USAGE = `Usage: kc-model <command> [options]

Kingsoft Cloud (KC) three-statement model and DCF from the command line.

Commands:
  statements    The note's six tables (Headline, Ratios & Valuation, Growth & Margins,
                Income Statement, Balance Sheet, Cash Flow) for 2025A-2035E, the DCF
                summary and the integrity checks. Formats: text (default), --json, --csv.
  assumptions   Every driver (id, label, unit, allowed range, periods, value, source) and
                every reported input that --set accepts. Formats: text, --json.
  grid          Value per ADS (US$) for 11 WACCs x 11 terminal growth rates around the
                scenario's own. Formats: text, --json.
  xlsx          The whole model as an Excel workbook of live formulas:
                kc-model xlsx --out FILE [--scenario NAME] [--set ID=VALUE ...] [--date YYYY-MM-DD]

Options (every command):
  --json                 JSON output
  --csv                  CSV output (statements only)
  --scenario NAME        ${SCENARIO_NAMES.join(', ')} (default: base)
  --set ID=VALUE         Override an assumption; repeat for more. ID is a driver ("wacc"),
                         a driver in one period ("revenueGrowth.2027E") or a reported
                         input ("cash.2025A"); VALUE is "0.11", "11%" or "1,234.5".
                         --set=ID=VALUE also works.
  -h, --help             Show this help

Examples:
  kc-model statements
  kc-model statements --json --set wacc=11% --set revenueGrowth.2027E=0.2
  kc-model grid --scenario bull
  kc-model assumptions --json
  kc-model xlsx --out KC-Model.xlsx --scenario bear

Exit status: 0 on success; 2 for a bad command line or assumption (one line on
stderr, nothing on stdout); 1 for an unexpected error.
`;

/** Runs the CLI on its arguments (without "node kc-model") and returns the exit code; never exits the process. */
export function main(argv: readonly string[], stdout: Output, stderr: Output): number | Promise<number> {
  // Writing a workbook is asynchronous (ExcelJS), so that command answers with a promise of the exit code.
  if (argv[0] === 'xlsx') return runXlsx(argv.slice(1), stdout, stderr);
  if (argv.length === 0) {
    stderr.write(USAGE);
    return 2;
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    stdout.write(USAGE);
    return 0;
  }
  try {
    stdout.write(run(parseArgs(argv)));
    return 0;
  } catch (error) {
    const expected = error instanceof ModelError || error instanceof UsageError;
    const message = error instanceof Error ? error.message : String(error);
    stderr.write(`kc-model: ${expected ? '' : 'internal error: '}${message.replace(/\s*\n\s*/g, ' ')}\n`);
    return expected ? 2 : 1;
  }
}

/** The whole output of a command, built before anything is written. */
function run({ command, format, scenario, overrides }: Invocation): string {
  const model = buildModel({ scenario, overrides });
  switch (command) {
    case 'statements': {
      const report = statementsReport(model, overrides);
      return format === 'json'
        ? statementsJson(report)
        : format === 'csv'
          ? statementsCsv(report)
          : statementsText(report);
    }
    case 'assumptions': {
      const report = assumptionsReport(model, overrides);
      return format === 'json' ? assumptionsJson(report) : assumptionsText(report);
    }
    case 'grid': {
      const report = gridReport(model, overrides);
      return format === 'json' ? gridJson(report) : gridText(report);
    }
  }
}
