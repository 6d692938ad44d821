import { readFileSync } from 'node:fs';
import { parseAddress, type ResourceAddress } from '../../src/addr/index.js';
import type { Diagnostic } from '../../src/diag/index.js';
import {
  PLAN_FORMAT_VERSION,
  type AccessChange,
  type ChangeAction,
  type ChangeReason,
  type Plan,
  type PlanMode,
  type PlannedOutput,
  type PlanSummary,
  type ResourceChange,
  type ResourceDrift,
} from '../../src/plan/types.js';
import type { AttributePath, JsonObject } from '../../src/state/index.js';

/**
 * A Plan written by hand for render tests: addresses as strings, and every list or flag that
 * a case does not need left out. `summary` is derived from the changes the way the planner
 * counts (a replacement is one add and one destroy) unless the fixture gives one.
 */
interface ChangeFixture {
  address: string;
  action: ChangeAction;
  reason?: ChangeReason;
  id?: string;
  before?: JsonObject | null;
  after?: JsonObject | null;
  afterUnknown?: AttributePath[];
  beforeSensitive?: AttributePath[];
  afterSensitive?: AttributePath[];
  replacePaths?: AttributePath[];
  dependsOn?: string[];
  createBeforeDestroy?: boolean;
  writeOnly?: JsonObject;
  deposed?: string;
}

interface DriftFixture extends Omit<ResourceDrift, 'address' | 'paths' | 'sensitive'> {
  address: string;
  paths?: AttributePath[];
  sensitive?: AttributePath[];
}

interface PlanFixture {
  mode?: PlanMode;
  lineage?: string;
  serial?: number;
  configHash?: string;
  changes?: ChangeFixture[];
  drift?: DriftFixture[];
  accessChanges?: (Omit<AccessChange, 'causes'> & { causes: string[] })[];
  outputs?: (Partial<PlannedOutput> & Pick<PlannedOutput, 'name' | 'action'>)[];
  summary?: PlanSummary;
  diagnostics?: Diagnostic[];
  targets?: string[];
}

export function address(text: string): ResourceAddress {
  const parsed = parseAddress(text);
  if (!parsed.address) throw new Error(`bad address in fixture: ${text}`);
  return parsed.address;
}

export function summarize(changes: readonly ResourceChange[]): PlanSummary {
  const count = (...actions: ChangeAction[]): number => changes.filter((c) => actions.includes(c.action)).length;
  return { add: count('create', 'replace'), change: count('update'), destroy: count('delete', 'replace'), read: count('read'), import: 0 };
}

export function planFromFixture(fixture: PlanFixture): Plan {
  const changes = (fixture.changes ?? []).map((c): ResourceChange => {
    const change: ResourceChange = {
      address: address(c.address),
      action: c.action,
      before: c.before ?? null,
      after: c.after ?? null,
      afterUnknown: c.afterUnknown ?? [],
      beforeSensitive: c.beforeSensitive ?? [],
      afterSensitive: c.afterSensitive ?? [],
      replacePaths: c.replacePaths ?? [],
      dependsOn: (c.dependsOn ?? []).map(address),
      createBeforeDestroy: c.createBeforeDestroy ?? false,
      ...(c.reason === undefined ? {} : { reason: c.reason }),
      ...(c.id === undefined ? {} : { id: c.id }),
      ...(c.writeOnly === undefined ? {} : { writeOnly: c.writeOnly }),
      ...(c.deposed === undefined ? {} : { deposed: c.deposed }),
    };
    return change;
  });
  return {
    formatVersion: PLAN_FORMAT_VERSION,
    mode: fixture.mode ?? 'normal',
    lineage: fixture.lineage ?? '2b1f7a52-8c4e-4d0b-9d51-7f3c2a1e9b10',
    serial: fixture.serial ?? 3,
    configHash: fixture.configHash ?? 'sha256:5e0c4f4e1b7a9d2c',
    changes,
    drift: (fixture.drift ?? []).map((d) => ({ ...d, address: address(d.address), paths: d.paths ?? [], sensitive: d.sensitive ?? [] })),
    accessChanges: (fixture.accessChanges ?? []).map((a) => ({ ...a, causes: a.causes.map(address) })),
    outputs: (fixture.outputs ?? []).map((o) => ({
      name: o.name,
      action: o.action,
      before: o.before ?? null,
      after: o.after ?? null,
      afterUnknown: o.afterUnknown ?? false,
      sensitive: o.sensitive ?? false,
    })),
    summary: fixture.summary ?? summarize(changes),
    diagnostics: fixture.diagnostics ?? [],
    targets: (fixture.targets ?? []).map(address),
  };
}

export function loadPlanFixture(path: string): Plan {
  return planFromFixture(JSON.parse(readFileSync(path, 'utf8')) as PlanFixture);
}
