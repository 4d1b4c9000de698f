/** The pid file that `npm start` writes and `npm stop` reads. */
import { join, resolve } from 'path';

export const PID_FILE = join(resolve(__dirname, '..'), '.kc-dev-server.pid');

/** True when a process with this pid exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
