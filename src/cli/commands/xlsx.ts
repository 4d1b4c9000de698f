/** `kc-model xlsx --out FILE`: the whole model as an Excel workbook of live formulas, with cached values. */
import { assumptionsFor } from '../../model';
import { buildPlan, type WorkbookPlan } from '../../workbook/plan';
import { planToXlsxBuffer } from '../../workbook/xlsx';
import type { Command } from '../command';
import { UsageError } from '../errors';
import { MODEL_OPTIONS } from '../options';
import { checkTarget, removeStaleTemps, replaceFile } from '../replaceFile';
import { dateOf, overridesOf, scenarioOf } from '../values';
import { VERSION } from '../version';

/** `kc-model xlsx --out FILE [--date YYYY-MM-DD]`; `--out -` writes the file to standard output. */
export const xlsxCommand: Command = {
  name: 'xlsx',
  summary: 'The whole model as an Excel workbook of live formulas',
  usage: '--out FILE [--date YYYY-MM-DD] [--scenario NAME] [--set ID=VALUE ...]',
  description:
    "Writes the model as an .xlsx workbook of live formulas (Summary, Assumptions with base, bull and bear inputs and one scenario selector, Income Statement, Balance Sheet, Cash Flow, Ratios, DCF, Checks, Charts), each formula with the engine's value cached. --scenario sets where the selector starts; --set applies on top of every scenario. The file is written to a temporary file beside it and renamed once complete, so an existing file is never left half-written; an existing path that is not a regular file (a folder, /dev/null, a FIFO) is refused. --out - writes the workbook to standard output (not to a terminal).",
  options: ['out', 'date', ...MODEL_OPTIONS],
  examples: [
    'kc-model xlsx --out KC-Model.xlsx',
    'kc-model --scenario bull xlsx --out KC-bull.xlsx --set wacc=11%',
    'kc-model xlsx --out - --date 2026-05-28 > KC-Model.xlsx',
  ],
  async run({ invocation, stdout }) {
    const out = invocation.values.get('out');
    if (typeof out !== 'string' || out === '')
      throw new UsageError(
        'Option --out FILE is required, e.g. --out KC-Model.xlsx, or --out - for standard output.',
      );
    const date = dateOf(invocation);
    const scenario = scenarioOf(invocation);
    const overrides = overridesOf(invocation);
    // Bad assumptions are reported before anything touches the file system.
    assumptionsFor({ scenario, overrides });
    const plan = () => buildPlan({ scenario, overrides, version: `kc-model ${VERSION}`, date });
    if (out === '-') {
      if (stdout.isTTY)
        throw new UsageError(
          'Not writing a binary .xlsx to the terminal: redirect it (--out - > KC-Model.xlsx) or give --out FILE.',
        );
      stdout.write(await planToXlsxBuffer(plan()));
      return;
    }
    const target = await checkTarget(out);
    await removeStaleTemps(target.path);
    let written: WorkbookPlan | undefined;
    await replaceFile(target, () => {
      written = plan();
      return planToXlsxBuffer(written);
    });
    const formulas = written!.sheets.reduce((n, s) => n + s.cells.filter((c) => c.formula).length, 0);
    stdout.write(
      `Wrote ${out}: ${written!.sheets.length} sheets, ${formulas} formulas, scenario ${written!.scenario}.\n`,
    );
  },
};
