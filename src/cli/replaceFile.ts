/**
 * Replacing a file without ever leaving half of one: the new contents go to a temporary file in the target's
 * folder, which is renamed over the target only once complete and synced. The temporary file is named
 * `.<name>.kc-tmp-<pid>`; it is removed on failure and on SIGINT, SIGTERM or SIGHUP, and a later run removes
 * those whose process is gone (a run killed with SIGKILL). Only regular files are replaced: a folder, a device
 * such as /dev/null, a FIFO or a socket is refused before anything is written.
 */
import { promises as fs, unlinkSync, type Stats } from 'fs';
import * as path from 'path';
import { quote, reason, UsageError, WriteError } from './errors';

/** A checked target: the path that will be replaced (symbolic links resolved) and the mode to keep. */
export interface Target {
  /** The path as the user gave it, for messages. */
  given: string;
  /** The real path to replace: a symbolic link to a file is followed, so the link stays a link. */
  path: string;
  /** The permissions of the file being replaced, kept on the new one. */
  mode?: number;
}

const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** The temporary file a process writes for `target`. */
export function tempPath(target: string, pid = process.pid): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.kc-tmp-${pid}`);
}

/** Checks that `given` can be replaced: a regular file, or a new name in an existing folder. Throws UsageError. */
export async function checkTarget(given: string): Promise<Target> {
  const stats = await statOrUndefined(given, given);
  if (stats) {
    if (stats.isDirectory())
      throw new UsageError(`--out ${quote(given)} is a folder; give a file name, e.g. --out KC-Model.xlsx.`);
    if (!stats.isFile())
      throw new UsageError(
        `--out ${quote(given)} exists and is not a regular file (it is a ${kind(stats)}); kc-model replaces only regular files. Give a file name, or --out - for standard output.`,
      );
    return { given, path: await fs.realpath(given), mode: stats.mode & 0o7777 };
  }
  if (
    await fs.lstat(given).then(
      () => true,
      () => false,
    )
  )
    throw new UsageError(
      `--out ${quote(given)} is a symbolic link to nothing; remove it or give another name.`,
    );
  const folder = path.dirname(path.resolve(given));
  const parent = await statOrUndefined(folder, given);
  if (!parent) throw new UsageError(`--out ${quote(given)}: the folder ${quote(folder)} does not exist.`);
  if (!parent.isDirectory()) throw new UsageError(`--out ${quote(given)}: ${quote(folder)} is not a folder.`);
  return { given, path: path.resolve(given) };
}

/** Removes `.<name>.kc-tmp-<pid>` files of `target` whose process no longer runs; returns their names. */
export async function removeStaleTemps(target: string): Promise<string[]> {
  const folder = path.dirname(target);
  const prefix = `.${path.basename(target)}.kc-tmp-`;
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  const stale = names.filter((name) => {
    if (!name.startsWith(prefix)) return false;
    const pid = name.slice(prefix.length);
    return /^[1-9]\d{0,9}$/.test(pid) && Number(pid) !== process.pid && !running(Number(pid));
  });
  const removed = await Promise.all(
    stale.map((name) =>
      fs.unlink(path.join(folder, name)).then(
        () => name,
        () => undefined,
      ),
    ),
  );
  return removed.filter((name): name is string => name !== undefined);
}

/**
 * Writes `contents()` to the target through its temporary file. Errors of `contents` pass through unchanged;
 * a failure of the file system is a WriteError naming the file and the reason. Either way the temporary file
 * is gone and the target untouched.
 */
export async function replaceFile(target: Target, contents: () => Promise<Uint8Array>): Promise<void> {
  const temp = tempPath(target.path);
  const io = async <T>(step: () => Promise<T>): Promise<T> => {
    try {
      return await step();
    } catch (error) {
      throw new WriteError(`Cannot write ${quote(target.given)}: ${reason(error)}.`);
    }
  };
  // A file of ours with this name can only be left by an earlier process with the same pid.
  await fs.unlink(temp).catch(() => undefined);
  const handle = await io(() => fs.open(temp, 'wx', 0o666));
  const removeTemp = () => {
    try {
      unlinkSync(temp);
    } catch {
      // Already gone.
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    removeTemp();
    for (const s of SIGNALS) process.removeListener(s, onSignal);
    // Die of the same signal, as the shell expects of an interrupted command.
    process.kill(process.pid, signal);
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  let open = true;
  try {
    const data = await contents();
    await io(() => handle.writeFile(data));
    await io(() => handle.sync());
    open = false;
    await io(() => handle.close());
    if (target.mode !== undefined) await io(() => fs.chmod(temp, target.mode!));
    // The target may have changed since it was checked; never rename over anything but a regular file.
    const now = await statOrUndefined(target.path, target.given);
    if (now && !now.isFile())
      throw new UsageError(`--out ${quote(target.given)} is no longer a regular file; nothing was written.`);
    await io(() => fs.rename(temp, target.path));
  } catch (error) {
    if (open) await handle.close().catch(() => undefined);
    removeTemp();
    throw error;
  } finally {
    for (const signal of SIGNALS) process.removeListener(signal, onSignal);
  }
}

/** Whether a process with this pid runs (one of another user counts: it cannot be signalled but exists). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** The stats of a path (links followed), or undefined if nothing is there. */
async function statOrUndefined(file: string, given: string): Promise<Stats | undefined> {
  try {
    return await fs.stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ENOTDIR')
      throw new UsageError(`--out ${quote(given)}: a part of the path is a file, not a folder.`);
    throw new WriteError(`Cannot write ${quote(given)}: ${reason(error)}.`);
  }
}

function kind(stats: Stats): string {
  if (stats.isCharacterDevice()) return 'character device';
  if (stats.isBlockDevice()) return 'block device';
  if (stats.isFIFO()) return 'named pipe (FIFO)';
  if (stats.isSocket()) return 'socket';
  if (stats.isSymbolicLink()) return 'symbolic link';
  return 'special file';
}
