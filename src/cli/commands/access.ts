import type { Command } from 'commander';
import { accessJson, accessText } from '../access-output.js';
import { queryLocatedBackend } from '../backend-locator.js';
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
          const users = queryLocatedBackend(context.io, context.globals(), (service) => service.access(user));
          if (!users) return ExitCode.error;
          context.io.stdout.write(options.json ? accessJson(users.value) : accessText(users.value));
          return ExitCode.ok;
        }),
      );
  },
};
