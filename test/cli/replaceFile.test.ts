/** Replacing the --out file: what is refused, and what a replacement keeps. */
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { UsageError } from '../../src/cli/errors';
import { checkTarget, removeStaleTemps, replaceFile, tempPath } from '../../src/cli/replaceFile';

const dir = mkdtempSync(path.join(tmpdir(), 'kc-replace-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bytes = (text: string) => async () => Buffer.from(text);

describe('checkTarget', () => {
  it('accepts a new name in an existing folder', async () => {
    const file = path.join(dir, 'new.xlsx');
    expect(await checkTarget(file)).toEqual({ given: file, path: file });
  });

  it.each([
    ['a missing folder', 'missing/x.xlsx', /folder .* does not exist/],
    ['a file used as a folder', 'plain/x.xlsx', /a part of the path is a file/],
    ['a link to nothing', 'dangling', /symbolic link to nothing/],
    ['a folder', 'folder', /is a folder/],
  ])('refuses %s', async (_what, name, message) => {
    writeFileSync(path.join(dir, 'plain'), 'x');
    mkdirSync(path.join(dir, 'folder'), { recursive: true });
    rmSync(path.join(dir, 'dangling'), { force: true });
    symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'dangling'));
    const attempt = checkTarget(path.join(dir, name));
    await expect(attempt).rejects.toThrow(UsageError);
    await expect(checkTarget(path.join(dir, name))).rejects.toThrow(message);
  });
});

describe('replaceFile', () => {
  it('replaces a file, keeping its permissions, and leaves no temporary file', async () => {
    const file = path.join(dir, 'kept-mode.xlsx');
    writeFileSync(file, 'old');
    chmodSync(file, 0o640);
    await replaceFile(await checkTarget(file), bytes('new'));
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).filter((name) => name.includes('kc-tmp'))).toEqual([]);
  });

  it('follows a link to a file: the file is replaced and the link stays a link', async () => {
    const real = path.join(dir, 'real.xlsx');
    const link = path.join(dir, 'link.xlsx');
    writeFileSync(real, 'old');
    symlinkSync(real, link);
    await replaceFile(await checkTarget(link), bytes('new'));
    expect(readlinkSync(link)).toBe(real);
    expect(readFileSync(real, 'utf8')).toBe('new');
  });

  it('passes an error of the contents through, removing the temporary file', async () => {
    const file = path.join(dir, 'failing.xlsx');
    await expect(
      replaceFile(await checkTarget(file), () => Promise.reject(new Error('no workbook'))),
    ).rejects.toThrow('no workbook');
    expect(readdirSync(dir).filter((name) => name.startsWith('.failing'))).toEqual([]);
  });

  it('names temporary files after the target and the process, and removes only those of gone processes', async () => {
    const target = path.join(dir, 'T.xlsx');
    expect(tempPath(target, 42)).toBe(path.join(dir, '.T.xlsx.kc-tmp-42'));
    const names = [
      '.T.xlsx.kc-tmp-999999999',
      `.T.xlsx.kc-tmp-${process.pid}`,
      '.T.xlsx.kc-tmp-0',
      '.T.xlsx.kc-tmp-x',
    ];
    for (const name of names) writeFileSync(path.join(dir, name), '');
    expect(await removeStaleTemps(target)).toEqual(['.T.xlsx.kc-tmp-999999999']);
    expect(
      readdirSync(dir)
        .filter((name) => name.startsWith('.T.xlsx'))
        .sort(),
    ).toEqual(names.slice(1).sort());
  });
});
