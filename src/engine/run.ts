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

/** Loads the config and runs `body` with the state lock for `operation` held; closes the session. */
async function underLock(
  host: EngineHost,
  request: PlanRequest,
  operation: 'plan' | 'apply',
  lockTimeoutMs: number,
  body: (session: Session) => Promise<Omit<RunResult, 'sources'>>,
): Promise<RunResult> {
  const session = Session.open(host, request.vars ?? []);
  const sources = session.workspace.sources;
  if (hasErrors(session.workspace.diagnostics)) return { diagnostics: session.workspace.diagnostics, sources };
  try {
    const locked = await session.acquireLock({ operation, timeoutMs: lockTimeoutMs });
    if (locked.length > 0) return { diagnostics: locked, sources };
    return { ...(await body(session)), sources };
  } finally {
    await session.close();
  }
}

/** Plans once under a read lock: what `iamform plan` does, without rendering. */
export function planOnce(host: EngineHost, request: PlanRequest, lockTimeoutMs = 0): Promise<RunResult> {
  return underLock(host, request, 'plan', lockTimeoutMs, async (session) => {
    const planned = await session.plan(request);
    return { ...(planned.plan ? { plan: planned.plan } : {}), diagnostics: planned.diagnostics };
  });
}

/**
 * Plans and applies without asking (what `iamform apply --auto-approve` does, without
 * rendering). The lock is held from before the state is read until the last state write.
 */
export function applyOnce(host: EngineHost, request: PlanRequest & ApplyRequest, lockTimeoutMs = 0): Promise<RunResult> {
  return underLock(host, request, 'apply', lockTimeoutMs, async (session) => {
    const planned = await session.plan(request);
    if (!planned.applyPlan || !planned.plan) return { diagnostics: planned.diagnostics };
    const applied = await session.apply(planned.applyPlan, request);
    if (!('state' in applied)) return { plan: planned.plan, diagnostics: [...planned.diagnostics, ...applied.diagnostics] };
    const failed = applied.outcome.failed > 0 ? [errorDiag('apply.failed', `${applied.outcome.failed} change(s) failed`)] : [];
    return { plan: planned.plan, apply: applied, diagnostics: [...planned.diagnostics, ...applied.diagnostics, ...failed] };
  });
}
