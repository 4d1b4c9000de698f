/** The kc-model command line: parse, run the command, map errors to one line on stderr and an exit code. */
import { ModelError } from '../model';
import type { Command, Output } from './command';
import { COMMANDS } from './commands';
import { oneLine, quote, UsageError, WriteError } from './errors';
import { commandHelp, generalHelp } from './help';
import { parse } from './parser';
import { VERSION } from './version';

export type { Output } from './command';

/** The longest error line printed; no message is expected to come near it. */
const LONGEST_MESSAGE = 1000;

/**
 * Runs the CLI on its arguments (without "node kc-model") and returns the exit code; never exits the process.
 * 0 success; 2 a bad command line or assumption; 1 output that could not be written, or an unexpected error.
 * The xlsx command answers with a promise of the code; the others answer at once.
 */
export function main(
  argv: readonly string[],
  stdout: Output,
  stderr: Output,
  commands: readonly Command[] = COMMANDS,
): number | Promise<number> {
  if (argv.length === 0) {
    stderr.write(generalHelp(commands));
    return 2;
  }
  try {
    const invocation = parse(argv, commands);
    if (invocation.help) {
      stdout.write(invocation.command ? commandHelp(invocation.command) : generalHelp(commands));
      return 0;
    }
    if (invocation.version) {
      stdout.write(`kc-model ${VERSION}\n`);
      return 0;
    }
    const done = invocation.command!.run({ invocation, stdout, stderr, commands });
    return done instanceof Promise
      ? done.then(
          () => 0,
          (error) => fail(error, stderr),
        )
      : 0;
  } catch (error) {
    return fail(error, stderr);
  }
}

/** One line on stderr and the exit code for an error. */
function fail(error: unknown, stderr: Output): number {
  const expected = error instanceof UsageError || error instanceof ModelError;
  const known = expected || error instanceof WriteError;
  // The model names a value by its label ("WACC"); on the command line the user typed its id, so say which --set.
  const setting =
    error instanceof ModelError && (error.code === 'INVALID_VALUE' || error.code === 'OUT_OF_RANGE')
      ? `--set ${quote(error.subject).slice(1, -1)}: `
      : '';
  let message = `kc-model: ${known ? '' : 'internal error: '}${setting}${oneLine(error)}`;
  if (message.length > LONGEST_MESSAGE) message = `${message.slice(0, LONGEST_MESSAGE - 1)}…`;
  stderr.write(`${message}\n`);
  return expected ? 2 : 1;
}
