import { parseAddress, type ResourceAddress } from '../addr/index.js';
import { errorDiag, type Diagnostic } from '../diag/index.js';
import { comparePaths } from '../state/index.js';
import { encodePlanJson, minimalPaths, mirrorPaths, planJsonSchemaV1, type JsonAction, type PlanJson, type PlanJsonOptions } from './plan-json.js';
import { PLAN_FORMAT_VERSION, type ChangeAction, type Plan, type ResourceChange, type ResourceDrift } from './types.js';

/**
 * Saved plans (`plan --out FILE`) and reading JSON plans back. A saved plan is the JSON plan
 * document itself: it already records the state lineage and serial and the config hash that
 * apply checks, and it holds no sensitive or write-only value in plain text.
 */

export type PlanReadResult =
  | { readonly kind: 'ok'; readonly plan: Plan; /** Who wrote it. */ readonly iamformVersion: string }
  | { readonly kind: 'error'; readonly diagnostics: Diagnostic[] };

/** Upgrades a document of one major format version to the current one, by major version. */
const upgraders: Readonly<Record<number, (doc: Record<string, unknown>) => Record<string, unknown>>> = {
  1: (doc) => doc,
};
const CURRENT_MAJOR = Number(PLAN_FORMAT_VERSION.split('.')[0]);
const MAX_ISSUES_SHOWN = 5;

export function serializePlanFile(plan: Plan, options: PlanJsonOptions): string {
  return encodePlanJson(plan, options);
}

/** Reads a saved plan; `file` names it in messages. */
export function parsePlanFile(text: string, file: string): PlanReadResult {
  return decodePlanText(text, `The saved plan "${file}"`);
}

/**
 * Reads a JSON plan: syntax, then the version (a newer major version is refused with a message
 * that says so; older ones are upgraded), then the schema, then the addresses.
 */
export function decodePlanText(text: string, what = 'The JSON plan'): PlanReadResult {
  const fail = (code: string, summary: string, detail: string): PlanReadResult => ({ kind: 'error', diagnostics: [errorDiag(code, summary, { detail })] });
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return fail('plan.json_syntax', `${what} is not valid JSON`, error instanceof Error ? error.message : String(error));
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return fail('plan.format_invalid', `${what} is not a plan`, 'Expected a JSON object with a "format_version".');
  const record = doc as Record<string, unknown>;
  const version = record['format_version'];
  const match = typeof version === 'string' ? /^(\d+)\.(\d+)$/.exec(version) : null;
  if (!match) {
    if ('resources' in record && 'lineage' in record) {
      return fail('plan.not_a_plan', `${what} is a state file, not a plan`, 'Pass a file written by "iamform plan --out FILE".');
    }
    return fail('plan.format_invalid', `${what} has no valid format_version`, `Expected "format_version": "${PLAN_FORMAT_VERSION}", found ${JSON.stringify(version ?? null)}.`);
  }
  const major = Number(match[1]);
  if (major > CURRENT_MAJOR) {
    const writer = typeof record['iamform_version'] === 'string' ? `iamform ${record['iamform_version']}` : 'a newer iamform';
    return fail(
      'plan.format_too_new',
      `${what} uses plan format ${version as string}, newer than this iamform reads`,
      `It was written by ${writer}; this iamform reads plan format ${CURRENT_MAJOR}.x. Use a release at least as new as the one that wrote it, or make the plan again.`,
    );
  }
  const upgrade = upgraders[major];
  if (!upgrade) return fail('plan.format_invalid', `${what} uses plan format ${version as string}, which no iamform release wrote`, `This iamform reads plan format ${CURRENT_MAJOR}.x.`);
  const parsed = planJsonSchemaV1.safeParse(upgrade(record));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `at ${formatIssuePath(issue.path)}: ${issue.message}`);
    const more = issues.length > MAX_ISSUES_SHOWN ? [`…and ${issues.length - MAX_ISSUES_SHOWN} more`] : [];
    return fail('plan.format_invalid', `${what} is not a valid plan`, [...issues.slice(0, MAX_ISSUES_SHOWN), ...more].join('\n'));
  }
  const invalid = (detail: string): Diagnostic => errorDiag('plan.format_invalid', `${what} is not a valid plan`, { detail });
  const decoded = fromPlanJson(parsed.data, invalid);
  return decoded.kind === 'ok' ? { kind: 'ok', plan: decoded.plan, iamformVersion: parsed.data.iamform_version } : decoded;
}

function formatIssuePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the top level';
  return path.map((step, i) => (typeof step === 'number' ? `[${step}]` : `${i === 0 ? '' : '.'}${String(step)}`)).join('');
}

/** What the state and config look like now, to compare with what the plan was made against. */
export interface CurrentBasis {
  readonly lineage: string;
  readonly serial: number;
  readonly configHash: string;
}

/**
 * Why a saved plan may no longer be applied, as sentences for a person; empty when it may.
 * A different lineage makes the serial meaningless, so the serial is compared only within one.
 */
