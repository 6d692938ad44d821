import { hasErrors } from '../diag/index.js';
import type { Plan } from '../plan/index.js';
import { applyAndReport, confirm, planHasChanges, printPlanDiagnostics, printRunDiagnostics, renderPlan, type EngineRun } from './engine-run.js';
import { ExitCode } from './exit-codes.js';
import type { ParsedPlanFlags } from './plan-flags.js';

export interface PlanAndApplyOptions {
  readonly autoApprove: boolean;
  /** The lock's operation and the words of the question: `apply` or `destroy`. */
  readonly operation: 'apply' | 'destroy';
}

function question(plan: Plan, operation: 'apply' | 'destroy'): { question: string; detail: string } {
  if (operation === 'destroy') {
    return {
      question: 'Do you really want to destroy all resources?\n  iamform will delete every object shown above from the IAM backend. There is no undo.',
      detail: 'iamform destroy',
    };
  }
  const scoped = plan.targets.length > 0 ? ' (resource targeting is in effect)' : '';
  return { question: `Do you want to perform these actions${scoped}?\n  iamform will perform the actions described above.`, detail: 'iamform apply' };
}

/**
 * `apply` and `destroy` without a saved plan: lock, plan, show, ask (or `--auto-approve`),
 * apply with the lock held throughout. Returns the exit code.
 */
export async function planAndApply(run: EngineRun, flags: ParsedPlanFlags, options: PlanAndApplyOptions): Promise<number> {
  const { io } = run;
  const locked = await run.session.acquireLock({ operation: options.operation, timeoutMs: flags.lockTimeoutMs });
  if (locked.length > 0) {
    printRunDiagnostics(run, locked);
    return ExitCode.error;
  }
  const outcome = await run.session.plan(flags.request);
  printPlanDiagnostics(run, outcome, true);
  if (!outcome.plan || !outcome.applyPlan || hasErrors(outcome.diagnostics)) return ExitCode.error;
  io.stdout.write(renderPlan(run, outcome.plan, 'text'));
  if (!planHasChanges(outcome.plan)) {
    io.stdout.write('\nApply complete! Resources: 0 added, 0 changed, 0 destroyed.\n');
    return ExitCode.ok;
  }
  if (!options.autoApprove) {
    const asked = question(outcome.plan, options.operation);
    const answer = await confirm(run, asked.question, asked.detail, '--auto-approve');
    if (answer === 'not-interactive') return ExitCode.error;
    if (answer === 'no') {
      io.stderr.write(`\n${options.operation === 'destroy' ? 'Destroy' : 'Apply'} cancelled: nothing was changed.\n`);
      return ExitCode.error;
    }
  }
  io.stdout.write('\n');
  return applyAndReport(run, outcome.plan, outcome.applyPlan, flags.parallelism);
}
