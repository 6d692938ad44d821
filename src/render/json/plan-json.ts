import { encodePlanJson, type PlanJsonOptions } from '../../plan/plan-json.js';
import { decodePlanText, type PlanReadResult } from '../../plan/plan-file.js';
import type { Plan } from '../../plan/types.js';

/**
 * The versioned JSON plan (format in `./README.md`). The same document is the saved plan file;
 * its encoder and reader live in `plan` so that apply can read plans without the renderers.
 */
export function renderPlanJson(plan: Plan, options: PlanJsonOptions): string {
  return encodePlanJson(plan, options);
}

/** Reads a JSON plan back: a Plan, or diagnostics (syntax, a newer format version, schema). */
export function parsePlanJson(text: string): PlanReadResult {
  return decodePlanText(text);
}
