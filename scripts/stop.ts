/**
 * `npm stop`: ends the dev server `npm start` runs, by the pid in .kc-dev-server.pid (only that process; on Linux it
 * first checks that the pid still belongs to scripts/start.ts). Exits 0 when nothing is running.
 */
import { existsSync, readFileSync, unlinkSync } from 'fs';
import { alive, PID_FILE } from './devServerPid';

/** On Linux, whether the pid is still our start script (a pid can be reused after a crash). */
function isOurs(pid: number): boolean {
  const cmdline = `/proc/${pid}/cmdline`;
  if (process.platform !== 'linux' || !existsSync(cmdline)) return true;
  return readFileSync(cmdline, 'utf8').includes('start.ts');
}

async function main(): Promise<void> {
  if (!existsSync(PID_FILE)) {
    console.log('[kc] The dev server is not running (no .kc-dev-server.pid).');
    return;
  }
  const pid = Number(readFileSync(PID_FILE, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid) || !isOurs(pid)) {
    unlinkSync(PID_FILE);
    console.log('[kc] The dev server was not running; removed a stale .kc-dev-server.pid.');
    return;
  }
  process.kill(pid, 'SIGTERM');
  for (let waited = 0; waited < 10_000 && alive(pid); waited += 100)
    await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) {
    process.kill(pid, 'SIGKILL');
    console.log(`[kc] The dev server (pid ${pid}) did not stop in 10 s; killed it.`);
  } else {
    console.log(`[kc] Stopped the dev server (pid ${pid}).`);
  }
  if (existsSync(PID_FILE)) unlinkSync(PID_FILE);
}

main().catch((error: unknown) => {
  console.error(`[kc] npm stop failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
