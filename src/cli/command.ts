import type { OptionName } from './options';
import type { Invocation } from './parser';

/** Somewhere to write output: process.stdout, process.stderr or a test buffer. */
export interface Output {
  write(chunk: string | Uint8Array): unknown;
  /** True when the output is a terminal (binary output is refused there). */
  readonly isTTY?: boolean;
}

/** What a command runs with: the parsed command line, the outputs and every command (for help). */
export interface Context {
  invocation: Invocation;
  stdout: Output;
  stderr: Output;
  commands: readonly Command[];
}

/** One command of the CLI: its help, the options it takes beyond --help/--version, and what it does. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** What follows "kc-model NAME" in the usage line. */
  usage: string;
  /** A paragraph for `kc-model help NAME`. */
  description: string;
  options: readonly OptionName[];
  /** The most positional arguments after the command's name (default 0). */
  arguments?: number;
  examples: readonly string[];
  /** Writes the command's output; throws UsageError, ModelError or WriteError on failure. */
  run(context: Context): void | Promise<void>;
}
