/** `npm run workbook`: writes KC-Model.xlsx (the base case) at the project root; extra arguments go to kc-model xlsx. */
import { runXlsx } from '../src/cli/xlsx';

const args = process.argv.slice(2);
const out =
  args.includes('--out') || args.some((a) => a.startsWith('--out=')) ? [] : ['--out', 'KC-Model.xlsx'];
runXlsx([...out, ...args], process.stdout, process.stderr).then((code) => {
  process.exitCode = code;
});
