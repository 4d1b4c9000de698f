import type { Suite } from '../types';
import { analysisSuite } from './analysis';
import { functionsSuite } from './functions';
import { modelSuite } from './model';
import { workbookSuite } from './workbook';

/**
 * Every benchmark suite, in the order `npm run bench` runs them. To add one (workbook, functions, ...): write
 * bench/suites/<name>.ts exporting a Suite and list it here; the runner needs no change.
 */
export const SUITES: readonly Suite[] = [modelSuite, analysisSuite, functionsSuite, workbookSuite];
