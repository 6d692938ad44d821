import { boolVal, listVal, objectType, objectVal, stringVal, type Type, type Value } from '../value.js';
import { compileRe2, findAll, type CompiledPattern, type Match } from './regex.js';
import type { FunctionDef, FunctionResult } from './types.js';
import { any, bool, elementsOf, fail, fixed, graphemes, listOf, num, param, RESULT_LIMIT, s, n, str } from './util.js';

/** String functions: Terraform's semantics, characters counted as grapheme clusters. */

/** Go's unicode.IsSpace, which `trimspace` uses (not JavaScript's `\s`). */
const SPACE = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const LEADING_SPACE = new RegExp(`^${SPACE}+`, 'u');
const TRAILING_SPACE = new RegExp(`${SPACE}+$`, 'u');

function strFn(description: string, f: (x: string) => string): FunctionDef {
  return fixed(description, [param('str', str)], str, (a) => stringVal(f(s(a[0]))));
}

/**
 * Case mapping one code point at a time, as Go's strings.ToUpper/ToLower do: a character
 * whose full mapping is several characters (`ß` → `SS`) keeps its simple mapping (itself).
 */
function mapCase(text: string, f: (c: string) => string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\u0000-\u007f]*$/.test(text)) return f(text);
  let out = '';
  for (const c of text) {
    const m = f(c);
    out += m.length === c.length || [...m].length === 1 ? m : c;
  }
  return out;
}

/** Go's strings.Title: upper-cases the first letter after any separator. */
function title(text: string): string {
  let out = '';
  let prevSeparator = true;
  for (const ch of text) {
    out += prevSeparator ? mapCase(ch, (c) => c.toUpperCase()) : ch;
    prevSeparator = isSeparator(ch);
  }
  return out;
}

function isSeparator(ch: string): boolean {
  if (ch.length === 1 && ch.charCodeAt(0) < 0x80) return !/[0-9A-Za-z_]/.test(ch);
  if (/[\p{L}\p{Nd}]/u.test(ch)) return false;
  return /\s/u.test(ch);
}

function trimSet(text: string, cutset: string, start: boolean, end: boolean): string {
  const cut = new Set(cutset);
  const chars = [...text];
  let i = 0;
  let j = chars.length;
  if (start) while (i < j && cut.has(chars[i] as string)) i++;
  if (end) while (j > i && cut.has(chars[j - 1] as string)) j--;
  return chars.slice(i, j).join('');
}

function pad(count: number): string | undefined {
  return count <= RESULT_LIMIT ? ' '.repeat(count) : undefined;
}

function regexResult(m: Match, compiled: CompiledPattern): Value {
  if (compiled.groups.length === 0) return stringVal(m.text);
  if (compiled.groups[0] === undefined) return listVal(m.captures.map((c) => stringVal(c ?? '')));
  return objectVal(compiled.groups.map((name, i) => [name as string, stringVal(m.captures[i] ?? '')] as const));
}

/** The type `regex` returns for a pattern: string, list of string, or object of named captures. */
function matchType(compiled: CompiledPattern): Type {
  if (compiled.groups.length === 0) return str;
  if (compiled.groups[0] === undefined) return listOf(str);
  return objectType(new Map(compiled.groups.map((g) => [g as string, str])));
}

function patternType(args: readonly Value[]): Type {
  const pattern = args[0];
  if (pattern?.kind !== 'string') return any;
  const compiled = compileForMatch(pattern.value);
  return 'error' in compiled ? any : matchType(compiled);
}

function compileForMatch(pattern: string): CompiledPattern | { error: string; argIndex: number } {
  const compiled = compileRe2(pattern, true);
  if ('error' in compiled) return { error: compiled.error, argIndex: 0 };
  const named = compiled.groups.filter((g) => g !== undefined).length;
  if (named > 0 && named < compiled.groups.length) return { error: 'invalid regexp pattern: cannot mix both named and unnamed capture groups', argIndex: 0 };
  return compiled;
}

/** Go's Regexp.Expand template syntax: `$1`, `${1}`, `$name`, `${name}`, `$$`. */
function expand(template: string, m: Match, compiled: CompiledPattern): string {
  return template.replace(/\$(?:\$|\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))/g, (whole, braced?: string, bare?: string) => {
    if (whole === '$$') return '$';
    const name = (braced ?? bare) as string;
    if (/^\d+$/.test(name)) {
      const i = Number(name);
      return i === 0 ? m.text : (m.captures[i - 1] ?? '');
    }
    const i = compiled.groups.indexOf(name);
    return i < 0 ? '' : (m.captures[i] ?? '');
  });
}

function replace(text: string, substr: string, replacement: string): FunctionResult {
  if (substr.length >= 2 && substr.startsWith('/') && substr.endsWith('/')) {
    const compiled = compileRe2(substr.slice(1, -1), true);
    if ('error' in compiled) return fail(compiled.error, 1);
    let out = '';
    let last = 0;
    for (const m of findAll(compiled, text)) {
      out += text.slice(last, m.index) + expand(replacement, m, compiled);
      last = m.index + m.text.length;
      if (out.length > RESULT_LIMIT) return fail('the result is too large');
    }
    return stringVal(out + text.slice(last));
  }
  if (substr === '') {
    const chars = [...text];
    if ((chars.length + 1) * replacement.length > RESULT_LIMIT) return fail('the result is too large');
    return stringVal(replacement + chars.map((c) => c + replacement).join(''));
  }
  const parts = text.split(substr);
  if (parts.length * replacement.length > RESULT_LIMIT) return fail('the result is too large');
  return stringVal(parts.join(replacement));
}

