import type { CommandModule } from '../program.js';
import { accessCommand } from './access.js';
import { canCommand } from './can.js';
import { fmtCommand } from './fmt.js';
import { forceUnlockCommand } from './force-unlock.js';
import { stateCommand } from './state.js';
import { validateCommand } from './validate.js';

/** Every command of the CLI, in the order `--help` lists them. */
export const allCommands: readonly CommandModule[] = [validateCommand, fmtCommand, canCommand, accessCommand, stateCommand, forceUnlockCommand];
