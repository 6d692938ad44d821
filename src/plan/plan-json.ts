import { z } from 'zod';
import { formatAddress, type ResourceAddress } from '../addr/index.js';
import type { Diagnostic } from '../diag/index.js';
import { canonicalJson, comparePaths, pathCovers, type AttributePath, type JsonObject, type JsonValue } from '../state/index.js';
import {
  PLAN_FORMAT_VERSION,
  type AccessChange,
  type ChangeAction,
  type Plan,
  type PlannedOutput,
  type ResourceChange,
  type ResourceDrift,
} from './types.js';

/**
 * The versioned JSON plan (`plan --format json`, `show --format json`, saved plan files),
 * documented in `src/render/json/README.md`. Field order in the schemas is the order written.
 * Sensitive values never appear: they are null in `before`/`after`, and the `*_sensitive`
 * mirrors say where they were. Write-only values are not part of the format at all.
 */

const pathSchema = z.array(z.union([z.string(), z.number().int().nonnegative()]));
const mirrorSchema = z.json();
const addressFields = {
  address: z.string(),
  mode: z.enum(['managed', 'data']),
  type: z.string(),
  name: z.string(),
  index: z.union([z.number().int().nonnegative(), z.string()]).optional(),
};
const jsonObject = z.record(z.string(), z.json());
const actionSchema = z.enum(['create', 'update', 'delete', 'read', 'no-op']);
const reasonSchema = z.enum([
  'new',
  'config_changed',
  'replace_forced_by_attribute',
  'replace_requested',
  'not_in_config',
  'count_index_removed',
  'each_key_removed',
  'deleted_outside',
  'destroy_requested',
  'data_depends_on_unknown',
  'pending_intent',
]);
const rangeSchema = z.object({
  file: z.string(),
  start: z.object({ line: z.number().int(), column: z.number().int(), offset: z.number().int() }),
  end: z.object({ line: z.number().int(), column: z.number().int(), offset: z.number().int() }),
});

const resourceChangeSchema = z.object({
  ...addressFields,
  deposed: z.string().min(1).optional(),
  id: z.string().optional(),
  depends_on: z.array(z.string()),
  create_before_destroy: z.boolean(),
  change: z.object({
    actions: z.array(actionSchema).min(1).max(2),
    before: jsonObject.nullable(),
    after: jsonObject.nullable(),
    after_unknown: mirrorSchema,
    before_sensitive: mirrorSchema,
    after_sensitive: mirrorSchema,
    replace_paths: z.array(pathSchema),
  }),
  action_reason: reasonSchema.optional(),
});

const resourceDriftSchema = z.object({
  ...addressFields,
  change: z.object({
    actions: z.tuple([z.enum(['update', 'delete'])]),
    before: jsonObject,
    after: jsonObject.nullable(),
    before_sensitive: mirrorSchema,
    after_sensitive: mirrorSchema,
  }),
  changed_paths: z.array(pathSchema),
});

const outputChangeSchema = z.object({
  actions: z.tuple([z.enum(['create', 'update', 'delete', 'no-op'])]),
  before: z.json(),
  after: z.json(),
  after_unknown: z.boolean(),
  before_sensitive: z.boolean(),
  after_sensitive: z.boolean(),
});

/** Version 1.x of the JSON plan. Unknown keys (from a newer minor version) are dropped on read. */
export const planJsonSchemaV1 = z.object({
  format_version: z.string(),
  iamform_version: z.string(),
  mode: z.enum(['normal', 'destroy', 'refresh-only']),
  lineage: z.string(),
  serial: z.number().int().nonnegative(),
  config_hash: z.string(),
  targets: z.array(z.string()),
  resource_drift: z.array(resourceDriftSchema),
  resource_changes: z.array(resourceChangeSchema),
  access_changes: z.array(
    z.object({
      kind: z.enum(['grant', 'revoke']),
      principal: z.string(),
      scope: z.string(),
      actions: z.array(z.string()),
      causes: z.array(z.string()),
    }),
  ),
  output_changes: z.record(z.string(), outputChangeSchema),
  summary: z.object({
    add: z.number().int().nonnegative(),
    change: z.number().int().nonnegative(),
    destroy: z.number().int().nonnegative(),
    read: z.number().int().nonnegative(),
    import: z.number().int().nonnegative(),
  }),
  diagnostics: z.array(
    z.object({
      severity: z.enum(['error', 'warning']),
      code: z.string(),
      summary: z.string(),
      detail: z.string().optional(),
      context: z.string().optional(),
      range: rangeSchema.optional(),
    }),
  ),
});

