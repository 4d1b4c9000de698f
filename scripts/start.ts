/**
 * `npm start`: builds the add-in in memory and serves it on https://localhost:3000 (webpack-dev-server, the project's
 * webpack.config.js, office-addin-dev-certs certificates), then sideloads it into Excel desktop when one is installed
 * or prints how to upload it to Excel on the web. It never fails for lack of Excel; it keeps serving until Ctrl+C or
 * `npm stop` (which reads the pid file .kc-dev-server.pid).
 *
 * Certificates: if the dev CA is already trusted, its files are used. Otherwise the certificates are generated in
 * ~/.office-addin-dev-certs without touching any trust store (trusting needs an administrator: run
 * `npx office-addin-dev-certs install` yourself). On Windows and macOS, where Excel desktop runs, `--trust` asks
 * office-addin-dev-certs to install the CA for the current user.
 *
 *   npm start                 serve + sideload (Windows, macOS) or instructions (anything else)
 *   npm start -- --no-sideload
 *   npm start -- --trust      also install the dev CA (may prompt)
 *   KC_PORT=3001 npm start    another port (the manifest's URLs say 3000: only for checks)
 */
import { execFileSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'fs';
import { createRequire } from 'module';
import { homedir } from 'os';
import { join, resolve } from 'path';
import { alive, PID_FILE } from './devServerPid';

const ROOT = resolve(__dirname, '..');
const MANIFEST = join(ROOT, 'manifest.xml');
const localRequire = createRequire(__filename);

interface HttpsOptions {
  key: Buffer;
  cert: Buffer;
  ca: Buffer;
}

interface DevCerts {
  verifyCertificates(certificatePath?: string, keyPath?: string): boolean;
  generateCertificates(
    ca?: string,
    cert?: string,
    key?: string,
    days?: number,
    domains?: string[],
  ): Promise<void>;
  getHttpsServerOptions(days?: number, domains?: string[], machine?: boolean): Promise<HttpsOptions>;
  ensureCertificatesAreInstalled(days?: number, domains?: string[], machine?: boolean): Promise<void>;
}

/** office-addin-dev-certs' file locations (~/.office-addin-dev-certs/...); main does not re-export them. */
interface DevCertPaths {
  certificateDirectory: string;
  caCertificatePath: string;
  localhostCertificatePath: string;
  localhostKeyPath: string;
}

const log = (line = '') => console.log(line);

/** Certificates for https://localhost, and whether the browser (or Excel) will trust them. */
async function certificates(
  trust: boolean,
): Promise<{ options: HttpsOptions; trusted: boolean; note: string }> {
  const certs = localRequire('office-addin-dev-certs') as DevCerts;
  const paths = localRequire('office-addin-dev-certs/lib/defaults') as DevCertPaths;
  const read = (): HttpsOptions => ({
    ca: readFileSync(paths.caCertificatePath),
    cert: readFileSync(paths.localhostCertificatePath),
    key: readFileSync(paths.localhostKeyPath),
  });
  let trusted = false;
  try {
    trusted = certs.verifyCertificates();
  } catch {
    trusted = false;
  }
  if (trusted) return { options: read(), trusted, note: `trusted dev CA (${paths.caCertificatePath})` };

  if (trust && (process.platform === 'win32' || process.platform === 'darwin')) {
    try {
      await certs.ensureCertificatesAreInstalled();
      return { options: read(), trusted: true, note: 'dev CA installed for the current user' };
    } catch (error) {
      log(
        `[kc] Could not install the dev CA (${(error as Error).message.split('\n')[0]}); continuing untrusted.`,
      );
    }
  }

  const haveFiles = [paths.caCertificatePath, paths.localhostCertificatePath, paths.localhostKeyPath].every(
    existsSync,
  );
  let usable = false;
  if (haveFiles) {
    try {
      // Valid and unexpired? (A bad pair throws when the TLS context is created.)
      const { X509Certificate } = await import('crypto');
      const cert = new X509Certificate(readFileSync(paths.localhostCertificatePath));
      usable = new Date(cert.validTo).getTime() > Date.now() + 24 * 3600 * 1000;
    } catch {
      usable = false;
    }
  }
  if (!usable) {
    mkdirSync(paths.certificateDirectory, { recursive: true });
    await certs.generateCertificates(
      paths.caCertificatePath,
      paths.localhostCertificatePath,
      paths.localhostKeyPath,
    );
  }
  return {
    options: read(),
    trusted: false,
    note:
      `generated in ${paths.certificateDirectory}, NOT trusted: run \`npx office-addin-dev-certs install\` ` +
      '(needs an administrator) or accept the certificate once at https://localhost:3000 in your browser.',
  };
}

/** Where Excel desktop is installed, if anywhere we know to look. */
function findExcel(): string | undefined {
  if (process.env.KC_EXCEL_PATH)
    return existsSync(process.env.KC_EXCEL_PATH) ? process.env.KC_EXCEL_PATH : undefined;
  const candidates: string[] = [];
  if (process.platform === 'win32') {
    for (const base of [process.env.ProgramFiles, process.env['ProgramFiles(x86)']]) {
      if (base) candidates.push(join(base, 'Microsoft Office', 'root', 'Office16', 'EXCEL.EXE'));
    }
  } else if (process.platform === 'darwin') {
    candidates.push('/Applications/Microsoft Excel.app');
  }
  return candidates.find((c) => existsSync(c));
}

/** Manifest id (the GUID), for the Windows developer registry key. */
function manifestId(): string {
  const match = /<Id>([^<]+)<\/Id>/.exec(readFileSync(MANIFEST, 'utf8'));
  if (!match) throw new Error('manifest.xml has no <Id>');
  return match[1].trim();
}

/** Sideloads the manifest the documented developer ways: the WEF\Developer key (Windows), the wef folder (macOS). */
function sideload(excel: string): string {
  if (process.platform === 'win32') {
    execFileSync(
      'reg',
      [
        'add',
        'HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer',
        '/v',
        manifestId(),
        '/t',
        'REG_SZ',
        '/d',
        MANIFEST,
        '/f',
      ],
      {
        stdio: 'ignore',
      },
    );
    execFileSync('cmd', ['/c', 'start', '', excel], { stdio: 'ignore' });
    return 'registered manifest.xml as a developer add-in and started Excel: Home > KC Model opens the pane.';
  }
  if (process.platform === 'darwin') {
    const wef = join(homedir(), 'Library', 'Containers', 'com.microsoft.Excel', 'Data', 'Documents', 'wef');
    mkdirSync(wef, { recursive: true });
    copyFileSync(MANIFEST, join(wef, 'kc-model.manifest.xml'));
    execFileSync('open', ['-a', excel], { stdio: 'ignore' });
    return `copied manifest.xml to ${wef} and opened Excel: Insert > My Add-ins (developer add-ins) > KC Model.`;
  }
  throw new Error(`no sideloading on ${process.platform}`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const port = Number(process.env.KC_PORT ?? 3000);

  if (existsSync(PID_FILE)) {
    const pid = Number(readFileSync(PID_FILE, 'utf8').trim());
    if (pid && alive(pid)) {
      log(
        `[kc] The dev server is already running (pid ${pid}): https://localhost:${port}/taskpane.html. \`npm stop\` ends it.`,
      );
      return;
    }
    unlinkSync(PID_FILE);
  }

  const { options: https, trusted, note } = await certificates(args.includes('--trust'));

  const webpack = localRequire('webpack') as typeof import('webpack');
  const WebpackDevServer = localRequire('webpack-dev-server') as typeof import('webpack-dev-server');
  const configure = localRequire(join(ROOT, 'webpack.config.js')) as (
    env: Record<string, unknown>,
    options: Record<string, unknown>,
  ) => Promise<import('webpack').Configuration & { devServer: Record<string, unknown> }>;
  const config = await configure({ WEBPACK_SERVE: true }, { mode: 'development', https });
  config.mode = 'development';
  config.infrastructureLogging = { level: 'warn' };
  config.stats = 'errors-warnings';
  const compiler = webpack(config);
  const server = new WebpackDevServer(
    {
      ...config.devServer,
      host: 'localhost',
      port,
      open: false,
      client: { overlay: { errors: true, warnings: false } },
      server: { type: 'https', options: https },
    },
    compiler,
  );

  const firstBuild = new Promise<boolean>((done) =>
    compiler.hooks.done.tap('kc-start', (stats) => done(!stats.hasErrors())),
  );
  try {
    await server.start();
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    console.error(
      e.code === 'EADDRINUSE'
        ? `[kc] Port ${port} is in use. Is the dev server already running elsewhere? \`npm stop\`, or free the port.`
        : `[kc] The dev server did not start: ${e.message}`,
    );
    process.exit(1);
  }

  writeFileSync(PID_FILE, `${process.pid}\n`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`[kc] ${signal}: stopping the dev server.`);
    try {
      if (existsSync(PID_FILE) && Number(readFileSync(PID_FILE, 'utf8').trim()) === process.pid)
        unlinkSync(PID_FILE);
    } catch {
      // the file is gone already
    }
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  const built = await firstBuild;
  const base = `https://localhost:${port}/`;
  log('');
  log(
    `[kc] ${built ? 'Built' : 'Built WITH ERRORS (see above)'}; serving ${base} (pid ${process.pid}, ${PID_FILE}).`,
  );
  log(`[kc]   task pane  ${base}taskpane.html`);
  log(`[kc]   manifest   ${MANIFEST}`);
  log(`[kc]   certificate: ${note}`);

  const excel = args.includes('--no-sideload') ? undefined : findExcel();
  if (excel) {
    try {
      log(`[kc] Excel desktop found (${excel}): ${sideload(excel)}`);
    } catch (error) {
      log(`[kc] Excel desktop found (${excel}) but sideloading failed: ${(error as Error).message}`);
      log('[kc]   In Excel: Insert > Add-ins > My Add-ins > Upload My Add-in > manifest.xml.');
    }
  } else {
    log('[kc] No Excel desktop here (or --no-sideload). To use the add-in in Excel on the web:');
    log('[kc]   1. open a workbook at https://excel.cloud.microsoft/ (or office.com);');
    log('[kc]   2. Insert > Add-ins (Home > Add-ins in newer builds) > More Add-ins > Upload My Add-in;');
    log('[kc]   3. choose manifest.xml from this folder; the KC Model button appears on the Home tab.');
    if (!trusted)
      log(
        `[kc]   Your browser must trust ${base}: open it once and accept the certificate, or trust the dev CA.`,
      );
    if (existsSync(join(ROOT, 'node_modules', '.bin', 'office-addin-debugging'))) {
      log(
        '[kc]   office-addin-debugging is installed: `npx office-addin-debugging start manifest.xml` also sideloads.',
      );
    }
  }
  log('[kc] `npm stop` (or Ctrl+C) ends the server.');
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`[kc] npm start failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
