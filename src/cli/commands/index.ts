import type { CommandModule } from '../program.js';
import { accessCommand } from './access.js';
import { applyCommand } from './apply.js';
import { canCommand } from './can.js';
import { destroyCommand } from './destroy.js';
import { fmtCommand } from './fmt.js';
import { forceUnlockCommand } from './force-unlock.js';
import { graphCommand } from './graph.js';
import { outputCommand } from './output.js';
import { planCommand } from './plan.js';
import { showCommand } from './show.js';
import { stateCommand } from './state.js';
import { validateCommand } from './validate.js';

/** Every command of the CLI, in the order `--help` lists them. */
export const allCommands: readonly CommandModule[] = [validateCommand, fmtCommand, planCommand, applyCommand, destroyCommand, showCommand, outputCommand, graphCommand, canCommand, accessCommand, stateCommand, forceUnlockCommand];