export type PlanJson = z.infer<typeof planJsonSchemaV1>;
export type ResourceChangeJson = z.infer<typeof resourceChangeSchema>;
export type JsonAction = z.infer<typeof actionSchema>;

export interface PlanJsonOptions {
  /** The iamform release writing the plan (`iamform_version`). */
  readonly iamformVersion: string;
}

/** Terraform's action lists: a replacement is two actions, in the order they run. */
export function jsonActions(action: ChangeAction, createBeforeDestroy: boolean): JsonAction[] {
  switch (action) {
    case 'replace':
      return createBeforeDestroy ? ['create', 'delete'] : ['delete', 'create'];
    case 'create':
    case 'update':
    case 'delete':
    case 'read':
    case 'no-op':
      return [action];
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** Drops paths that another path in the list already covers, and sorts the rest. */
export function minimalPaths(paths: readonly AttributePath[]): AttributePath[] {
  return [...paths].sort(comparePaths).filter((p, i, all) => !all.slice(0, i).some((q) => pathCovers(q, p)));
}

/**
 * A value shaped like `value` with `true` at each of `paths` (Terraform's `after_unknown` and
 * `*_sensitive`): objects hold only marked members; lists hold every element, `false` where
 * unmarked. `false` alone when nothing is marked and the value is null.
 */
export function marksMirror(paths: readonly AttributePath[], value: JsonValue | null): JsonValue {
  const minimal = minimalPaths(paths);
  if (minimal.some((p) => p.length === 0)) return true;
  if (value === null && minimal.length === 0) return false;
  let root: JsonValue = Array.isArray(value) ? [] : {};
  for (const path of minimal) root = setMark(root, path);
  return padLists(root, value);
}

function setMark(node: JsonValue, path: AttributePath): JsonValue {
  const [step, ...rest] = path;
  if (step === undefined) return true;
  if (typeof step === 'number') {
    const list = Array.isArray(node) ? [...node] : [];
    while (list.length < step) list.push(false);
    const child = list[step];
    list[step] = setMark(rest.length === 0 || child === undefined || child === false ? nextContainer(rest) : child, rest);
    return list;
  }
  const map: { [key: string]: JsonValue } = node !== null && typeof node === 'object' && !Array.isArray(node) ? { ...node } : {};
  map[step] = setMark(map[step] ?? nextContainer(rest), rest);
  return map;
}

function nextContainer(rest: AttributePath): JsonValue {
  return typeof rest[0] === 'number' ? [] : {};
}

function padLists(mirror: JsonValue, value: JsonValue | undefined): JsonValue {
  if (Array.isArray(mirror)) {
    const source = Array.isArray(value) ? value : [];
    const out = [...mirror];
    while (out.length < source.length) out.push(false);
    return out.map((m, i) => padLists(m, source[i]));
  }
  if (mirror !== null && typeof mirror === 'object') {
    const source = value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
    const out: { [key: string]: JsonValue } = {};
    for (const key of Object.keys(mirror).sort()) out[key] = padLists(mirror[key] as JsonValue, source[key]);
    return out;
  }
  return mirror;
}

/** The paths marked `true` in a mirror, sorted. */
export function mirrorPaths(mirror: JsonValue): AttributePath[] {
  const out: AttributePath[] = [];
  const walk = (node: JsonValue, path: (string | number)[]): void => {
    if (node === true) out.push([...path]);
    else if (Array.isArray(node)) node.forEach((child, i) => walk(child, [...path, i]));
    else if (node !== null && typeof node === 'object') for (const key of Object.keys(node)) walk(node[key] as JsonValue, [...path, key]);
  };
  walk(mirror, []);
  return out.sort(comparePaths);
}

/** `value` with null at every sensitive path, keys sorted: what the JSON plan may show. */
export function redactSensitive(value: JsonObject | null, paths: readonly AttributePath[]): JsonObject | null {
  if (value === null) return null;
  if (paths.some((p) => p.length === 0)) return null;
  let out: JsonValue = value;
  for (const path of paths) out = nullAt(out, path);
  return canonicalJson(out) as JsonObject;
}

function nullAt(value: JsonValue, path: AttributePath): JsonValue {
  const [step, ...rest] = path;
  if (step === undefined) return null;
  if (Array.isArray(value)) {
    if (typeof step !== 'number' || step >= value.length) return value;
    const copy = [...value];
    copy[step] = nullAt(copy[step] as JsonValue, rest);
    return copy;
  }
  if (value === null || typeof value !== 'object' || typeof step !== 'string' || !Object.hasOwn(value, step)) return value;
  return { ...value, [step]: nullAt(value[step] as JsonValue, rest) };
}

function addressJson(address: ResourceAddress): { address: string; mode: 'managed' | 'data'; type: string; name: string; index?: number | string } {
  const out = { address: formatAddress(address), mode: address.mode, type: address.type, name: address.name };
  return address.key === undefined ? out : { ...out, index: address.key };
}

function changeJson(change: ResourceChange): ResourceChangeJson {
  const out: ResourceChangeJson = {
    ...addressJson(change.address),
    ...(change.deposed === undefined ? {} : { deposed: change.deposed }),
    ...(change.id === undefined ? {} : { id: change.id }),
    depends_on: change.dependsOn.map(formatAddress),
    create_before_destroy: change.createBeforeDestroy,
    change: {
      actions: jsonActions(change.action, change.createBeforeDestroy),
      before: redactSensitive(change.before, change.beforeSensitive),
      after: redactSensitive(change.after, change.afterSensitive),
      after_unknown: marksMirror(change.afterUnknown, change.after),
      before_sensitive: marksMirror(change.beforeSensitive, change.before),
      after_sensitive: marksMirror(change.afterSensitive, change.after),
      replace_paths: minimalPaths(change.replacePaths).map((p) => [...p]),
    },
  };
  return change.reason === undefined ? out : { ...out, action_reason: change.reason };
}

function driftJson(drift: ResourceDrift): PlanJson['resource_drift'][number] {
  return {
    ...addressJson(drift.address),
    change: {
      actions: [drift.kind === 'deleted' ? 'delete' : 'update'],
      before: redactSensitive(drift.before, drift.sensitive) ?? {},
      after: drift.kind === 'deleted' ? null : redactSensitive(drift.after, drift.sensitive),
      before_sensitive: marksMirror(drift.sensitive, drift.before),
      after_sensitive: marksMirror(drift.sensitive, drift.after),
    },
    changed_paths: [...drift.paths].sort(comparePaths).map((p) => [...p]),
  };
}

function outputJson(output: PlannedOutput): PlanJson['output_changes'][string] {
  const shown = (value: JsonValue | null): JsonValue => (output.sensitive || value === null ? null : canonicalJson(value));
  return {
    actions: [output.action],
    before: shown(output.before),
    after: output.afterUnknown ? null : shown(output.after),
    after_unknown: output.afterUnknown,
    before_sensitive: output.sensitive && output.action !== 'create',
    after_sensitive: output.sensitive && output.action !== 'delete',
  };
}

function position(p: { line: number; column: number; offset: number }): { line: number; column: number; offset: number } {
  return { line: p.line, column: p.column, offset: p.offset };
}

function diagnosticJson(d: Diagnostic): PlanJson['diagnostics'][number] {
  return {
    severity: d.severity,
    code: d.code,
    summary: d.summary,
    ...(d.detail === undefined ? {} : { detail: d.detail }),
    ...(d.context === undefined ? {} : { context: d.context }),
    ...(d.range === undefined ? {} : { range: { file: d.range.file, start: position(d.range.start), end: position(d.range.end) } }),
  };
}

/** The plan as its JSON document (an object; `encodePlanJson` makes the text). */
export function toPlanJson(plan: Plan, options: PlanJsonOptions): PlanJson {
  const outputs: PlanJson['output_changes'] = {};
  for (const output of [...plan.outputs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) outputs[output.name] = outputJson(output);
  return {
    format_version: PLAN_FORMAT_VERSION,
    iamform_version: options.iamformVersion,
    mode: plan.mode,
    lineage: plan.lineage,
    serial: plan.serial,
    config_hash: plan.configHash,
    targets: plan.targets.map(formatAddress),
    resource_drift: plan.drift.map(driftJson),
    resource_changes: plan.changes.map(changeJson),
    access_changes: plan.accessChanges.map((a: AccessChange) => ({
      kind: a.kind,
      principal: a.principal,
      scope: a.scope,
      actions: [...a.actions],
      causes: a.causes.map(formatAddress),
    })),
    output_changes: outputs,
    summary: { ...plan.summary },
    diagnostics: plan.diagnostics.map(diagnosticJson),
  };
}

/** The JSON plan text: two-space indentation, a final newline, the same bytes for the same plan. */
export function encodePlanJson(plan: Plan, options: PlanJsonOptions): string {
  return JSON.stringify(toPlanJson(plan, options), null, 2) + '\n';
}
