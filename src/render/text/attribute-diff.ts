import { diffArrays } from 'diff';
import type { AttributePath, JsonValue } from '../../state/index.js';
import { pathCovers } from '../../state/index.js';
import { documentsEqual, matchStatements, normalizeDocument, normalizeStatement, normalizeStatements, policyDocument, SET_MEMBERS, sortedUnique } from './policy-doc.js';
import { paintMarker, type Marker, type Style } from './style.js';
import { coveredBy, formatInline, formatKey, hasBelow, isList, isMap, samePath, valuesEqual, type JsonMap } from './values.js';

/** Paths that change how a value is shown; all are relative to the resource's attributes. */
export interface DiffMarks {
  /** Paths whose planned value is unknown until apply (after side). */
  readonly unknown: readonly AttributePath[];
  readonly beforeSensitive: readonly AttributePath[];
  readonly afterSensitive: readonly AttributePath[];
  /** Paths marked `# forces replacement`. */
  readonly replace: readonly AttributePath[];
}

export interface DiffContext {
  readonly style: Style;
  readonly marks: DiffMarks;
  /** A policy document whose statements are diffed by content rather than by position. */
  readonly policyPath?: AttributePath;
  /** Top-level attributes shown even when unchanged, to identify the object. */
  readonly identifying: ReadonlySet<string>;
}

interface Slot {
  readonly before: JsonValue | undefined;
  readonly after: JsonValue | undefined;
  readonly bpath: AttributePath;
  readonly apath: AttributePath;
}

type Kind = 'document' | 'statements' | 'statement' | 'set' | 'plain';

const KNOWN_AFTER_APPLY = '(known after apply)';
const SENSITIVE = '(sensitive value)';

/**
 * The lines of a resource body (entries at `level`, 1 inside a resource block, and fold notes) for the diff `before → after`.
 * Every value at or under a sensitive path is `(sensitive value)`; it never reaches the output.
 */
export function renderBody(ctx: DiffContext, before: JsonMap | null, after: JsonMap | null, level = 1): string[] {
  // Marks of a side that does not exist (before a create, after a destroy) mean nothing.
  const marks: DiffMarks = {
    ...ctx.marks,
    beforeSensitive: before === null ? [] : ctx.marks.beforeSensitive,
    afterSensitive: after === null ? [] : ctx.marks.afterSensitive,
  };
  return objectChildren({ ...ctx, marks }, level, { before: before ?? {}, after: after ?? {}, bpath: [], apath: [] }, false);
}

function kindOf(ctx: DiffContext, path: AttributePath): Kind {
  const root = ctx.policyPath;
  if (!root || !pathCovers(root, path)) return 'plain';
  const rest = path.slice(root.length);
  if (rest.length === 0) return 'document';
  if (rest[0] !== 'Statement') return 'plain';
  if (rest.length === 1) return 'statements';
  if (typeof rest[1] !== 'number') return 'plain';
  if (rest.length === 2) return 'statement';
  const member = rest[2];
  return rest.length === 3 && typeof member === 'string' && SET_MEMBERS.has(member) ? 'set' : 'plain';
}

function normalized(kind: Kind, value: JsonValue | undefined): JsonValue | undefined {
  switch (kind) {
    case 'document': {
      const doc = policyDocument(value);
      return doc ? normalizeDocument(doc) : value;
    }
    case 'statements':
      return isList(value) ? normalizeStatements(value) : value;
    case 'statement':
      return value === undefined ? value : normalizeStatement(value);
    case 'set':
      return isList(value) ? sortedUnique(value) : value;
    case 'plain':
      return value;
    default: {
      const never: never = kind;
      return never;
    }
  }
}

function changed(ctx: DiffContext, slot: Slot): boolean {
  if (coveredBy(ctx.marks.unknown, slot.apath) || hasBelow(ctx.marks.unknown, slot.apath)) return true;
  if (marked(ctx.marks.beforeSensitive, slot.bpath) !== marked(ctx.marks.afterSensitive, slot.apath)) return true;
  const kind = kindOf(ctx, slot.apath);
  if (kind === 'document') {
    const b = policyDocument(slot.before);
    const a = policyDocument(slot.after);
    if (b && a) return !documentsEqual(b, a);
  }
  return !valuesEqual(normalized(kind, slot.before), normalized(kind, slot.after));
}

function marked(paths: readonly AttributePath[], path: AttributePath): boolean {
  return paths.some((p) => samePath(p, path));
}

function line(ctx: DiffContext, level: number, marker: Marker, text: string): string {
  return `${' '.repeat(4 * level + 2)}${paintMarker(ctx.style, marker)} ${text}`;
}