export function stalePlanReasons(plan: Plan, current: CurrentBasis): string[] {
  const reasons: string[] = [];
  if (plan.lineage !== current.lineage) {
    reasons.push(`the state belongs to a different lineage (${current.lineage}; the plan was made for ${plan.lineage})`);
  } else if (plan.serial !== current.serial) {
    reasons.push(`the state was changed since this plan was made: serial ${plan.serial} → ${current.serial}`);
  }
  if (plan.configHash !== current.configHash) reasons.push('the configuration changed since this plan was made');
  return reasons;
}

/** The error apply reports for a stale saved plan. */
export function stalePlanDiagnostic(file: string, reasons: readonly string[]): Diagnostic {
  return errorDiag('plan.stale', `Saved plan "${file}" is stale`, {
    detail: `${reasons.map((r) => `${r.charAt(0).toUpperCase()}${r.slice(1)}.`).join('\n')}\nRun "iamform plan" again and apply the new plan.`,
  });
}

type PlanDecodeResult = { readonly kind: 'ok'; readonly plan: Plan } | { readonly kind: 'error'; readonly diagnostics: Diagnostic[] };

/**
 * The Plan held by a validated version-1 document. Sensitive values come back as null (they
 * were never written); the executor takes them, and write-only values, from the config,
 * whose hash the plan records.
 */
function fromPlanJson(json: PlanJson, invalid: (detail: string) => Diagnostic): PlanDecodeResult {
  const diagnostics: Diagnostic[] = [];
  const address = (text: string, where: string): ResourceAddress => {
    const parsed = parseAddress(text);
    if (parsed.address) return parsed.address;
    diagnostics.push(invalid(`${where}: "${text}" is not a resource address.`));
    return { mode: 'managed', type: 'invalid', name: 'invalid' };
  };
  const changes = json.resource_changes.map((c, i): ResourceChange => {
    const where = `resource_changes[${i}]`;
    const actions = c.change.actions;
    const action = changeAction(actions);
    if (action === undefined) diagnostics.push(invalid(`${where}: the actions ${JSON.stringify(actions)} are not a known combination.`));
    if (c.deposed !== undefined && action !== 'delete') diagnostics.push(invalid(`${where}: a deposed object can only be deleted.`));
    return {
      address: address(c.address, where),
      action: action ?? 'no-op',
      ...(c.action_reason === undefined ? {} : { reason: c.action_reason }),
      ...(c.id === undefined ? {} : { id: c.id }),
      before: c.change.before,
      after: c.change.after,
      afterUnknown: mirrorPaths(c.change.after_unknown),
      beforeSensitive: mirrorPaths(c.change.before_sensitive),
      afterSensitive: mirrorPaths(c.change.after_sensitive),
      replacePaths: minimalPaths(c.change.replace_paths),
      dependsOn: c.depends_on.map((d) => address(d, `${where}.depends_on`)),
      createBeforeDestroy: action === 'replace' ? actions[0] === 'create' : c.create_before_destroy,
      ...(c.deposed === undefined ? {} : { deposed: c.deposed }),
    };
  });
  const drift = json.resource_drift.map(
    (d, i): ResourceDrift => ({
      address: address(d.address, `resource_drift[${i}]`),
      kind: d.change.actions[0] === 'delete' ? 'deleted' : 'changed',
      before: d.change.before,
      after: d.change.actions[0] === 'delete' ? null : d.change.after,
      paths: [...d.changed_paths].sort(comparePaths),
      sensitive: mirrorPaths(d.change.before_sensitive),
    }),
  );
  const plan: Plan = {
    formatVersion: PLAN_FORMAT_VERSION,
    mode: json.mode,
    lineage: json.lineage,
    serial: json.serial,
    configHash: json.config_hash,
    changes,
    drift,
    accessChanges: json.access_changes.map((a, i) => ({ ...a, causes: a.causes.map((c) => address(c, `access_changes[${i}]`)) })),
    outputs: Object.entries(json.output_changes)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, o]) => ({
      name,
      action: o.actions[0],
      before: o.before,
      after: o.after,
      afterUnknown: o.after_unknown,
      sensitive: o.before_sensitive || o.after_sensitive,
    })),
    summary: json.summary,
    diagnostics: json.diagnostics.map(diagnosticOf),
    targets: json.targets.map((t) => address(t, 'targets')),
  };
  return diagnostics.length > 0 ? { kind: 'error', diagnostics } : { kind: 'ok', plan };
}

function changeAction(actions: readonly JsonAction[]): ChangeAction | undefined {
  const [first, second] = actions;
  if (second === undefined) return first;
  if ((first === 'delete' && second === 'create') || (first === 'create' && second === 'delete')) return 'replace';
  return undefined;
}

function diagnosticOf(d: PlanJson['diagnostics'][number]): Diagnostic {
  const { detail, context, range, ...rest } = d;
  return { ...rest, ...(detail === undefined ? {} : { detail }), ...(context === undefined ? {} : { context }), ...(range === undefined ? {} : { range }) };
}
