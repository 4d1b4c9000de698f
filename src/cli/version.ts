/** The version of kc-model, from package.json ("dev" if it cannot be read). */
export const VERSION: string = (() => {
  try {
    // From src/cli (ts-jest, tsx) and from lib/cli (the compiled binary) alike, package.json is two folders up.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('../../package.json') as { version: string }).version;
  } catch {
    return 'dev';
  }
})();