function closing(level: number, text: string): string {
  return `${' '.repeat(4 * level + 4)}${text}`;
}

function note(ctx: DiffContext, level: number, count: number, noun: string): string {
  return closing(level, ctx.style.dim(`# (${count} unchanged ${noun}${count === 1 ? '' : 's'} hidden)`));
}

/** Renders one entry (an attribute or a list element) at `level`; `head` is `name = ` or empty. */
function renderEntry(ctx: DiffContext, level: number, head: string, slot: Slot, tail: string, nested: boolean): string[] {
  const lines = entryLines(ctx, level, head, slot, tail, nested);
  const forces = ctx.marks.replace.some((p) => samePath(p, slot.apath) || samePath(p, slot.bpath));
  if (forces && lines.length > 0) lines[0] = `${lines[0] as string} ${ctx.style.remove('# forces replacement')}`;
  return lines;
}

function entryLines(ctx: DiffContext, level: number, head: string, slot: Slot, tail: string, nested: boolean): string[] {
  const { marks } = ctx;
  const b = slot.before ?? null;
  let a = slot.after ?? null;
  const toNull = nested ? '' : ' -> null';
  if (coveredBy(marks.unknown, slot.apath)) {
    if (b === null) return [line(ctx, level, '+', `${head}${KNOWN_AFTER_APPLY}${tail}`)];
    if (coveredBy(marks.beforeSensitive, slot.bpath) || typeof b !== 'object') {
      const shown = coveredBy(marks.beforeSensitive, slot.bpath) ? SENSITIVE : formatInline(b);
      return [line(ctx, level, '~', `${head}${shown} -> ${KNOWN_AFTER_APPLY}${tail}`)];
    }
    // The old value's members are all going away; none of them is unknown in itself.
    const known: DiffContext = { ...ctx, marks: { ...marks, unknown: [] } };
    return composite(known, level, '~', head, { ...slot, after: null }, `-> ${KNOWN_AFTER_APPLY}${tail}`, true);
  }
  // A value marked sensitive at exactly its path counts as set even when null: a plan read
  // back from JSON holds null where the value was withheld. An absent side (undefined: a list
  // element or statement that only exists on the other side) never does.
  const bSensitive = slot.before !== undefined && coveredBy(marks.beforeSensitive, slot.bpath) && (b !== null || marked(marks.beforeSensitive, slot.bpath));
  const aSensitive = slot.after !== undefined && coveredBy(marks.afterSensitive, slot.apath) && (a !== null || marked(marks.afterSensitive, slot.apath));
  if (bSensitive || aSensitive) {
    if (bSensitive === aSensitive && valuesEqual(b, a)) return [line(ctx, level, ' ', `${head}${SENSITIVE}${tail}`)];
    if (!bSensitive && b === null) return [line(ctx, level, '+', `${head}${SENSITIVE}${tail}`)];
    if (!aSensitive && a === null) return [line(ctx, level, '-', `${head}${SENSITIVE}${toNull}${tail}`)];
    if (bSensitive && aSensitive) return [line(ctx, level, '~', `${head}${SENSITIVE}${tail}`)];
    const shownBefore = bSensitive ? SENSITIVE : formatInline(b);
    const shownAfter = aSensitive ? SENSITIVE : formatInline(a);
    return [line(ctx, level, '~', `${head}${shownBefore} -> ${shownAfter}${tail}`)];
  }
  if (kindOf(ctx, slot.apath) === 'document') {
    const wrapped = documentEntry(ctx, level, head, slot, tail, nested);
    if (wrapped) return wrapped;
  }
  if (b === null && a === null) {
    const below = ctx.marks.unknown.find((p) => p.length > slot.apath.length && pathCovers(slot.apath, p));
    if (!below) return [];
    a = typeof below[slot.apath.length] === 'number' ? [] : {};
  }
  if (b === null) {
    const created = { ...slot, before: null, after: a };
    return typeof a === 'object' ? composite(ctx, level, '+', head, created, tail, nested) : [line(ctx, level, '+', `${head}${formatInline(a)}${tail}`)];
  }
  if (a === null) {
    if (typeof b !== 'object') return [line(ctx, level, '-', `${head}${formatInline(b)}${toNull}${tail}`)];
    return composite(ctx, level, '-', head, { ...slot, after: null }, `${toNull.trimStart()}${tail}`, true);
  }
  if (!changed(ctx, slot)) {
    return [line(ctx, level, ' ', `${head}${formatInline(a)}${tail}`)];
  }
  if ((isMap(b) && isMap(a)) || (isList(b) && isList(a))) return composite(ctx, level, '~', head, slot, tail, nested);
  if (typeof b !== 'object' && typeof a !== 'object') {
    return [line(ctx, level, '~', `${head}${formatInline(b)} -> ${formatInline(a)}${tail}`)];
  }
  // The value changed kind (e.g. a string became a list): show the old one removed and the new one added.
  return [
    ...entryLines(ctx, level, head, { ...slot, after: undefined }, tail, nested),
    ...entryLines(ctx, level, head, { ...slot, before: undefined }, tail, nested),
  ];
}

