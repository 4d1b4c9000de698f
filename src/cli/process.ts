/**
 * kc-model as a process (bin/kc-model.js): runs main() on process.argv and sets the exit code. Output that
 * cannot be written ends the run cleanly: a closed pipe (`kc-model statements | head -1`) quietly, with the
 * command's own code; any other write error (a full disk) with one line on stderr and exit code 1. Never a
 * stack trace.
 */
import { reason } from './errors';
import type { Output } from './command';
import { main } from './main';

/** An Output over a process stream that remembers the first error instead of throwing it. */
class StreamOutput implements Output {
  private failure: NodeJS.ErrnoException | undefined;
  private readonly pending: Promise<void>[] = [];

  constructor(private readonly stream: NodeJS.WriteStream) {
    // Without a listener a stream error (EPIPE) is thrown from the event loop as an uncaught exception.
    stream.on('error', (error: NodeJS.ErrnoException) => (this.failure ??= error));
  }

  get isTTY(): boolean {
    return this.stream.isTTY === true;
  }

  write(chunk: string | Uint8Array): boolean {
    if (this.failure) return false;
    try {
      this.pending.push(
        new Promise((resolve) =>
          this.stream.write(chunk, (error) => {
            if (error) this.failure ??= error;
            resolve();
          }),
        ),
      );
    } catch (error) {
      this.failure ??= error as NodeJS.ErrnoException;
    }
    return this.failure === undefined;
  }

  /** Waits for every write to finish; the first error, if any. */
  async finished(): Promise<NodeJS.ErrnoException | undefined> {
    await Promise.all(this.pending);
    return this.failure;
  }
}

/** Runs kc-model on the process's arguments and sets process.exitCode. */
export async function run(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const stdout = new StreamOutput(process.stdout);
  const stderr = new StreamOutput(process.stderr);
  let code = await main(argv, stdout, stderr);
  const failure = await stdout.finished();
  if (failure && failure.code !== 'EPIPE') {
    stderr.write(`kc-model: cannot write to standard output: ${reason(failure)}.\n`);
    code = 1;
  }
  await stderr.finished();
  process.exitCode = code;
}
