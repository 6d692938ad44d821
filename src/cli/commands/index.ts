import type { CommandModule } from '../program.js';
import { accessCommand } from './access.js';
import { canCommand } from './can.js';

/** Every command of the CLI, in the order `--help` lists them. */
export const allCommands: readonly CommandModule[] = [canCommand, accessCommand];
