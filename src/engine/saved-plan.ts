import type { ResourceAddress } from '../addr/index.js';
import { stalePlanReasons, serializePlanFile } from '../plan/plan-file.js';
import { changeKey, type Plan } from '../plan/index.js';
import type { State } from '../state/index.js';
import type { PlanRequest } from './types.js';

/**
 * A state never persisted has a fresh random lineage on every read; a plan made against it
 * (serial 0) names the lineage the first write will keep, so the fresh state takes it.
 */
export function stateForSavedPlan(saved: Plan, state: State, persisted: boolean): State {
  return !persisted && saved.serial === 0 && state.serial === 0 ? { ...state, lineage: saved.lineage } : state;
}

/** The request that made a saved plan: its mode, targets and the replacements it asked for. */
export function requestOfSavedPlan(saved: Plan): PlanRequest {
  const replace: ResourceAddress[] = saved.changes.filter((c) => c.reason === 'replace_requested').map((c) => c.address);
  return { mode: saved.mode, targets: saved.targets, replace };
}

/** Why a saved plan may not be applied against this state and config; empty when it may. */
export function savedPlanBasisReasons(saved: Plan, state: State, configHash: string): string[] {
  return stalePlanReasons(saved, { lineage: state.lineage, serial: state.serial, configHash });
}

/**
 * Compares a saved plan with the plan made now from the same state, config and request: any
 * difference in the resource changes means the IAM backend changed since (drift after the
 * plan was saved). Compared in the saved form, where sensitive values are already withheld.
 */
export function savedPlanDifferences(saved: Plan, fresh: Plan): string[] {
  const encode = (plan: Plan): Map<string, string> => {
    const doc = JSON.parse(serializePlanFile(plan, { iamformVersion: '' })) as { resource_changes: { address: string; deposed?: string }[] };
    return new Map(doc.resource_changes.map((c) => [changeKey(c), JSON.stringify(c)]));
  };
  const before = encode(saved);
  const now = encode(fresh);
  const differing: string[] = [];
  for (const [address, text] of before) if (now.get(address) !== text) differing.push(address);
  for (const address of now.keys()) if (!before.has(address)) differing.push(address);
  if (differing.length === 0) return [];
  const shown = differing.sort().slice(0, 5).join(', ');
  const more = differing.length > 5 ? ` and ${differing.length - 5} more` : '';
  return [`the IAM backend changed since this plan was made: planning again gives different changes for ${shown}${more}`];
}
