import type { Command } from 'commander';
import { errorDiag } from '../../diag/index.js';
import { requestOfSavedPlan, savedPlanBasisReasons, savedPlanDifferences, stateForSavedPlan } from '../../engine/index.js';
import { stalePlanDiagnostic } from '../../plan/plan-file.js';
import { printDiagnostics } from '../context.js';
import { applyAndReport, printPlanDiagnostics, printRunDiagnostics, readSavedPlan, withRun, type EngineRun } from '../engine-run.js';
import { ExitCode } from '../exit-codes.js';
import { planAndApply } from '../plan-and-apply.js';
import { addPlanFlags, parsePlanFlags, VariableArgs, type ParsedPlanFlags, type PlanFlagValues } from '../plan-flags.js';
import type { CommandContext, CommandModule } from '../program.js';

interface ApplyOptions extends PlanFlagValues {
  autoApprove?: boolean;
}

const EXAMPLES = `
Examples:
  $ iamform apply                       # plan, show, ask for yes, apply
  $ iamform apply --auto-approve        # in CI: no question
  $ iamform plan --out release.iamplan && iamform apply release.iamplan
  $ iamform apply --target iam_group.ops --parallelism 4
  $ iamform apply --lock-timeout 1m     # wait for another apply to finish

A saved plan is applied exactly, without asking; it is refused when the state, the config or
the IAM backend changed since it was made (pass the same --var options as to plan).
State is persisted after every completed change; exit code 1 when any change failed.`;

/** `apply FILE`: the saved plan, checked against the state, config and backend of now. */
async function applySaved(run: EngineRun, file: string, flags: ParsedPlanFlags): Promise<number> {
  const { plan: saved, diagnostics } = readSavedPlan(run.io, file);
  if (!saved) {
    printRunDiagnostics(run, diagnostics);
    return ExitCode.error;
  }
  const locked = await run.session.acquireLock({ operation: 'apply', timeoutMs: flags.lockTimeoutMs });
  if (locked.length > 0) {
    printRunDiagnostics(run, locked);
    return ExitCode.error;
  }
  const read = await run.session.readState();
  if (!read.state) {
    printRunDiagnostics(run, read.diagnostics);
    return ExitCode.error;
  }
  const state = stateForSavedPlan(saved, read.state, read.persisted === true);
  const reasons = savedPlanBasisReasons(saved, state, run.session.workspace.configHash);
  if (reasons.length > 0) {
    printRunDiagnostics(run, [stalePlanDiagnostic(file, reasons)]);
    return ExitCode.error;
  }
  const outcome = await run.session.plan({ ...requestOfSavedPlan(saved), vars: flags.request.vars ?? [] }, state);
  printPlanDiagnostics(run, outcome, false);
  if (!outcome.plan || !outcome.applyPlan) return ExitCode.error;
  const differences = savedPlanDifferences(saved, outcome.plan);
  if (differences.length > 0) {
    printRunDiagnostics(run, [stalePlanDiagnostic(file, differences)]);
    return ExitCode.error;
  }
  return applyAndReport(run, outcome.plan, outcome.applyPlan, flags.parallelism);
}

export const applyCommand: CommandModule = {
  register(program: Command, context: CommandContext): void {
    const vars = new VariableArgs();
    const command = program
      .command('apply')
      .description('plan, show, ask, and carry the changes out against the IAM backend (or apply a saved plan exactly)')
      .argument('[planfile]', 'a plan saved by "iamform plan --out FILE"');
    addPlanFlags(command, vars, { destroy: true, parallelism: true })
      .option('--auto-approve', 'apply without asking')
      .addHelpText('after', EXAMPLES)
      .action(
        context.action(async (planFile: string | undefined, options: ApplyOptions) => {
          const { io } = context;
          const globals = context.globals();
          const flags = parsePlanFlags(options, vars);
          if (flags.diagnostics.length > 0) {
            printDiagnostics(io, globals, flags.diagnostics);
            return ExitCode.error;
          }
          return withRun(io, globals, flags.request.vars ?? [], async (run) => {
            if (planFile !== undefined) {
              const planning = [options.target, options.replace].some((list) => (list ?? []).length > 0) || options.destroy === true || options.refreshOnly === true || options.refresh === 'false';
              if (planning) {
                printRunDiagnostics(run, [
                  errorDiag('cli.saved-plan-options', 'Planning options cannot be combined with a saved plan', {
                    detail: `The saved plan ${planFile} was made with its own targets and mode, and is applied exactly. Pass --target, --replace, --destroy, --refresh-only and --refresh to "iamform plan --out" instead.`,
                  }),
                ]);
                return ExitCode.error;
              }
              return applySaved(run, planFile, flags);
            }
            return planAndApply(run, flags, { autoApprove: options.autoApprove === true, operation: flags.request.mode === 'destroy' ? 'destroy' : 'apply' });
          });
        }),
      );
  },
};
