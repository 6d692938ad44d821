import { isWhollyKnown, type EvaluatedConfig } from '../config/index.js';
import type { JsonValue, State } from '../state/index.js';
import { fillUnknown, toPlain } from './plain.js';
import { placeholder } from './placeholder.js';
import type { PlanMode, PlannedOutput } from './types.js';

/**
 * Planned outputs: each config output against the value state recorded. An output whose
 * value is unknown anywhere is "known after apply" (its `after` is null); sensitive outputs
 * are flagged, never redacted here (renderers do that). In destroy mode every recorded
 * output is deleted.
 */
export function plannedOutputs(evaluated: EvaluatedConfig, state: State, mode: PlanMode): PlannedOutput[] {
  const out: PlannedOutput[] = [];
  const configured = new Set<string>();
  if (mode === 'normal') {
    for (const [name, output] of evaluated.outputs) {
      configured.add(name);
      const prior = state.outputs[name];
      const unknown = !isWhollyKnown(output.value);
      const after = unknown ? null : (toPlain(output.value) as JsonValue);
      const before = prior?.value ?? null;
      const action = prior === undefined ? 'create' : unknown || JSON.stringify(before) !== JSON.stringify(after) || prior.sensitive !== output.sensitive ? 'update' : 'no-op';
      out.push({ name, action, before: prior === undefined ? null : before, after, afterUnknown: unknown, sensitive: output.sensitive });
    }
  }
  if (mode !== 'refresh-only') {
    for (const [name, prior] of Object.entries(state.outputs)) {
      if (!configured.has(name)) out.push({ name, action: 'delete', before: prior.value, after: null, afterUnknown: false, sensitive: prior.sensitive });
    }
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Output values with placeholders where they are known only after apply (from pass B). */
export function outputTemplates(evaluated: EvaluatedConfig): Map<string, JsonValue> {
  const out = new Map<string, JsonValue>();
  for (const [name, output] of evaluated.outputs) out.set(name, fillUnknown(toPlain(output.value), () => placeholder(`output.${name}`, 'value')));
  return out;
}
