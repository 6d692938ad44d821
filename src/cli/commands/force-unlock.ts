import type { Command } from 'commander';
import { errorDiag } from '../../diag/index.js';
import { describeLock } from '../../state/index.js';
import { printDiagnostics } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import type { CommandContext, CommandModule } from '../program.js';
import { openStateStore, STATE_OPTION_HELP, type StateLocationOptions } from './state.js';

interface ForceUnlockOptions extends StateLocationOptions {
  force?: boolean;
}

const EXAMPLES = `
Examples:
  $ iamform force-unlock 6f1c2a9e-0d4b-4a51-9a3e-2b7f5c8d9e01
  $ iamform force-unlock 6f1c2a9e-0d4b-4a51-9a3e-2b7f5c8d9e01 --force
  $ iamform --chdir infra/iam force-unlock 6f1c2a9e-0d4b-4a51-9a3e-2b7f5c8d9e01

The lock ID is printed by the command that failed to acquire the lock. Removing the lock of a
command that is still running can corrupt the record of what iamform manages.`;

export const forceUnlockCommand: CommandModule = {
  register(program: Command, context: CommandContext): void {
    program
      .command('force-unlock')
      .description('remove a stale state lock, left by an interrupted command')
      .argument('<lock-id>', 'the ID of the current lock')
      .option('--state <path>', STATE_OPTION_HELP)
      .option('--force', 'do not ask for confirmation')
      .addHelpText('after', EXAMPLES)
      .action(
        context.action(async (lockId: string, options: ForceUnlockOptions) => {
          const { io } = context;
          const globals = context.globals();
          const { store, path } = openStateStore(io, globals, options);
          const current = await store.currentLock();
          if (current && current.id === lockId && options.force !== true) {
            if (!io.stdinIsTTY) {
              printDiagnostics(io, globals, [
                errorDiag('cli.confirmation-required', 'Confirmation required', {
                  detail: 'force-unlock asks before removing a lock, and standard input is not a terminal. Pass --force to remove the lock without asking.',
                }),
              ]);
              return ExitCode.error;
            }
            io.stderr.write(
              `Do you really want to force-unlock?\n  iamform will remove the lock on the state at ${path}:\n\n${describeLock(current)}\n\n` +
                `  Only 'yes' will be accepted to confirm.\n\n`,
            );
            const answer = await io.readLine('  Enter a value: ');
            if (answer?.trim() !== 'yes') {
              io.stderr.write('\nforce-unlock cancelled: the lock was left in place.\n');
              return ExitCode.error;
            }
          }
          const problems = await store.forceUnlock(lockId);
          if (problems.length > 0) {
            printDiagnostics(io, globals, problems);
            return ExitCode.error;
          }
          io.stdout.write('iamform state has been successfully unlocked!\n\nThe state has been unlocked, and iamform commands should now be able to obtain a new lock on the state.\n');
          return ExitCode.ok;
        }),
      );
  },
};
