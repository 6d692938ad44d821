import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { corpusFiles, parse, parseOrFail } from '../format/helpers.js';
import { ExactNumber, toHcl2Json, type Json } from './to-hcl2json.js';

const require = createRequire(import.meta.url);
const hcl2 = require('hcl2-parser') as { parseToObject(input: string): [unknown, unknown] };

interface Difference {
  readonly path: string;
  readonly ours: Json | undefined;
  readonly theirs: unknown;
}

function differences(ours: Json | undefined, theirs: unknown, path: string, out: Difference[]): Difference[] {
  if (Array.isArray(ours) && Array.isArray(theirs) && ours.length === theirs.length) {
    ours.forEach((item, i) => differences(item, theirs[i], `${path}/${i}`, out));
  } else if (isPlainObject(ours) && isPlainObject(theirs)) {
    const keys = new Set([...Object.keys(ours), ...Object.keys(theirs)]);
    for (const key of [...keys].sort()) differences(ours[key], theirs[key], `${path}/${key}`, out);
  } else if (!sameLeaf(ours, theirs)) {
    out.push({ path: path === '' ? '/' : path, ours, theirs });
  }
  return out;
}

function isPlainObject(value: unknown): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof ExactNumber);
}

/** Strings compare modulo whitespace inside `${...}` and `%{...}` (expression text). */
function sameLeaf(ours: Json | undefined, theirs: unknown): boolean {
  if (typeof ours === 'string' && typeof theirs === 'string') return squeeze(ours) === squeeze(theirs);
  return ours === theirs;
}

function squeeze(text: string): string {
  return text.replace(/([$%]\{)([^]*?)\}/g, (_, open: string, inner: string) => open + inner.replace(/\s+/g, '') + '}');
}

/**
 * Known defects of hcl2-parser 1.0.3 (hcl2json 0.3.3 on HCL 2.10, built with GopherJS). Each
 * entry names the corpus file and the exact JSON path where the defect shows, and the test
 * checks that the difference there is exactly that defect — anything else still fails.
 */
type Defect =
  /**
   * A literal `${` or `%{` (written `$${` / `%%{` in HCL) comes out unescaped, so the JSON
   * reads as an interpolation or directive again: hcl2json never re-escapes literal parts.
   */
  | 'template-escape'
  /** Numbers go through a JavaScript double: integers past 2^53 lose their exact value. */
  | 'number-precision'
  /**
   * An interpolated conditional `${c ? a : b}` is written as the directive
   * `%{if c}a%{else}b%{endif}`: HCL 2.10 builds both as the same node and hcl2json cannot tell
   * them apart. Same meaning, different text; the expected hcl2-parser text is recorded.
   */
  | 'conditional-interpolation';

interface DefectException {
  readonly file: string;
  readonly path: string;
  readonly defect: Defect;
  /** For defects with no mechanical relation: exactly what hcl2-parser returns there. */
  readonly hcl2parser?: string;
}

const DEFECTS: readonly DefectException[] = [
  { file: 'strings-escapes.hcl', path: '/dollar_escape', defect: 'template-escape' },
  { file: 'strings-escapes.hcl', path: '/percent_esc', defect: 'template-escape' },
  { file: 'strings-escapes.hcl', path: '/mixed', defect: 'template-escape' },
  { file: 'heredoc-templates.hcl', path: '/script', defect: 'template-escape' },
  { file: 'numbers.hcl', path: '/past_safe', defect: 'number-precision' },
  { file: 'numbers.hcl', path: '/huge', defect: 'number-precision' },
  { file: 'numbers.hcl', path: '/big_exp', defect: 'number-precision' },
  {
    file: 'templates-interp.hcl',
    path: '/cond',
    defect: 'conditional-interpolation',
    hcl2parser: 'mode %{if var.on}on%{else}off%{endif}',
  },
];

/** True when `difference` is exactly what `exception` describes. */
function explains(exception: DefectException, difference: Difference): boolean {
  const { ours, theirs } = difference;
  switch (exception.defect) {
    case 'template-escape':
      return typeof ours === 'string' && ours !== theirs && theirs === ours.replace(/([$%])\1\{/g, '$1{');
    case 'number-precision':
      return ours instanceof ExactNumber && typeof theirs === 'number' && theirs === Number(ours.text) && exactDelta(ours.text, theirs) !== 0n;
    case 'conditional-interpolation':
      return typeof ours === 'string' && ours.includes('?') && theirs === exception.hcl2parser;
    default: {
      const unreachable: never = exception.defect;
      return unreachable;
    }
  }
}

/** The exact integer of `text` minus the double `rounded`: non-zero when precision was lost. */
function exactDelta(text: string, rounded: number): bigint {
  const [mantissa = '', exponent = '0'] = text.toLowerCase().split('e');
  const [whole = '', fraction = ''] = mantissa.split('.');
  const exact = BigInt(whole + fraction) * 10n ** BigInt(Number(exponent) - fraction.length);
  return exact - BigInt(rounded);
}

const used = new Set<DefectException>();

describe('differential: our parser against hcl2-parser over the corpus', () => {
  it.each(corpusFiles())('$name', ({ name, source }) => {
    const [theirs, error] = hcl2.parseToObject(source);
    expect(error, 'hcl2-parser rejects a corpus file').toBeNull();
    const ours = toHcl2Json(parseOrFail(source, name));
    const unexplained = differences(ours, theirs, '', []).filter((difference) => {
      const exception = DEFECTS.find((d) => d.file === name && d.path === difference.path);
      if (exception === undefined || !explains(exception, difference)) return true;
      used.add(exception);
      return false;
    });
    expect(unexplained).toEqual([]);
  });

  it('lists no defect exception that no longer applies', () => {
    expect(DEFECTS.filter((d) => !used.has(d))).toEqual([]);
  });
});

describe('hcl2-parser defects outside the corpus comparison', () => {
  it('throws on a null interpolated into a template, where our parser returns a tree', () => {
    const source = 'x = "a${null}b"\n';
    expect(() => hcl2.parseToObject(source)).toThrow();
    expect(toHcl2Json(parseOrFail(source))).toEqual({ x: 'a${null}b' });
  });

  it('returns an empty object and no message for a syntax error, where we report the place', () => {
    const [theirs, error] = hcl2.parseToObject('a = = 1\n');
    expect(theirs).toBeNull();
    expect(Object.keys(error as object)).toEqual([]);
    const ours = parse('a = = 1\n', 'broken.hcl');
    expect(ours.ok).toBe(false);
    if (!ours.ok) expect(ours.errors[0]?.range?.start).toMatchObject({ line: 1, column: 5 });
  });
});