/** An object or list entry: opening line, children one level deeper, closing line with `after`. */
function composite(ctx: DiffContext, level: number, marker: Marker, head: string, slot: Slot, after: string, nested: boolean): string[] {
  const value = slot.after ?? slot.before;
  const list = isList(value);
  const children = list ? listChildren(ctx, level + 1, slot) : objectChildren(ctx, level + 1, slot, nested);
  const [open, close] = list ? ['[', ']'] : ['{', '}'];
  const sep = after === '' || after.startsWith(',') ? '' : ' ';
  if (children.length === 0) return [line(ctx, level, marker, `${head}${open}${close}${sep}${after}`)];
  return [line(ctx, level, marker, `${head}${open}`), ...children, closing(level, `${close}${sep}${after}`)];
}

/** A policy document held as a JSON string is shown parsed, inside `jsonencode(...)`. */
function documentEntry(ctx: DiffContext, level: number, head: string, slot: Slot, tail: string, nested: boolean): string[] | undefined {
  const b = slot.before ?? null;
  const a = slot.after ?? null;
  if (typeof b !== 'string' && typeof a !== 'string') return undefined;
  const bd = b === null ? null : policyDocument(b);
  const ad = a === null ? null : policyDocument(a);
  if (bd === undefined || ad === undefined) return undefined;
  const inner = renderEntry(ctx, level + 1, '', { ...slot, before: bd, after: ad }, '', nested);
  const marker: Marker = bd === null ? '+' : ad === null ? '-' : changed(ctx, slot) ? '~' : ' ';
  const end = marker === '-' && !nested ? ' -> null' : '';
  return [line(ctx, level, marker, `${head}jsonencode(`), ...inner, closing(level, `)${end}${tail}`)];
}

function objectChildren(ctx: DiffContext, level: number, slot: Slot, nested: boolean): string[] {
  const b = isMap(slot.before) ? slot.before : {};
  const a = isMap(slot.after) ? slot.after : {};
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  const childKey = (p: AttributePath, at: AttributePath): void => {
    const step = p[at.length];
    if (p.length === at.length + 1 && typeof step === 'string' && pathCovers(at, p)) keys.add(step);
  };
  for (const p of ctx.marks.unknown) childKey(p, slot.apath);
  for (const p of ctx.marks.afterSensitive) childKey(p, slot.apath);
  for (const p of ctx.marks.beforeSensitive) childKey(p, slot.bpath);
  const kind = kindOf(ctx, slot.apath);
  const always = slot.apath.length === 0 ? ctx.identifying : kind === 'statement' ? EFFECT : NONE;
  const top = slot.apath.length === 0;
  const shown: { key: string; child: Slot }[] = [];
  let hidden = 0;
  for (const key of [...keys].sort()) {
    const child: Slot = { before: b[key], after: a[key], bpath: [...slot.bpath, key], apath: [...slot.apath, key] };
    const isSet =
      (child.before ?? null) !== null ||
      (child.after ?? null) !== null ||
      marked(ctx.marks.beforeSensitive, child.bpath) ||
      marked(ctx.marks.afterSensitive, child.apath);
    if (changed(ctx, child) || (always.has(key) && isSet)) shown.push({ key, child });
    else if (isSet) hidden++;
  }
  const names = shown.map(({ key }) => formatKey(key, !top && kind === 'plain'));
  const width = Math.max(0, ...names.map((n) => n.length));
  const lines: string[] = [];
  shown.forEach(({ child }, i) => lines.push(...renderEntry(ctx, level, `${(names[i] as string).padEnd(width)} = `, child, '', nested)));
  if (hidden > 0) lines.push(note(ctx, level, hidden, top || kind === 'document' || kind === 'statement' ? 'attribute' : 'element'));
  return lines;
}

const EFFECT: ReadonlySet<string> = new Set(['Effect']);
const NONE: ReadonlySet<string> = new Set();