export const stringFunctions: Record<string, FunctionDef> = {
  lower: strFn('Converts all cased letters to lowercase.', (x) => mapCase(x, (c) => c.toLowerCase())),
  upper: strFn('Converts all cased letters to uppercase.', (x) => mapCase(x, (c) => c.toUpperCase())),
  title: strFn('Converts the first letter of each word to uppercase.', title),
  trimspace: strFn('Removes whitespace at the start and end of a string.', (x) => x.replace(LEADING_SPACE, '').replace(TRAILING_SPACE, '')),
  chomp: strFn('Removes newline characters at the end of a string.', (x) => x.replace(/[\r\n]+$/, '')),
  strrev: strFn('Reverses the characters of a string.', (x) => graphemes(x).reverse().join('')),
  trim: fixed('Removes the given characters from the start and end of a string.', [param('str', str), param('cutset', str)], str, (a) =>
    stringVal(trimSet(s(a[0]), s(a[1]), true, true)),
  ),
  trimprefix: fixed('Removes a prefix from a string, if present.', [param('str', str), param('prefix', str)], str, (a) => {
    const [x, p] = [s(a[0]), s(a[1])];
    return stringVal(x.startsWith(p) ? x.slice(p.length) : x);
  }),
  trimsuffix: fixed('Removes a suffix from a string, if present.', [param('str', str), param('suffix', str)], str, (a) => {
    const [x, p] = [s(a[0]), s(a[1])];
    return stringVal(p !== '' && x.endsWith(p) ? x.slice(0, -p.length) : x);
  }),
  startswith: fixed('Whether a string starts with a prefix.', [param('str', str), param('prefix', str)], bool, (a) => boolVal(s(a[0]).startsWith(s(a[1])))),
  endswith: fixed('Whether a string ends with a suffix.', [param('str', str), param('suffix', str)], bool, (a) => boolVal(s(a[0]).endsWith(s(a[1])))),
  strcontains: fixed('Whether a string contains a substring.', [param('str', str), param('substr', str)], bool, (a) => boolVal(s(a[0]).includes(s(a[1])))),
  split: fixed('Splits a string at every occurrence of a separator.', [param('separator', str), param('str', str)], listOf(str), (a) => {
    const [sep, x] = [s(a[0]), s(a[1])];
    const parts = sep === '' ? [...x] : x.split(sep);
    return listVal(parts.map(stringVal), str);
  }),
  join: fixed(
    'Joins the elements of lists of strings with a separator.',
    [param('separator', str)],
    str,
    (a) => {
      if (a.length < 2) return fail('at least one list is required');
      const parts: string[] = [];
      for (let li = 1; li < a.length; li++) {
        const elements = elementsOf(a[li]);
        for (let ei = 0; ei < elements.length; ei++) {
          const e = elements[ei] as Value;
          if (e.kind === 'null') {
            return fail(a.length > 2 ? `element ${ei} of list ${li} is null; cannot concatenate null values` : `element ${ei} is null; cannot concatenate null values`, li);
          }
          parts.push(s(e));
        }
      }
      return stringVal(parts.join(s(a[0])));
    },
    { variadic: param('lists', listOf(str)) },
  ),
  substr: fixed('Extracts a substring by character offset and length.', [param('str', str), param('offset', num), param('length', num)], str, (a) => {
    const chars = graphemes(s(a[0]));
    let offset = n(a[1]);
    const length = n(a[2]);
    if (!Number.isInteger(offset)) return fail('value must be a whole number', 1);
    if (!Number.isInteger(length)) return fail('value must be a whole number', 2);
    if (offset < 0) offset = Math.max(0, chars.length + offset);
    if (offset >= chars.length) return stringVal('');
    return stringVal(chars.slice(offset, length < 0 ? undefined : offset + length).join(''));
  }),
  indent: fixed('Adds spaces to the start of every line but the first.', [param('spaces', num), param('str', str)], str, (a) => {
    const count = n(a[0]);
    if (!Number.isInteger(count) || count < 0) return fail('spaces must be a non-negative whole number', 0);
    const text = s(a[1]);
    const spaces = pad(count);
    if (spaces === undefined || spaces.length * (text.split('\n').length - 1) > RESULT_LIMIT) return fail('the result is too large');
    return stringVal(text.replaceAll('\n', `\n${spaces}`));
  }),
  replace: fixed('Replaces a substring, or matches of a /regex/, with a replacement.', [param('str', str), param('substr', str), param('replace', str)], str, (a) =>
    replace(s(a[0]), s(a[1]), s(a[2])),
  ),
  regex: {
    description: 'The first match of a regular expression: a string, a list of captures or an object of named captures.',
    params: [param('pattern', str), param('string', str)],
    returnType: patternType,
    call(a) {
      const compiled = compileForMatch(s(a[0]));
      if ('error' in compiled) return compiled;
      const [m] = findAll(compiled, s(a[1]), 1);
      if (m === undefined) return fail('pattern did not match any part of the given string');
      return regexResult(m, compiled);
    },
  },
  regexall: {
    description: 'Every match of a regular expression, as `regex` returns each.',
    params: [param('pattern', str), param('string', str)],
    returnType: (a) => {
      const t = patternType(a);
      return t.kind === 'dynamic' ? any : listOf(t);
    },
    call(a) {
      const compiled = compileForMatch(s(a[0]));
      if ('error' in compiled) return compiled;
      const matches = findAll(compiled, s(a[1]), RESULT_LIMIT).map((m) => regexResult(m, compiled));
      return listVal(matches, matchType(compiled));
    },
  },
};
