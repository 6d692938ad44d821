import type { Command } from 'commander';
import { printDiagnostics } from '../context.js';
import { withRun } from '../engine-run.js';
import { ExitCode } from '../exit-codes.js';
import { planAndApply } from '../plan-and-apply.js';
import { addPlanFlags, parsePlanFlags, VariableArgs, type PlanFlagValues } from '../plan-flags.js';
import type { CommandContext, CommandModule } from '../program.js';

interface DestroyOptions extends PlanFlagValues {
  autoApprove?: boolean;
}

const EXAMPLES = `
Examples:
  $ iamform destroy
  $ iamform destroy --auto-approve
  $ iamform destroy --target iam_user.alice   # alice and what depends on her

Every object in state is deleted from the IAM backend, dependents first. Resources with
lifecycle { prevent_destroy = true } stop the plan.`;

export const destroyCommand: CommandModule = {
  register(program: Command, context: CommandContext): void {
    const vars = new VariableArgs();
    const command = program.command('destroy').description('plan the removal of everything in state, ask, and delete it from the IAM backend');
    addPlanFlags(command, vars, { parallelism: true, replace: false })
      .option('--auto-approve', 'destroy without asking')
      .addHelpText('after', EXAMPLES)
      .action(
        context.action(async (options: DestroyOptions) => {
          const { io } = context;
          const globals = context.globals();
          const flags = parsePlanFlags(options, vars, true);
          if (flags.diagnostics.length > 0) {
            printDiagnostics(io, globals, flags.diagnostics);
            return ExitCode.error;
          }
          return withRun(io, globals, flags.request.vars ?? [], (run) => planAndApply(run, flags, { autoApprove: options.autoApprove === true, operation: 'destroy' }));
        }),
      );
  },
};