function listChildren(ctx: DiffContext, level: number, slot: Slot): string[] {
  const b = isList(slot.before) ? slot.before : [];
  const a = isList(slot.after) ? [...slot.after] : [];
  for (const p of ctx.marks.unknown) {
    const step = p[slot.apath.length];
    if (typeof step === 'number' && pathCovers(slot.apath, p)) while (a.length <= step) a.push(null);
  }
  const kind = kindOf(ctx, slot.apath);
  if (kind === 'statements') return statementChildren(ctx, level, slot, b, a);
  if (kind === 'set') return setChildren(ctx, level, b, a);
  const elem = (list: readonly JsonValue[], path: AttributePath, i: number): string => {
    const at = [...path, i];
    if (path === slot.apath && (coveredBy(ctx.marks.unknown, at) || hasBelow(ctx.marks.unknown, at))) return `\u0000unknown ${i}`;
    return JSON.stringify(list[i] ?? null);
  };
  const bKeys = b.map((_, i) => elem(b, slot.bpath, i));
  const aKeys = a.map((_, i) => elem(a, slot.apath, i));
  const lines: string[] = [];
  let bi = 0;
  let ai = 0;
  let hidden = 0;
  const flush = (): void => {
    if (hidden > 0) lines.push(note(ctx, level, hidden, 'element'));
    hidden = 0;
  };
  const at = (i: number, j: number, before: JsonValue | undefined, after: JsonValue | undefined): Slot => ({
    before,
    after,
    bpath: [...slot.bpath, i],
    apath: [...slot.apath, j],
  });
  const parts = diffArrays(bKeys, aKeys);
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k];
    if (!part) continue;
    if (!part.added && !part.removed) {
      hidden += part.count;
      bi += part.count;
      ai += part.count;
      continue;
    }
    flush();
    const next = parts[k + 1];
    const removed = part.removed ? part.count : 0;
    const added = part.removed && next?.added ? next.count : part.added ? part.count : 0;
    if (part.removed && next?.added) k++;
    let paired = 0;
    while (paired < removed && paired < added && isMap(b[bi + paired]) && isMap(a[ai + paired])) {
      lines.push(...renderEntry(ctx, level, '', at(bi + paired, ai + paired, b[bi + paired], a[ai + paired]), ',', true));
      paired++;
    }
    for (let r = paired; r < removed; r++) lines.push(...renderEntry(ctx, level, '', at(bi + r, ai, b[bi + r], undefined), ',', true));
    for (let n = paired; n < added; n++) lines.push(...renderEntry(ctx, level, '', at(bi, ai + n, undefined, a[ai + n]), ',', true));
    bi += removed;
    ai += added;
  }
  flush();
  return lines;
}

function statementChildren(ctx: DiffContext, level: number, slot: Slot, b: readonly JsonValue[], a: readonly JsonValue[]): string[] {
  const lines: string[] = [];
  let hidden = 0;
  const flush = (): void => {
    if (hidden > 0) lines.push(note(ctx, level, hidden, 'statement'));
    hidden = 0;
  };
  for (const step of matchStatements(b, a)) {
    if (step.kind === 'same') {
      hidden++;
      continue;
    }
    flush();
    const bi = step.kind === 'added' ? b.length : step.before;
    const ai = step.kind === 'removed' ? a.length : step.after;
    const child: Slot = {
      before: step.kind === 'added' ? undefined : b[bi],
      after: step.kind === 'removed' ? undefined : a[ai],
      bpath: [...slot.bpath, bi],
      apath: [...slot.apath, step.kind === 'removed' ? bi : ai],
    };
    lines.push(...renderEntry(ctx, level, '', child, ',', true));
  }
  flush();
  return lines;
}

/** Action-like lists are sets: additions and removals only; order never makes a difference. */
function setChildren(ctx: DiffContext, level: number, b: readonly JsonValue[], a: readonly JsonValue[]): string[] {
  const key = (v: JsonValue): string => JSON.stringify(v);
  const bKeys = new Set(b.map(key));
  const aKeys = new Set(a.map(key));
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const v of a) {
    const k = key(v);
    if (!bKeys.has(k) && !seen.has(k)) lines.push(line(ctx, level, '+', `${formatInline(v)},`));
    seen.add(k);
  }
  for (const v of b) {
    const k = key(v);
    if (!aKeys.has(k) && !seen.has(k)) lines.push(line(ctx, level, '-', `${formatInline(v)},`));
    seen.add(k);
  }
  const same = [...aKeys].filter((k) => bKeys.has(k)).length;
  if (same > 0) lines.push(note(ctx, level, same, 'element'));
  return lines;
}
