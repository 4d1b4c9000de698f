import type { Command } from '../command';
import { assumptionsCommand } from './assumptions';
import { bridgeCommand } from './bridge';
import { gridCommand } from './grid';
import { helpCommand } from './help';
import { impliedCommand } from './implied';
import { statementsCommand } from './statements';
import { tornadoCommand } from './tornado';
import { xlsxCommand } from './xlsx';

/** Every command of kc-model, in the order help lists them. */
export const COMMANDS: readonly Command[] = [
  statementsCommand,
  assumptionsCommand,
  gridCommand,
  impliedCommand,
  bridgeCommand,
  tornadoCommand,
  xlsxCommand,
  helpCommand,
];
