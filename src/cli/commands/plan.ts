import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { errorDiag } from '../../diag/index.js';
import { serializePlanFile } from '../../plan/plan-file.js';
import { printDiagnostics } from '../context.js';
import { parseFormat, planHasChanges, printPlanDiagnostics, printRunDiagnostics, renderPlan, withRun } from '../engine-run.js';
import { ExitCode } from '../exit-codes.js';
import { addPlanFlags, parsePlanFlags, VariableArgs, type PlanFlagValues } from '../plan-flags.js';
import type { CommandContext, CommandModule } from '../program.js';
import { packageVersion } from '../version.js';

interface PlanOptions extends PlanFlagValues {
  out?: string;
  format?: string;
  detailedExitcode?: boolean;
}

const EXAMPLES = `
Examples:
  $ iamform plan
  $ iamform plan --out release.iamplan && iamform apply release.iamplan
  $ iamform plan --format json > plan.json
  $ iamform plan --target 'iam_user.team["bob"]' --var-file prod.iamvars
  $ iamform plan --detailed-exitcode     # in CI: 0 no changes, 2 changes, 1 error
  $ iamform plan --refresh-only          # only what changed outside iamform

The state is locked while planning (read); --lock-timeout waits for another holder.`;

export const planCommand: CommandModule = {
  register(program: Command, context: CommandContext): void {
    const vars = new VariableArgs();
    const command = program.command('plan').description('refresh, compare the config with state and the IAM backend, and show the changes');
    addPlanFlags(command, vars, { destroy: true })
      .option('--out <FILE>', 'save the plan to FILE, for "iamform apply FILE"')
      .option('--format <FORMAT>', 'text or json', 'text')
      .option('--detailed-exitcode', 'exit 0 with no changes, 2 with changes, 1 on error')
      .addHelpText('after', EXAMPLES)
      .action(
        context.action(async (options: PlanOptions) => {
          const { io } = context;
          const globals = context.globals();
          const format = parseFormat(options.format, ['text', 'json']);
          const flags = parsePlanFlags(options, vars);
          if (typeof format !== 'string' || flags.diagnostics.length > 0) {
            printDiagnostics(io, globals, typeof format === 'string' ? flags.diagnostics : [format, ...flags.diagnostics]);
            return ExitCode.error;
          }
          return withRun(io, globals, flags.request.vars ?? [], async (run) => {
            const locked = await run.session.acquireLock({ operation: 'plan', timeoutMs: flags.lockTimeoutMs });
            if (locked.length > 0) {
              printRunDiagnostics(run, locked);
              return ExitCode.error;
            }
            const outcome = await run.session.plan(flags.request);
            printPlanDiagnostics(run, outcome, format === 'text');
            if (!outcome.plan) return ExitCode.error;
            io.stdout.write(renderPlan(run, outcome.plan, format));
            if (options.out !== undefined) {
              const path = resolve(io.cwd, options.out);
              try {
                writeFileSync(path, serializePlanFile(outcome.plan, { iamformVersion: packageVersion() }), { mode: 0o600 });
              } catch (error) {
                printRunDiagnostics(run, [errorDiag('cli.write-plan', `Cannot save the plan to ${options.out}`, { detail: error instanceof Error ? error.message : String(error) })]);
                return ExitCode.error;
              }
              if (format === 'text') io.stdout.write(`\nSaved the plan to: ${options.out}\n\nTo perform exactly these actions, run:\n    iamform apply ${options.out}\n`);
            }
            if (options.detailedExitcode === true && planHasChanges(outcome.plan)) return ExitCode.changes;
            return ExitCode.ok;
          });
        }),
      );
  },
};
