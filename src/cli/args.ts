/** A mistake on the command line (exit code 2), as opposed to a ModelError about an assumption. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The output formats each command offers, the first being its default. */
export const COMMAND_FORMATS = {
  statements: ['text', 'json', 'csv'],
  assumptions: ['text', 'json'],
  grid: ['text', 'json'],
} as const;

/** A command of the CLI. */
export type Command = keyof typeof COMMAND_FORMATS;

/** An output format. */
export type Format = 'text' | 'json' | 'csv';

/** What the command line asks for. */
export interface Invocation {
  command: Command;
  format: Format;
  scenario: string;
  /** The --set pairs, id to value text; a repeated id keeps its last value. */
  overrides: Record<string, string>;
}

const COMMANDS = Object.keys(COMMAND_FORMATS) as Command[];
const OPTIONS = '--json, --csv, --scenario NAME, --set ID=VALUE, --help';

/** Reads the arguments after "kc-model"; throws a UsageError naming the offending argument. */
export function parseArgs(argv: readonly string[]): Invocation {
  let command: Command | undefined;
  let format: Format | undefined;
  let scenario = 'base';
  const overrides: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = equals < 0 ? arg : arg.slice(0, equals);
    const inline = equals < 0 ? undefined : arg.slice(equals + 1);
    const valueOf = (example: string): string => {
      if (inline !== undefined) return inline;
      if (i + 1 >= argv.length)
        throw new UsageError(`Option ${flag} needs a value, e.g. ${flag} ${example}.`);
      return argv[++i];
    };
    if (flag === '--json' || flag === '--csv') {
      if (inline !== undefined) throw new UsageError(`Option ${flag} takes no value; got "${arg}".`);
      const wanted = flag === '--json' ? 'json' : 'csv';
      if (format && format !== wanted)
        throw new UsageError(`Options --json and --csv exclude each other; give one.`);
      format = wanted;
    } else if (flag === '--scenario') {
      scenario = valueOf('bull');
    } else if (flag === '--set') {
      const [id, value] = parseSet(valueOf('wacc=11%'));
      overrides[id] = value;
    } else if (arg.startsWith('-')) {
      throw new UsageError(`Unknown option "${arg}"; allowed: ${OPTIONS}.`);
    } else if (command === undefined) {
      if (!isCommand(arg)) throw new UsageError(`Unknown command "${arg}"; allowed: ${COMMANDS.join(', ')}.`);
      command = arg;
    } else {
      throw new UsageError(`Unexpected argument "${arg}" after "${command}"; options are ${OPTIONS}.`);
    }
  }
  if (command === undefined) throw new UsageError(`No command given; allowed: ${COMMANDS.join(', ')}.`);
  const allowed: readonly Format[] = COMMAND_FORMATS[command];
  if (format && !allowed.includes(format)) {
    throw new UsageError(
      `Option --${format} is not available for "${command}"; allowed formats: ${allowed.join(', ')}.`,
    );
  }
  return { command, format: format ?? 'text', scenario, overrides };
}

/** Splits "ID=VALUE" at its first "="; the value is passed on as text for the model to parse. */
function parseSet(pair: string): [string, string] {
  const equals = pair.indexOf('=');
  const id = pair.slice(0, Math.max(equals, 0)).trim();
  if (equals < 0 || id === '') {
    throw new UsageError(
      `Malformed --set "${pair}": expected ID=VALUE, e.g. --set wacc=11% or --set revenueGrowth.2027E=0.2.`,
    );
  }
  return [id, pair.slice(equals + 1)];
}

function isCommand(text: string): text is Command {
  return (COMMANDS as string[]).includes(text);
}
