/** `npm run workbook`: writes KC-Model.xlsx (the base case) at the project root; extra arguments go to kc-model xlsx. */
import { run } from '../src/cli/process';

const args = process.argv.slice(2);
const given = args.some((a) => a === '--out' || a === '-o' || a.startsWith('--out=') || /^-o./.test(a));
void run(['xlsx', ...(given ? [] : ['--out', 'KC-Model.xlsx']), ...args]);
