/** The help texts, built from the commands and OPTIONS so that they cannot drift from what the parser accepts. */
import type { Command } from './command';
import { renderTable, wrapWords } from './format';
import { ALWAYS, MODEL_OPTIONS, OPTIONS, optionSyntax, type OptionName } from './options';

/** Help fits a classic 80-column terminal. */
const HELP_WIDTH = 80;

/** `kc-model help` and `kc-model --help`. */
export function generalHelp(commands: readonly Command[]): string {
  const commandOptions = OPTIONS.filter(
    (def) => !MODEL_OPTIONS.includes(def.name) && !ALWAYS.includes(def.name),
  ).map((def) => `--${def.name}`);
  return text([
    'Usage: kc-model [OPTIONS] COMMAND [OPTIONS]',
    '',
    ...wrapWords(
      "Kingsoft Cloud (KC) three-statement model and DCF from the command line: the note's tables, the assumptions, the WACC x terminal growth grid, what the price implies (reverse DCF), what moved the value (bridge), what matters most (tornado) and the Excel workbook.",
      HELP_WIDTH,
    ),
    '',
    'Commands:',
    ...table(commands.map((c) => [c.name, c.summary])),
    '',
    ...wrapWords(
      'Options of every model command but bridge (which compares the cases --from and --to), before or after its name:',
      HELP_WIDTH,
    ),
    ...optionTable([...MODEL_OPTIONS, ...ALWAYS]),
    ...wrapWords(`Options of one command (${commandOptions.join(', ')}): kc-model help COMMAND.`, HELP_WIDTH),
    '',
    'Examples:',
    '  kc-model statements',
    '  kc-model statements --years 2026-2030 --set wacc=11%',
    '  kc-model statements --json --set revenueGrowth.2027E=20%',
    '  kc-model --scenario bull grid',
    '  kc-model assumptions --json',
    '  kc-model implied --driver wacc',
    '  kc-model bridge --from bear --to "base wacc=11%"',
    '  kc-model tornado --scenario bull',
    '  kc-model xlsx --out KC-Model.xlsx --scenario bear',
    '',
    ...wrapWords(
      'Exit status: 0 success; 2 a bad command line or assumption (one line on stderr, nothing on stdout); 1 output that could not be written (a full disk, say), or an unexpected error. A closed pipe (kc-model statements | head) ends quietly with 0.',
      HELP_WIDTH,
    ),
  ]);
}

/** `kc-model help COMMAND` and `kc-model COMMAND --help`. */
export function commandHelp(command: Command): string {
  return text([
    ...hanging(`Usage: kc-model ${command.name} `, command.usage),
    '',
    ...wrapWords(command.description, HELP_WIDTH),
    '',
    ...(command.options.length ? ['Options:', ...optionTable([...command.options, 'help']), ''] : []),
    'Examples:',
    ...command.examples.map((example) => `  ${example}`),
  ]);
}

function text(lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

/** Two-column help rows, indented by two spaces, the second column wrapping. */
function table(rows: string[][]): string[] {
  return renderTable(
    [
      { header: '', align: 'left' },
      { header: '', align: 'left', wraps: true },
    ],
    rows,
    HELP_WIDTH - 2,
  )
    .slice(1)
    .map((line) => `  ${line}`);
}

function optionTable(names: readonly OptionName[]): string[] {
  return table(OPTIONS.filter((def) => names.includes(def.name)).map((def) => [optionSyntax(def), def.help]));
}

/** `first` then `rest` wrapped to HELP_WIDTH, continuation lines indented under the start of `rest`. */
function hanging(first: string, rest: string): string[] {
  const [head, ...more] = wrapWords(rest, HELP_WIDTH - first.length);
  return [`${first}${head}`.trimEnd(), ...more.map((line) => `${' '.repeat(first.length)}${line}`)];
}
