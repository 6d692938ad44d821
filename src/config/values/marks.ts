import type { Mark, Marks, Value } from './value.js';
import { mappingEntries } from './value.js';

/**
 * Marks helpers. A value's own marks say "this whole value is sensitive"; values inside a
 * collection may carry their own. Operations combine the marks of their operands into the
 * result's own marks (`propagateMarks`); functions that look inside collections (e.g.
 * `jsonencode`) use `unmarkDeep` so that a sensitive element marks the whole result.
 */

const noMarks: Marks = Object.freeze(new Set<Mark>());
export const sensitiveMarks: Marks = Object.freeze(new Set<Mark>(['sensitive']));

export function marksOf(v: Value): Marks {
  return v.marks ?? noMarks;
}

export function isMarked(v: Value): boolean {
  return v.marks !== undefined;
}

export function isSensitive(v: Value): boolean {
  return v.marks?.has('sensitive') === true;
}

/** The union of mark sets; returns one of the inputs when possible (no allocation). */
export function unionMarks(...sets: (Marks | undefined)[]): Marks | undefined {
  let result: Marks | undefined;
  let owned = false;
  for (const s of sets) {
    if (s === undefined || s.size === 0) continue;
    if (result === undefined) {
      result = s;
      continue;
    }
    for (const m of s) {
      if (!result.has(m)) {
        if (!owned) {
          result = new Set(result);
          owned = true;
        }
        (result as Set<Mark>).add(m);
      }
    }
  }
  return result;
}

/** `v` with `marks` added to its own marks. */
export function withMarks<V extends Value>(v: V, marks: Marks | Iterable<Mark> | undefined): V {
  if (marks === undefined) return v;
  const set: Marks = marks instanceof Set ? (marks as Marks) : new Set(marks);
  if (set.size === 0) return v;
  const merged = unionMarks(v.marks, set);
  if (merged === v.marks) return v;
  return { ...v, marks: merged };
}

export function markSensitive<V extends Value>(v: V): V {
  return withMarks(v, sensitiveMarks);
}

/** `result` carrying the own marks of every `source`: the rule for every operation. */
export function propagateMarks<V extends Value>(result: V, ...sources: readonly Value[]): V {
  let marks: Marks | undefined;
  for (const s of sources) if (s.marks !== undefined) marks = unionMarks(marks, s.marks);
  return marks === undefined ? result : withMarks(result, marks);
}

/** The value without its own marks (inner values keep theirs), and those marks. */
export function unmark<V extends Value>(v: V): [V, Marks] {
  if (v.marks === undefined) return [v, noMarks];
  const { marks, ...rest } = v;
  return [rest as unknown as V, marks];
}

/** The value with every mark removed at every depth, and the union of all removed marks. */
export function unmarkDeep(v: Value): [Value, Marks] {
  const found = new Set<Mark>();
  const strip = (x: Value): Value => {
    let base = x;
    if (x.marks !== undefined) {
      for (const m of x.marks) found.add(m);
      base = unmark(x)[0];
    }
    switch (base.kind) {
      case 'list':
      case 'set':
      case 'tuple': {
        if (!base.elements.some(hasMarksDeep)) return base;
        return { ...base, elements: base.elements.map(strip) } as Value;
      }
      case 'map':
      case 'object': {
        const entries = mappingEntries(base);
        let any = false;
        for (const e of entries.values()) if (hasMarksDeep(e)) any = true;
        if (!any) return base;
        const out = new Map<string, Value>();
        for (const [k, e] of entries) out.set(k, strip(e));
        return base.kind === 'map' ? { ...base, entries: out } : { ...base, attributes: out };
      }
      default:
        return base;
    }
  };
  const value = strip(v);
  return [value, found.size === 0 ? noMarks : found];
}

/** True when the value or anything inside it carries a mark. */
export function hasMarksDeep(v: Value): boolean {
  if (v.marks !== undefined) return true;
  switch (v.kind) {
    case 'list':
    case 'set':
    case 'tuple':
      return v.elements.some(hasMarksDeep);
    case 'map':
    case 'object':
      for (const e of mappingEntries(v).values()) if (hasMarksDeep(e)) return true;
      return false;
    default:
      return false;
  }
}

/**
 * Paths (attribute names and indexes from the top) of every sensitive value inside `v`,
 * `[]` meaning the value itself. Planners use this to redact.
 */
export function sensitivePaths(v: Value): (string | number)[][] {
  const out: (string | number)[][] = [];
  const walk = (x: Value, path: (string | number)[]): void => {
    if (x.marks?.has('sensitive')) {
      out.push(path);
      return;
    }
    switch (x.kind) {
      case 'list':
      case 'set':
      case 'tuple':
        x.elements.forEach((e, i) => walk(e, [...path, i]));
        return;
      case 'map':
      case 'object':
        for (const [k, e] of mappingEntries(x)) walk(e, [...path, k]);
        return;
      default:
        return;
    }
  };
  walk(v, []);
  return out;
}
