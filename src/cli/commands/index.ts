import type { Command } from '../command';
import { assumptionsCommand } from './assumptions';
import { gridCommand } from './grid';
import { helpCommand } from './help';
import { statementsCommand } from './statements';
import { xlsxCommand } from './xlsx';

/** Every command of kc-model, in the order help lists them. */
export const COMMANDS: readonly Command[] = [
  statementsCommand,
  assumptionsCommand,
  gridCommand,
  xlsxCommand,
  helpCommand,
];
