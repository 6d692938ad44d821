import { formatAddress } from '../../addr/index.js';
import type { AccessChange, ChangeAction, Plan, PlannedOutput, ResourceChange } from '../../plan/types.js';
import type { JsonObject } from '../../state/index.js';
import { renderBody } from './attribute-diff.js';
import { actionSymbol } from './change-block.js';
import type { Style } from './style.js';

/** Access-change action lists longer than this are shown as their first few and a count. */
const MAX_ACTIONS_SHOWN = 4;
const MAX_CAUSES_SHOWN = 3;

/** The legend: one line per symbol that the plan uses, in Terraform's order. */
export function legend(style: Style, changes: readonly ResourceChange[]): string[] {
  const rows: [ChangeAction, boolean, string][] = [
    ['create', false, 'create'],
    ['delete', false, 'destroy'],
    ['update', false, 'update in-place'],
    ['replace', false, 'destroy and then create replacement'],
    ['replace', true, 'create replacement and then destroy'],
    ['read', false, 'read (data resources)'],
  ];
  // Only a replacement's symbol depends on createBeforeDestroy.
  const used = ([action, cbd]: [ChangeAction, boolean, string]): boolean => changes.some((c) => c.action === action && (action !== 'replace' || c.createBeforeDestroy === cbd));
  return rows.filter(used).map(([action, cbd, text]) => `${actionSymbol(style, action, cbd)} ${text}`);
}

function listWithMore(items: readonly string[], max: number, noun: string): string {
  if (items.length <= max) return items.join(', ');
  const rest = items.length - (max - 1);
  return `${items.slice(0, max - 1).join(', ')} and ${rest} more ${noun}`;
}

function compareAccess(a: AccessChange, b: AccessChange): number {
  if (a.principal !== b.principal) return a.principal < b.principal ? -1 : 1;
  if (a.kind !== b.kind) return a.kind === 'grant' ? -1 : 1;
  return a.scope < b.scope ? -1 : a.scope > b.scope ? 1 : 0;
}

/**
 * `Access changes:` — one line per principal, scope and direction, grants before revocations.
 * Long action lists are cut to their first entries and a count; nothing else is elided.
 */
export function accessSection(style: Style, changes: readonly AccessChange[]): string[] {
  if (changes.length === 0) return [];
  const lines = [style.bold('Access changes:'), ''];
  for (const change of [...changes].sort(compareAccess)) {
    const grant = change.kind === 'grant';
    const marker = grant ? style.add('+') : style.remove('-');
    const actions = [...change.actions].sort();
    const shown = listWithMore(actions, MAX_ACTIONS_SHOWN, 'actions');
    const causes = change.causes.map(formatAddress);
    const via = causes.length === 0 ? '' : ` (via ${listWithMore(causes, MAX_CAUSES_SHOWN, 'changes')})`;
    lines.push(`  ${marker} ${change.principal} ${grant ? 'gains' : 'loses'} ${shown} in ${change.scope}${via}`);
  }
  return lines;
}

/** `Changes to Outputs:` — outputs whose value changes, aligned like attributes. */
export function outputsSection(style: Style, outputs: readonly PlannedOutput[]): string[] {
  const changed = outputs.filter((o) => o.action !== 'no-op');
  if (changed.length === 0) return [];
  const before: JsonObject = {};
  const after: JsonObject = {};
  const unknown: string[][] = [];
  const beforeSensitive: string[][] = [];
  const afterSensitive: string[][] = [];
  for (const output of changed) {
    // A sensitive output is shown only as `(sensitive value)`; its action, not its value
    // (withheld in a plan read back from JSON), says whether it is added, changed or removed.
    const had = output.sensitive ? (output.action === 'create' ? null : 'before') : output.before;
    const has = output.sensitive ? (output.action === 'delete' || output.afterUnknown ? null : 'after') : output.after;
    if (had !== null) before[output.name] = had;
    if (has !== null) after[output.name] = has;
    if (output.afterUnknown) unknown.push([output.name]);
    if (output.sensitive && had !== null) beforeSensitive.push([output.name]);
    if (output.sensitive && has !== null) afterSensitive.push([output.name]);
  }
  const marks = { unknown, beforeSensitive, afterSensitive, replace: [] };
  return [style.bold('Changes to Outputs:'), ...renderBody({ style, marks, identifying: new Set() }, before, after, 0)];
}

/** `Plan: N to add, N to change, N to destroy.` — a replacement counts as one add and one destroy. */
export function summaryLine(style: Style, plan: Plan): string {
  const { add, change, destroy } = plan.summary;
  const imported = plan.summary.import > 0 ? `${plan.summary.import} to import, ` : '';
  return `${style.bold('Plan:')} ${imported}${add} to add, ${change} to change, ${destroy} to destroy.`;
}
