import { errorDiag, hasErrors, type Diagnostic } from '../diag/index.js';
import type { ApplyResult } from '../apply/index.js';
import type { Plan } from '../plan/index.js';
import { Session, type ApplyRequest } from './session.js';
import type { EngineHost, PlanRequest } from './types.js';

export interface RunResult {
  readonly plan?: Plan;
  readonly apply?: ApplyResult;
  readonly diagnostics: Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
}

/** Plans once under a read lock: what `iamform plan` does, without rendering. */
export async function planOnce(host: EngineHost, request: PlanRequest, lockTimeoutMs = 0): Promise<RunResult> {
  const session = Session.open(host, request.vars ?? []);
  const sources = session.workspace.sources;
  if (hasErrors(session.workspace.diagnostics)) return { diagnostics: session.workspace.diagnostics, sources };
  try {
    const locked = await session.acquireLock({ operation: 'plan', timeoutMs: lockTimeoutMs });
    if (locked.length > 0) return { diagnostics: locked, sources };
    const planned = await session.plan(request);
    return { ...(planned.plan ? { plan: planned.plan } : {}), diagnostics: planned.diagnostics, sources };
  } finally {
    await session.close();
  }
}

/**
 * Plans and applies without asking (what `iamform apply --auto-approve` does, without
 * rendering). The lock is held from before the state is read until the last state write.
 */
export async function applyOnce(host: EngineHost, request: PlanRequest & ApplyRequest, lockTimeoutMs = 0): Promise<RunResult> {
  const session = Session.open(host, request.vars ?? []);
  const sources = session.workspace.sources;
  if (hasErrors(session.workspace.diagnostics)) return { diagnostics: session.workspace.diagnostics, sources };
  try {
    const locked = await session.acquireLock({ operation: 'apply', timeoutMs: lockTimeoutMs });
    if (locked.length > 0) return { diagnostics: locked, sources };
    const planned = await session.plan(request);
    if (!planned.applyPlan || !planned.plan) return { diagnostics: planned.diagnostics, sources };
    const applied = await session.apply(planned.applyPlan, request);
    if (!('state' in applied)) return { plan: planned.plan, diagnostics: [...planned.diagnostics, ...applied.diagnostics], sources };
    const failed = applied.outcome.failed > 0 ? [errorDiag('apply.failed', `${applied.outcome.failed} change(s) failed`)] : [];
    return { plan: planned.plan, apply: applied, diagnostics: [...planned.diagnostics, ...applied.diagnostics, ...failed], sources };
  } finally {
    await session.close();
  }
}
