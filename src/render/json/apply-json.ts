import { formatAddress } from '../../addr/index.js';
import type { JsonObject } from '../../state/index.js';
import type { ApplyEvent } from '../../plan/apply-events.js';
import { applyEventMessage } from '../text/apply-log.js';

/**
 * One apply event as one line of JSON (no newline): `@level`, `@message` (what the text log
 * would say), `@timestamp` (ISO 8601 from the event's own time), then the event's fields
 * with addresses as strings. Key order is fixed.
 */
export function renderApplyEventJson(event: ApplyEvent): string {
  const level = event.kind === 'change_failed' || (event.kind === 'apply_done' && event.failed > 0) ? 'error' : 'info';
  const head: JsonObject = {
    '@level': level,
    '@message': applyEventMessage(event) ?? '',
    '@timestamp': new Date(event.at).toISOString(),
    kind: event.kind,
  };
  return JSON.stringify({ ...head, ...fields(event) });
}

/** The fields that name a change: `deposed` only on the deletion of a deposed object. */
function subject(event: Extract<ApplyEvent, { address: unknown }>): JsonObject {
  return { address: formatAddress(event.address), ...(event.deposed === undefined ? {} : { deposed: event.deposed }), action: event.action };
}

function fields(event: ApplyEvent): JsonObject {
  switch (event.kind) {
    case 'apply_start':
      return { total: event.total };
    case 'change_start':
      return { ...subject(event) };
    case 'change_done':
      return { ...subject(event), ...(event.id === undefined ? {} : { id: event.id }), elapsed_ms: event.elapsedMs };
    case 'change_failed': {
      const { status, code, message, field } = event.error;
      return { ...subject(event), error: { status, code, message, ...(field === undefined ? {} : { field }) } };
    }
    case 'change_skipped':
      return { ...subject(event), cause: formatAddress(event.cause) };
    case 'apply_done':
      return { added: event.added, changed: event.changed, destroyed: event.destroyed, failed: event.failed, skipped: event.skipped };
    default: {
      const never: never = event;
      return never;
    }
  }
}
