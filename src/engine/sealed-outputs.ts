import { formatAddress, resourceOf } from '../addr/index.js';
import { referencesIn, type Config } from '../config/index.js';
import type { ApplyPlan, Plan, PlannedOutput } from '../plan/index.js';
import { isSealed } from './apply-input.js';
import { resourceReferences } from './config-graph.js';

/**
 * A sensitive output holding a secret (returned once, at creation) is sealed in state, and
 * the config cannot compute it again: the planner sees it as "known after apply" on every
 * later plan. When nothing the output refers to changes in this plan, its sealed value still
 * holds, so the output is a no-op and the plan stays "No changes".
 */
export function settleSealedOutputs(config: Config, applyPlan: ApplyPlan): ApplyPlan {
  const { plan } = applyPlan;
  const candidates = plan.outputs.filter((o) => o.action === 'update' && o.afterUnknown && o.sensitive && isSealed(o.before));
  if (candidates.length === 0) return applyPlan;
  const changed = new Set(plan.changes.filter((c) => c.action !== 'no-op').map((c) => formatAddress(resourceOf(c.address))));
  const refs = resourceReferences(config);
  const settled = new Set<string>();
  for (const o of candidates) {
    const expr = config.outputs.get(o.name)?.value;
    if (expr === undefined) continue;
    if (refs(referencesIn(expr)).every((r) => !changed.has(r.key))) settled.add(o.name);
  }
  if (settled.size === 0) return applyPlan;
  const outputs = plan.outputs.map((o): PlannedOutput => (settled.has(o.name) ? { ...o, action: 'no-op', after: o.before, afterUnknown: false } : o));
  const next: Plan = { ...plan, outputs };
  const outputValues = new Map(applyPlan.outputValues);
  for (const name of settled) outputValues.delete(name);
  return { ...applyPlan, plan: next, outputValues };
}
