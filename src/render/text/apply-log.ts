import { formatAddress } from '../../addr/index.js';
import { changeKey, type ChangeAction, type Plan } from '../../plan/types.js';
import type { ApplyEvent } from '../../plan/apply-events.js';
import { makeStyle, type Style } from './style.js';

export interface ApplyLogOptions {
  readonly color: boolean;
  /** The plan being applied: lets start lines name the object (`[id=u-1]`) they change. */
  readonly plan?: Plan;
}

/**
 * The Terraform-style apply log: a subscriber that turns each event into lines (no newlines
 * inside; the caller writes them). It remembers failures and skips to list them again in the
 * closing summary, so it is one object per apply.
 */
export interface ApplyLog {
  lines(event: ApplyEvent): string[];
}

interface Words {
  readonly start: string;
  readonly done: string;
  readonly verb: string;
}

function words(action: ChangeAction): Words {
  switch (action) {
    case 'create':
      return { start: 'Creating...', done: 'Creation complete', verb: 'creating' };
    case 'update':
      return { start: 'Modifying...', done: 'Modifications complete', verb: 'updating' };
    case 'replace':
      return { start: 'Replacing...', done: 'Replacement complete', verb: 'replacing' };
    case 'delete':
      return { start: 'Destroying...', done: 'Destruction complete', verb: 'destroying' };
    case 'read':
      return { start: 'Reading...', done: 'Read complete', verb: 'reading' };
    case 'no-op':
      return { start: 'Checking...', done: 'No changes', verb: 'checking' };
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** `0s`, `42s`, `1m5s`, as Terraform prints durations (whole seconds, rounded down). */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${seconds % 60}s`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** An event about one change, which the log and the plain message show alike. */
type ChangeEvent = Extract<ApplyEvent, { address: unknown }>;

/** The line of a change event; `startId` names the object a start line is about to change. */
function changeLine(style: Style, event: ChangeEvent, startId?: string): string {
  const address = changeKey(event);
  switch (event.kind) {
    case 'change_start':
      return `${style.bold(`${address}:`)} ${words(event.action).start}${startId === undefined ? '' : ` [id=${startId}]`}`;
    case 'change_done': {
      const id = event.action === 'delete' || event.id === undefined ? '' : ` [id=${event.id}]`;
      return `${style.bold(`${address}:`)} ${words(event.action).done} after ${formatElapsed(event.elapsedMs)}${id}`;
    }
    case 'change_failed':
      return `${style.remove('Error:')} ${style.bold(`${words(event.action).verb} ${address}:`)} ${event.error.code} ${event.error.message}`;
    case 'change_skipped':
      return `${style.bold(`${address}:`)} Skipped because ${formatAddress(event.cause)} failed`;
    default: {
      const never: never = event;
      return never;
    }
  }
}

export function createApplyLog(options: ApplyLogOptions): ApplyLog {
  const style = makeStyle(options.color);
  const ids = new Map<string, string>();
  for (const change of options.plan?.changes ?? []) if (change.id !== undefined) ids.set(changeKey(change), change.id);
  const failures: string[] = [];
  const skips: string[] = [];

  return {
    lines(event) {
      const kind = event.kind;
      switch (kind) {
        case 'apply_start':
          return [];
        case 'change_start':
          return [changeLine(style, event, event.action === 'create' || event.action === 'read' ? undefined : ids.get(changeKey(event)))];
        case 'change_done':
          return [changeLine(style, event)];
        case 'change_failed':
          failures.push(`${changeKey(event)} (${words(event.action).verb}: ${event.error.code} ${event.error.message})`);
          return [changeLine(style, event)];
        case 'change_skipped':
          skips.push(`${changeKey(event)} (depends on ${formatAddress(event.cause)})`);
          return [changeLine(style, event)];
        case 'apply_done':
          return summary(style, event, failures, skips);
        default: {
          const never: never = kind;
          return never;
        }
      }
    },
  };
}

function failedHeadline(event: Extract<ApplyEvent, { kind: 'apply_done' }>): string {
  const skipped = event.skipped > 0 ? `, ${event.skipped} skipped` : '';
  return `Apply failed: ${plural(event.failed, 'change')} failed${skipped}.`;
}

const plain = makeStyle(false);

/**
 * One event as a single plain line, without the run's memory (for JSON lines and logs); null
 * for events that print nothing.
 */
export function applyEventMessage(event: ApplyEvent): string | null {
  switch (event.kind) {
    case 'apply_start':
      return `Applying ${plural(event.total, 'change')}`;
    case 'change_start':
    case 'change_done':
    case 'change_failed':
    case 'change_skipped':
      return changeLine(plain, event);
    case 'apply_done':
      return event.failed === 0 && event.skipped === 0
        ? `Apply complete! Resources: ${event.added} added, ${event.changed} changed, ${event.destroyed} destroyed.`
        : `${failedHeadline(event)} Resources: ${event.added} added, ${event.changed} changed, ${event.destroyed} destroyed.`;
    default: {
      const never: never = event;
      return never;
    }
  }
}

function summary(style: Style, event: Extract<ApplyEvent, { kind: 'apply_done' }>, failures: readonly string[], skips: readonly string[]): string[] {
  const resources = `Resources: ${event.added} added, ${event.changed} changed, ${event.destroyed} destroyed.`;
  if (event.failed === 0 && event.skipped === 0) return ['', style.add(style.bold(`Apply complete! ${resources}`))];
  const lines = ['', style.remove(style.bold(failedHeadline(event))), resources];
  if (failures.length > 0) lines.push('', 'Failed:', ...failures.map((f) => `  ${f}`));
  if (skips.length > 0) lines.push('', 'Skipped:', ...skips.map((s) => `  ${s}`));
  lines.push('', 'The state records every change that completed. Fix the errors above and run apply again.');
  return lines;
}
