/**
 * Action names and patterns. Matching works on a canonical key `service:resourcetype:operation`
 * whose resource type and operation are lowercased and whose service is kept as written: the
 * service segment matches exactly (it must be lowercase in a 1.1 pattern), the other two
 * segments case-insensitively, and `*` matches any run of characters inside one segment.
 *
 * Version 1.0 roles use free-form actions; they are normalized to 1.1 patterns:
 *   `*` → `*:*:*`;  `svc:x` → `svc:*:x`;  `::Get` → `*:*:get*` (an empty service and resource
 *   type make the operation a class: every operation starting with it);  service `identity` → `iam`;
 *   names listed in the catalog's `legacyRoleActions` stand for exactly those actions.
 */
import type { PolicyVersion } from './types.js';

/** A pattern as one anchored expression over canonical keys, or the exact keys it stands for. */
export interface NormalizedPattern {
  readonly source: string;
  readonly regex: RegExp | undefined;
  /** Canonical keys, for legacy role names. */
  readonly exact: readonly string[] | undefined;
}

export type PatternParse = { readonly ok: true; readonly patterns: readonly NormalizedPattern[] } | { readonly ok: false; readonly message: string };

const serviceSegment11 = /^[a-z0-9*]+$/;
const nameSegment = /^[A-Za-z0-9_*]+$/;
const legacySegment = /^[A-Za-z0-9_* ]*$/;

/** `ecs:cloudServers:showServer` → `ecs:cloudservers:showserver`; undefined unless three non-empty segments. */
export function canonicalAction(name: string): string | undefined {
  const first = name.indexOf(':');
  const second = first < 0 ? -1 : name.indexOf(':', first + 1);
  if (first <= 0 || second < 0 || second === first + 1 || second === name.length - 1 || name.indexOf(':', second + 1) >= 0) return undefined;
  return `${name.slice(0, first)}:${name.slice(first + 1).toLowerCase()}`;
}

/** The service segment of a canonical key or action name. */
export function serviceOf(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(0, colon);
}

/** Parses one action pattern of a document of `version`; `legacy` is the catalog's legacy role-action table. */
export function parsePattern(source: string, version: PolicyVersion, legacy: Readonly<Record<string, readonly string[]>>): PatternParse {
  if (version === '1.1') {
    const parts = source.split(':');
    if (parts.length !== 3 || parts.some((p) => p.length === 0)) {
      return { ok: false, message: `"${source}" is not of the form service:resourceType:operation` };
    }
    const [service, resourceType, operation] = parts as [string, string, string];
    if (!serviceSegment11.test(service)) {
      return { ok: false, message: `the service segment of "${source}" must be lowercase letters and digits (or *)` };
    }
    if (!nameSegment.test(resourceType) || !nameSegment.test(operation)) {
      return { ok: false, message: `"${source}" may contain only letters, digits, _ and * in its resource type and operation` };
    }
    return { ok: true, patterns: [globPattern(source, service, resourceType, operation)] };
  }
  const legacyNames = legacy[source];
  if (legacyNames) {
    const exact = legacyNames.map((n) => canonicalAction(n)).filter((k): k is string => k !== undefined);
    return { ok: true, patterns: [{ source, regex: undefined, exact }] };
  }
  if (source === '*') return { ok: true, patterns: [globPattern(source, '*', '*', '*')] };
  const parts = source.split(':');
  if (parts.length < 2 || parts.length > 3 || !parts.every((p) => legacySegment.test(p)) || parts.every((p) => p === '')) {
    return { ok: false, message: `"${source}" is not a Version 1.0 action (service:resourceType:operation, service:operation, ::operation or *)` };
  }
  let service = (parts[0] ?? '').toLowerCase();
  if (service === 'identity') service = 'iam';
  if (parts.length === 2) return { ok: true, patterns: [globPattern(source, service || '*', '*', parts[1] || '*')] };
  const resourceType = parts[1] ?? '';
  let operation = parts[2] ?? '';
  if (service === '' && resourceType === '' && operation !== '' && !operation.includes('*')) operation = `${operation}*`;
  return { ok: true, patterns: [globPattern(source, service || '*', resourceType || '*', operation || '*')] };
}

function globPattern(source: string, service: string, resourceType: string, operation: string): NormalizedPattern {
  const segment = (s: string) => (s === '*' ? '[^:]*' : s.split('*').map(escapeRegex).join('[^:]*'));
  const body = `^${segment(service)}:${segment(resourceType.toLowerCase())}:${segment(operation.toLowerCase())}$`;
  return { source, regex: new RegExp(body), exact: undefined };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether a normalized pattern matches a canonical key. */
export function patternMatchesKey(pattern: NormalizedPattern, key: string): boolean {
  if (pattern.regex) return pattern.regex.test(key);
  return pattern.exact?.includes(key) ?? false;
}
