import { formatAddress, formatKey as formatInstanceKey, type ResourceAddress } from '../../addr/index.js';
import { changeKey, type ChangeAction, type ChangeReason, type ResourceChange, type ResourceDrift } from '../../plan/types.js';
import type { AttributePath } from '../../state/index.js';
import { renderBody, type DiffContext, type DiffMarks } from './attribute-diff.js';
import type { Style } from './style.js';

/** Top-level attributes shown in an update even when unchanged, so the reader knows which object it is. */
const IDENTIFYING: ReadonlySet<string> = new Set(['id', 'name']);
const NOTHING: ReadonlySet<string> = new Set();

/** The `policy` attribute of a custom policy is a document diffed statement by statement. */
function policyPathOf(address: ResourceAddress): AttributePath | undefined {
  return address.mode === 'managed' && address.type === 'iam_policy' ? ['policy'] : undefined;
}

function context(style: Style, address: ResourceAddress, marks: DiffMarks, identifying: ReadonlySet<string>): DiffContext {
  const policyPath = policyPathOf(address);
  return policyPath ? { style, marks, identifying, policyPath } : { style, marks, identifying };
}

function headline(change: ResourceChange): string {
  const action = change.action;
  switch (action) {
    case 'create':
      return 'will be created';
    case 'update':
      return 'will be updated in-place';
    case 'replace':
      return change.reason === 'replace_requested' ? 'will be replaced, as requested' : 'must be replaced';
    case 'delete':
      return 'will be destroyed';
    case 'read':
      return 'will be read during apply';
    case 'no-op':
      return 'is unchanged';
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** The `# (because …)` line under the headline, where the reason adds something. */
function reasonLine(address: ResourceAddress, reason: ChangeReason | undefined): string | undefined {
  if (reason === undefined) return undefined;
  switch (reason) {
    case 'not_in_config':
      return `(because ${formatAddress(address)} is not in configuration)`;
    case 'count_index_removed':
      return `(because index ${address.key === undefined ? '' : formatInstanceKey(address.key)} is out of range for count)`;
    case 'each_key_removed':
      return `(because key ${address.key === undefined ? '' : formatInstanceKey(address.key)} is not in for_each map)`;
    case 'deleted_outside':
      return '(deleted outside iamform)';
    case 'data_depends_on_unknown':
      return '(config refers to values not yet known)';
    case 'pending_intent':
      return '(because an earlier apply stopped before it recorded this object)';
    case 'new':
    case 'config_changed':
    case 'replace_forced_by_attribute':
    case 'replace_requested':
    case 'destroy_requested':
      return undefined;
    default: {
      const never: never = reason;
      return never;
    }
  }
}

/** The three-column symbol before `resource`, e.g. `  +`, `-/+`, ` <=`. */
export function actionSymbol(style: Style, action: ChangeAction, createBeforeDestroy: boolean): string {
  switch (action) {
    case 'create':
      return `  ${style.add('+')}`;
    case 'update':
      return `  ${style.change('~')}`;
    case 'replace':
      return createBeforeDestroy ? `${style.add('+')}/${style.remove('-')}` : `${style.remove('-')}/${style.add('+')}`;
    case 'delete':
      return `  ${style.remove('-')}`;
    case 'read':
      return ` ${style.read('<=')}`;
    case 'no-op':
      return '   ';
    default: {
      const never: never = action;
      return never;
    }
  }
}

function opening(address: ResourceAddress): string {
  const keyword = address.mode === 'data' ? 'data' : 'resource';
  return `${keyword} ${JSON.stringify(address.type)} ${JSON.stringify(address.name)} {`;
}

/** One planned change as a block of lines (no trailing blank line). */
export function renderChangeBlock(style: Style, change: ResourceChange): string[] {
  const lines = [style.bold(`  # ${changeKey(change)} ${headline(change)}`)];
  const reason = change.deposed !== undefined ? '(left behind by an interrupted create-before-destroy replacement of this instance)' : reasonLine(change.address, change.reason);
  if (reason) lines.push(`  # ${reason}`);
  const marks: DiffMarks = {
    unknown: change.afterUnknown,
    beforeSensitive: change.beforeSensitive,
    afterSensitive: change.afterSensitive,
    replace: change.action === 'replace' ? change.replacePaths : [],
  };
  const identifying = change.action === 'update' || change.action === 'replace' ? IDENTIFYING : NOTHING;
  const ctx = context(style, change.address, marks, identifying);
  lines.push(`${actionSymbol(style, change.action, change.createBeforeDestroy)} ${opening(change.address)}`);
  lines.push(...renderBody(ctx, change.before, change.after));
  lines.push('    }');
  return lines;
}

/** One object changed or deleted outside iamform, as a block of lines. */
export function renderDriftBlock(style: Style, drift: ResourceDrift): string[] {
  const deleted = drift.kind === 'deleted';
  const lines = [style.bold(`  # ${formatAddress(drift.address)} ${deleted ? 'has been deleted' : 'has changed'}`)];
  const marks: DiffMarks = { unknown: [], beforeSensitive: drift.sensitive, afterSensitive: drift.sensitive, replace: [] };
  const ctx = context(style, drift.address, marks, deleted ? NOTHING : IDENTIFYING);
  lines.push(`${actionSymbol(style, deleted ? 'delete' : 'update', false)} ${opening(drift.address)}`);
  lines.push(...renderBody(ctx, drift.before, deleted ? null : drift.after));
  lines.push('    }');
  return lines;
}
