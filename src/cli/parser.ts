/**
 * The one argument parser of kc-model: node:util parseArgs splits the command line into tokens (long and
 * short options, "--opt=value", "--"); this module checks them against OPTIONS and the commands, so that
 * options may come before or after the command's name: `kc-model --scenario bull xlsx --out f`.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Command } from './command';
import { quote, UsageError } from './errors';
import { ALWAYS, findOption, OPTIONS, type OptionDef, type OptionName } from './options';
import { didYouMean } from './suggest';

/** What the command line asks for, before the values are read (see values.ts). */
export interface Invocation {
  /** The command named, if any. */
  command?: Command;
  /** Arguments after the command's name (only `help` takes one). */
  args: string[];
  /** Each option given, with its last value; a flag as true. --set is in `sets`. */
  values: ReadonlyMap<OptionName, string | true>;
  /** Every --set ID=VALUE, in order. */
  sets: readonly string[];
  /** --help or -h anywhere on the line. */
  help: boolean;
  /** --version or -v anywhere on the line. */
  version: boolean;
}

const CONFIG: ParseArgsConfig['options'] = Object.fromEntries(
  OPTIONS.map((def) => [
    def.name,
    { type: def.value ? 'string' : 'boolean', ...(def.short ? { short: def.short } : {}) } as const,
  ]),
);

/** Reads the arguments after "kc-model"; throws a UsageError naming the argument at fault. */
export function parse(argv: readonly string[], commands: readonly Command[]): Invocation {
  const { tokens } = parseArgs({
    args: [...argv],
    options: CONFIG,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const positionals: string[] = [];
  const values = new Map<OptionName, string | true>();
  const sets: string[] = [];
  const problems: UsageError[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const def = findOption(token.name);
    if (!def || (def.short === undefined && !token.rawName.startsWith('--'))) {
      problems.push(unknownOption(argv[token.index].startsWith('--') ? token.rawName : argv[token.index]));
      continue;
    }
    const problem = checkValue(def, token.rawName, token.value, token.inlineValue);
    if (problem) problems.push(problem);
    else if (def.name === 'set') sets.push(token.value!);
    else values.set(def.name, token.value ?? true);
  }
  const [name, ...args] = positionals;
  const command = name === undefined ? undefined : commands.find((c) => c.name === name);
  if (name !== undefined && !command)
    throw new UsageError(
      `Unknown command ${quote(name)}.${didYouMean(name, names(commands))} Commands: ${names(commands).join(', ')}.`,
    );
  const invocation = {
    command,
    args,
    values,
    sets,
    help: values.has('help'),
    version: values.has('version'),
  };
  // Asking for help or the version is never an error, whatever else is on the line.
  if (invocation.help || invocation.version) return invocation;
  if (problems.length) throw problems[0];
  if (!command)
    throw new UsageError(`No command given; commands: ${names(commands).join(', ')} (kc-model help).`);
  checkApplies(command, values, sets, commands);
  if (args.length > (command.arguments ?? 0))
    throw new UsageError(
      `Unexpected argument ${quote(args[command.arguments ?? 0])} after "${command.name}"; see kc-model help ${command.name}.`,
    );
  return invocation;
}

function names(commands: readonly Command[]): string[] {
  return commands.map((c) => c.name);
}

function unknownOption(raw: string): UsageError {
  const bare = raw.replace(/^-+/, '').split('=')[0];
  const longs = OPTIONS.map((def) => def.name);
  return new UsageError(
    `Unknown option ${quote(raw)}.${didYouMean(bare, longs, '--')} Options are listed by kc-model help.`,
  );
}

/** A problem with an option's value, or undefined: a value missing, or one given to a flag. */
function checkValue(
  def: OptionDef,
  raw: string,
  value: string | undefined,
  inline: boolean | undefined,
): UsageError | undefined {
  const example = `e.g. --${def.name} ${def.example}`;
  if (!def.value) {
    return value === undefined
      ? undefined
      : new UsageError(`Option --${def.name} takes no value; got ${quote(`${raw}=${value}`)}.`);
  }
  if (value === undefined) return new UsageError(`Option --${def.name} needs a value, ${example}.`);
  // An option-like word after a value option is more likely a forgotten value than the value itself.
  if (!inline && value.length > 1 && value.startsWith('-'))
    return new UsageError(
      `Option --${def.name} needs a value, ${example}; it is followed by ${quote(value)}. A value that starts with "-" is written --${def.name}=VALUE.`,
    );
  return undefined;
}

/** Every option given must be one the command takes (--help and --version always are). */
function checkApplies(
  command: Command,
  values: ReadonlyMap<OptionName, string | true>,
  sets: readonly string[],
  commands: readonly Command[],
) {
  const given = [...values.keys(), ...(sets.length ? (['set'] as const) : [])];
  for (const option of given) {
    if (ALWAYS.includes(option) || command.options.includes(option)) continue;
    const owners = commands.filter((c) => c.options.includes(option)).map((c) => c.name);
    throw new UsageError(
      `Option --${option} does not apply to "${command.name}"; it is for ${owners.join(', ')}. See kc-model help ${command.name}.`,
    );
  }
}
