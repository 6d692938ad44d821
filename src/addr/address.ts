import { errorDiag, type Diagnostic, type SourceRange } from '../diag/index.js';

export type ResourceMode = 'managed' | 'data';

/** An instance key: a `count` index or a `for_each` key. Absent on single-instance resources. */
export type InstanceKey = number | string;

/**
 * The address of a resource (`iam_user.team`) or of one of its instances
 * (`iam_user.team["bob"]`, `iam_user.bot[0]`, `data.iam_policy.ro`).
 */
export interface ResourceAddress {
  readonly mode: ResourceMode;
  readonly type: string;
  readonly name: string;
  readonly key?: InstanceKey;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

export function isIdentifier(text: string): boolean {
  return IDENTIFIER.test(text);
}

export function formatKey(key: InstanceKey): string {
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

export function formatAddress(address: ResourceAddress): string {
  const base = `${address.mode === 'data' ? 'data.' : ''}${address.type}.${address.name}`;
  return address.key === undefined ? base : base + formatKey(address.key);
}

/** The resource an instance belongs to (the address without its key). */
export function resourceOf(address: ResourceAddress): ResourceAddress {
  return { mode: address.mode, type: address.type, name: address.name };
}

export function withKey(address: ResourceAddress, key: InstanceKey | undefined): ResourceAddress {
  const base = resourceOf(address);
  return key === undefined ? base : { ...base, key };
}

export function addressEquals(a: ResourceAddress, b: ResourceAddress): boolean {
  return a.mode === b.mode && a.type === b.type && a.name === b.name && a.key === b.key;
}

/**
 * True when `target` selects `candidate`: equal addresses, or a key-less resource address
 * that selects every instance of that resource.
 */
export function addressContains(target: ResourceAddress, candidate: ResourceAddress): boolean {
  if (target.mode !== candidate.mode || target.type !== candidate.type || target.name !== candidate.name) return false;
  return target.key === undefined || target.key === candidate.key;
}

/** The order of instance keys: no key first, then numbers numerically, then strings. */
export function compareInstanceKeys(a: InstanceKey | undefined, b: InstanceKey | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : 1;
}

/**
 * Total order used wherever addresses are listed: managed resources before data sources, then
 * by type, name, and key (no key first, numbers numerically before strings).
 */
export function compareAddresses(a: ResourceAddress, b: ResourceAddress): number {
  if (a.mode !== b.mode) return a.mode === 'managed' ? -1 : 1;
  if (a.type !== b.type) return a.type < b.type ? -1 : 1;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return compareInstanceKeys(a.key, b.key);
}

export interface ParseAddressResult {
  readonly address?: ResourceAddress;
  readonly diagnostics: Diagnostic[];
}

/**
 * Parses an address as a user types it on the command line or in `moved`/`import` blocks.
 * `range`, when given, locates the text in a file so that diagnostics point into it.
 */
export function parseAddress(text: string, range?: SourceRange): ParseAddressResult {
  const fail = (detail: string, column: number): ParseAddressResult => {
    const at: SourceRange | undefined = range
      ? {
          file: range.file,
          start: { line: range.start.line, column: range.start.column + column, offset: range.start.offset + column },
          end: range.end,
        }
      : undefined;
    const shown = column > 0 ? `${detail} (at character ${column + 1})` : detail;
    return {
      diagnostics: [
        errorDiag('addr.invalid', `Invalid resource address "${text}"`, {
          detail: `${range ? detail : shown}. An address looks like iam_user.alice, iam_user.team["bob"], iam_user.bot[0] or data.iam_policy.ro.`,
          range: at,
        }),
      ],
    };
  };

  let rest = text;
  let consumed = 0;
  let mode: ResourceMode = 'managed';
  if (rest.startsWith('data.')) {
    mode = 'data';
    rest = rest.slice(5);
    consumed = 5;
  }
  const bracket = rest.indexOf('[');
  const head = bracket === -1 ? rest : rest.slice(0, bracket);
  const parts = head.split('.');
  if (parts.length !== 2) {
    return fail(parts.length < 2 ? 'Expected TYPE.NAME' : 'Too many parts; expected TYPE.NAME', consumed);
  }
  const [type = '', name = ''] = parts;
  if (!isIdentifier(type)) return fail(`"${type}" is not a valid resource type name`, consumed);
  if (!isIdentifier(name)) return fail(`"${name}" is not a valid resource name`, consumed + type.length + 1);
  if (bracket === -1) return { address: { mode, type, name }, diagnostics: [] };

  const keyStart = consumed + bracket;
  const keyText = rest.slice(bracket);
  const key = parseKey(keyText);
  if (key === undefined) {
    return fail('Invalid instance key: use [N] for count or ["key"] for for_each', keyStart);
  }
  return { address: { mode, type, name, key }, diagnostics: [] };
}

/** Parses `[N]` or `["..."]` (JSON string escapes) covering the whole text. */
function parseKey(text: string): InstanceKey | undefined {
  if (!text.startsWith('[') || !text.endsWith(']')) return undefined;
  const inner = text.slice(1, -1);
  if (/^(0|[1-9][0-9]*)$/.test(inner)) {
    const n = Number(inner);
    return Number.isSafeInteger(n) ? n : undefined;
  }
  if (inner.length >= 2 && inner.startsWith('"') && inner.endsWith('"')) {
    try {
      const value: unknown = JSON.parse(inner);
      return typeof value === 'string' ? value : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
