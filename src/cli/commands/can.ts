import { Option, type Command } from 'commander';
import type { CanTarget } from '../../backend/index.js';
import { errorDiag } from '../../diag/index.js';
import { queryLocatedBackend } from '../backend-locator.js';
import { canJson, canText } from '../can-output.js';
import { printDiagnostics } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import type { CommandContext, CommandModule } from '../program.js';

interface CanOptions {
  project?: string;
  global?: boolean;
  enterpriseProject?: string;
  explain?: boolean;
  json?: boolean;
}

const EXAMPLES = `
Examples:
  $ iamform can alice ecs:servers:list --project eu-de
  $ iamform can alice ecs:cloudServers:delete --project eu-de_team --explain
  $ iamform can ci-bot iam:users:listUsers --global --json
  $ iamform can alice ecs:cloudServers:start --enterprise-project web-shop

Exit status: 0 when allowed, 3 when denied, 1 on an error (unknown user, project, no backend).`;

function targetOf(options: CanOptions): CanTarget | string {
  const given = [options.project !== undefined, options.global === true, options.enterpriseProject !== undefined].filter(Boolean).length;
  if (given !== 1) return 'Give exactly one scope: --project P, --global or --enterprise-project E';
  if (options.project !== undefined) return { kind: 'project', project: options.project };
  if (options.enterpriseProject !== undefined) return { kind: 'enterprise_project', enterpriseProject: options.enterpriseProject };
  return { kind: 'global' };
}

export const canCommand: CommandModule = {
  register(program: Command, context: CommandContext): void {
    program
      .command('can')
      .description('policy simulator: may USER perform ACTION in a scope, and why (reads the IAM backend)')
      .argument('<user>', 'user name or id')
      .argument('<action>', 'action as service:resourceType:operation, e.g. ecs:servers:list')
      .option('--project <project>', 'a project by name or id, e.g. eu-de')
      .option('--global', 'global services (e.g. IAM)')
      .addOption(new Option('--enterprise-project <ep>', 'an enterprise project by name or id'))
      .option('--explain', 'show every statement that matched, with its policy, attachment, group and scope')
      .option('--json', 'print the decision as JSON')
      .addHelpText('after', EXAMPLES)
      .action(
        context.action(async (user: string, action: string, options: CanOptions) => {
          const globals = context.globals();
          const target = targetOf(options);
          if (typeof target === 'string') {
            printDiagnostics(context.io, globals, [errorDiag('can.scope', target)]);
            return ExitCode.error;
          }
          const answer = queryLocatedBackend(context.io, globals, (service) => service.can({ user, action, target }));
          if (!answer) return ExitCode.error;
          context.io.stdout.write(options.json ? canJson(answer.value) : canText(answer.value, options.explain === true));
          return answer.value.decision.decision === 'allow' ? ExitCode.ok : ExitCode.denied;
        }),
      );
  },
};
