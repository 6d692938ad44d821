import { isUnknown, type PlainObject, type PlainValue, type RuleIssue, type SchemaPath } from './types.js';

/**
 * Building blocks of cross-field rules. Every helper reads values three-valued: known set,
 * known unset (absent or null), or unknown — and a rule fires only when the known values
 * already break it, whatever the unknown ones turn out to be.
 */

export type Presence = 'set' | 'unset' | 'unknown';

/** Whether an attribute holds a value. `false` counts as unset for flags such as `global`. */
export function presence(value: PlainValue | undefined, flag = false): Presence {
  if (value === undefined || value === null) return 'unset';
  if (isUnknown(value)) return 'unknown';
  if (flag) return value === true ? 'set' : 'unset';
  if (Array.isArray(value) && value.length === 0) return 'unset';
  return 'set';
}

export function error(code: string, summary: string, detail: string, path: SchemaPath): RuleIssue {
  return { severity: 'error', code, summary, detail, path };
}

export function warning(code: string, summary: string, detail: string, path: SchemaPath): RuleIssue {
  return { severity: 'warning', code, summary, detail, path };
}

export interface ExactlyOneOptions {
  readonly code: string;
  readonly summary: string;
  /** The attributes of which exactly one must be set; `flags` are bools that count when true. */
  readonly names: readonly string[];
  readonly flags?: readonly string[];
  /** What to say when none is set. */
  readonly noneDetail: string;
}

/**
 * Exactly one of `names` set. Too many → an error at the second set attribute; none → an
 * error on the resource, unless an unknown value could still fill the gap.
 */
export function exactlyOne(values: PlainObject, options: ExactlyOneOptions): RuleIssue[] {
  const flags = new Set(options.flags ?? []);
  const set: string[] = [];
  let unknown = 0;
  for (const name of options.names) {
    const p = presence(values[name], flags.has(name));
    if (p === 'set') set.push(name);
    else if (p === 'unknown') unknown++;
  }
  if (set.length > 1) {
    const shown = set.map((n) => (flags.has(n) ? `${n} = true` : n)).join(' and ');
    return [error(options.code, options.summary, `Only one of ${options.names.join(', ')} may be set, but ${shown} are.`, [set[1] as string])];
  }
  if (set.length === 0 && unknown === 0) return [error(options.code, options.summary, options.noneDetail, [])];
  return [];
}

/** The string value when known, else undefined. */
export function knownString(value: PlainValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The first object of a nested block list (`phone[0]`), 'unknown', or undefined. */
export function firstBlock(value: PlainValue | undefined): PlainObject | 'unknown' | undefined {
  if (value === undefined || value === null) return undefined;
  if (isUnknown(value)) return 'unknown';
  if (!Array.isArray(value)) return undefined;
  const first = (value as readonly PlainValue[])[0];
  if (first === undefined || first === null) return undefined;
  if (isUnknown(first)) return 'unknown';
  return typeof first === 'object' && !Array.isArray(first) ? (first as PlainObject) : undefined;
}
