import type { Command } from 'commander';
import { errorDiag } from '../../diag/index.js';
import { accessJson, accessText } from '../access-output.js';
import { openLocatedBackend } from '../backend-locator.js';
import { printDiagnostics } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import type { CommandContext, CommandModule } from '../program.js';

const EXAMPLES = `
Examples:
  $ iamform access alice
  $ iamform access --json > access.json
  $ iamform --chdir infra/iam access`;

export const accessCommand: CommandModule = {
  register(program: Command, context: CommandContext): void {
    program
      .command('access')
      .description('effective permissions: which actions, in which scopes, through which groups and policies (all users without USER)')
      .argument('[user]', 'user name or id')
      .option('--json', 'print the effective permissions as JSON')
      .addHelpText('after', EXAMPLES)
      .action(
        context.action(async (user: string | undefined, options: { json?: boolean }) => {
          const globals = context.globals();
          const opened = openLocatedBackend(globals.dir, context.io.env);
          if (!opened.service) {
            printDiagnostics(context.io, globals, opened.diagnostics);
            return ExitCode.error;
          }
          try {
            const result = opened.service.access(user);
            if (!result.ok) {
              printDiagnostics(context.io, globals, [errorDiag(result.error.code, result.error.message)]);
              return ExitCode.error;
            }
            context.io.stdout.write(options.json ? accessJson(result.value) : accessText(result.value));
            return ExitCode.ok;
          } finally {
            opened.service.close();
          }
        }),
      );
  },
};
