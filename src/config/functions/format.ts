import { convert, listVal, stringVal, type NumberValue, type Value } from '../value.js';
import { utf8Encode } from './hash.js';
import { encodeJson, quoteJson } from './json.js';
import type { FunctionDef, FunctionResult } from './types.js';
import { any, elementsOf, fail, graphemeCount, graphemes, listOf, param, RESULT_LIMIT, s, str } from './util.js';

/**
 * `format` and `formatlist`: printf-style verbs as Terraform documents them (`%v %#v %t %b
 * %d %o %x %X %e %E %f %g %G %s %q %%`, flags `space + - 0 #`, width, precision, `[n]`
 * argument indexes). Offsets in messages are byte offsets into the spec, as Terraform's.
 */

interface Verb {
  raw: string;
  offset: number;
  argNum: number;
  mode: string;
  zero: boolean;
  sharp: boolean;
  plus: boolean;
  minus: boolean;
  space: boolean;
  width: number;
  prec: number;
}

const byteOffset = (spec: string, at: number): number => utf8Encode(spec.slice(0, at)).length;

export function formatString(spec: string, args: readonly Value[]): { text: string } | { error: string } {
  let out = '';
  let nextArg = 1;
  let highest = 0;
  let i = 0;
  while (i < spec.length) {
    const c = spec[i] as string;
    if (c !== '%') {
      out += c;
      i++;
      continue;
    }
    if (spec[i + 1] === '%') {
      out += '%';
      i += 2;
      continue;
    }
    const start = i;
    const verb: Verb = { raw: '', offset: byteOffset(spec, start), argNum: nextArg, mode: '', zero: false, sharp: false, plus: false, minus: false, space: false, width: -1, prec: -1 };
    i++;
    for (; i < spec.length && '0#-+ '.includes(spec[i] as string); i++) {
      const f = spec[i];
      if (f === '0') verb.zero = true;
      else if (f === '#') verb.sharp = true;
      else if (f === '-') verb.minus = true;
      else if (f === '+') verb.plus = true;
      else verb.space = true;
    }
    const width = /^[1-9]\d*/.exec(spec.slice(i));
    if (width) {
      verb.width = Number(width[0]);
      i += width[0].length;
    }
    const prec = /^\.\d*/.exec(spec.slice(i));
    if (prec) {
      verb.prec = prec[0].length > 1 ? Number(prec[0].slice(1)) : 0;
      i += prec[0].length;
    }
    if (spec[i] === '[') {
      const idx = /^\[([1-9]\d*)\]/.exec(spec.slice(i));
      if (!idx) return unrecognized(spec, spec[i + 1] === undefined ? i : i + 1);
      verb.argNum = Number(idx[1]);
      i += idx[0].length;
    }
    if (i >= spec.length) return { error: `invalid format string starting at offset ${byteOffset(spec, spec.length)}` };
    if (!/[A-Za-z]/.test(spec[i] as string)) return unrecognized(spec, i);
    verb.mode = spec[i] as string;
    i++;
    verb.raw = spec.slice(start, i);
    if (verb.width > RESULT_LIMIT || verb.prec > RESULT_LIMIT) return { error: `unsupported value for "${verb.raw}" at ${verb.offset}: width or precision too large` };
    highest = Math.max(highest, verb.argNum);
    const appended = formatVerb(verb, args);
    if ('error' in appended) return appended;
    out += appended.text;
    if (out.length > RESULT_LIMIT) return { error: 'the result is too large' };
    nextArg = verb.argNum + 1;
  }
  if (highest < args.length) {
    return { error: highest === 0 ? 'too many arguments; no verbs in format string' : `too many arguments; only ${highest} used by format string` };
  }
  return { text: out };
}

function unrecognized(spec: string, at: number): { error: string } {
  const ch = String.fromCodePoint(spec.codePointAt(at) as number);
  return { error: `unrecognized format character '${ch}' at offset ${byteOffset(spec, at)}` };
}

function formatVerb(verb: Verb, args: readonly Value[]): { text: string } | { error: string } {
  const arg = args[verb.argNum - 1];
  const where = `"${verb.raw}" at ${verb.offset}`;
  if (arg === undefined) return { error: `not enough arguments for ${where}: need index ${verb.argNum} but have ${args.length} total` };
  if (verb.mode !== 'v' && arg.kind === 'null') return { error: `unsupported value for ${where}: null value cannot be formatted` };
  switch (verb.mode) {
    case 'v':
      if (!verb.sharp && arg.kind === 'string') return { text: padWidth(verb, arg.value) };
      if (!verb.sharp && arg.kind === 'number') return { text: padWidth(verb, formatFloat(arg, 'g', -1, false)) };
      return { text: padWidth(verb, encodeJson(arg)) };
    case 't': {
      const b = convert(arg, { kind: 'bool' });
      if (!b.ok || b.value.kind !== 'bool') return { error: `unsupported value for ${where}: ${b.ok ? 'bool required' : b.error}` };
      return { text: b.value.value ? 'true' : 'false' };
    }
    case 'b':
    case 'd':
    case 'o':
    case 'x':
    case 'X':
    case 'e':
    case 'E':
    case 'f':
    case 'g':
    case 'G': {
      const x = convert(arg, { kind: 'number' });
      if (!x.ok || x.value.kind !== 'number') return { error: `unsupported value for ${where}: ${x.ok ? 'number required' : x.error}` };
      if ('bdoxX'.includes(verb.mode)) {
        const int = x.value.big ?? (Number.isInteger(x.value.value) ? BigInt(x.value.value) : undefined);
        if (int === undefined) return { error: `unsupported value for ${where}: an integer is required` };
        return { text: formatInteger(verb, int) };
      }
      const lower = verb.mode.toLowerCase() as 'e' | 'f' | 'g';
      let text = formatFloat(x.value, lower, verb.prec, verb.mode === 'g' || verb.mode === 'G' ? verb.sharp : true);
      if (verb.mode === 'E' || verb.mode === 'G') text = text.toUpperCase();
      return { text: padNumber(verb, text) };
    }
    case 's':
    case 'q': {
      const t = convert(arg, { kind: 'string' });
      if (!t.ok || t.value.kind !== 'string') return { error: `unsupported value for ${where}: ${t.ok ? 'string required' : t.error}` };
      let text = t.value.value;
      if (verb.prec > 0) text = graphemes(text).slice(0, verb.prec).join('');
      return { text: padWidth(verb, verb.mode === 'q' ? quoteJson(text) : text) };
    }
    default:
      return { error: `unsupported format verb '${verb.mode}' in "${verb.raw}" at offset ${verb.offset}` };
  }
}

function padWidth(verb: Verb, text: string): string {
  const missing = verb.width - graphemeCount(text);
  if (missing <= 0) return text;
  const pads = (verb.zero ? '0' : ' ').repeat(missing);
  return verb.minus ? text + pads : pads + text;
}

/** Pads a signed number: zeros go between the sign and the digits, as Go's fmt does. */
function padNumber(verb: Verb, body: string): string {
  let sign = '';
  let digits = body;
  if (digits.startsWith('-')) [sign, digits] = ['-', digits.slice(1)];
  else if (verb.plus) sign = '+';
  else if (verb.space) sign = ' ';
  const missing = verb.width - sign.length - digits.length;
  if (missing <= 0) return sign + digits;
  if (verb.minus) return sign + digits + ' '.repeat(missing);
  return verb.zero ? sign + '0'.repeat(missing) + digits : ' '.repeat(missing) + sign + digits;
}

function formatInteger(verb: Verb, value: bigint): string {
  const radix = { b: 2, d: 10, o: 8, x: 16, X: 16 }[verb.mode as 'b' | 'd' | 'o' | 'x' | 'X'];
  const negative = value < 0n;
  let digits = (negative ? -value : value).toString(radix);
  if (verb.mode === 'X') digits = digits.toUpperCase();
  if (verb.prec >= 0) digits = digits.padStart(verb.prec, '0');
  if (verb.sharp) digits = ({ b: '0b', o: '0', x: '0x', X: '0X', d: '' }[verb.mode] ?? '') + digits;
  const zero = verb.zero && verb.prec < 0;
  return padNumber({ ...verb, zero }, (negative ? '-' : '') + digits);
}

/** Decimal digits (no trailing zeros) and exponent of |x| rounded to `sig` significant digits (shortest when undefined). */
function decimalDigits(x: number, sig?: number): { digits: string; exp: number } {
  const text = sig === undefined ? Math.abs(x).toExponential() : Math.abs(x).toExponential(Math.min(Math.max(sig - 1, 0), 100));
  const [mant, e] = text.split('e') as [string, string];
  const digits = mant.replace('.', '').replace(/0+$/, '') || '0';
  return { digits, exp: Number(e) };
}

/** Go's %e / %f / %g of a number; `prec` -1 means the default (6 for e/f, shortest for g). */
export function formatFloat(num: NumberValue, mode: 'e' | 'f' | 'g', prec: number, keepZeros: boolean): string {
  const x = num.value;
  const sign = x < 0 ? '-' : '';
  if (mode === 'f') {
    const p = prec < 0 ? 6 : prec;
    if (num.big !== undefined || Math.abs(x) >= 1e21) {
      const int = num.big ?? BigInt(x);
      return `${int.toString()}${p > 0 ? `.${'0'.repeat(p)}` : ''}`;
    }
    return sign + Math.abs(x).toFixed(Math.min(p, 100)) + '0'.repeat(Math.max(p - 100, 0));
  }
  if (mode === 'e') {
    const p = prec < 0 ? 6 : prec;
    const [mant, e] = Math.abs(x).toExponential(Math.min(p, 100)).split('e') as [string, string];
    return `${sign}${mant}${'0'.repeat(Math.max(p - 100, 0))}e${expText(Number(e))}`;
  }
  const shortest = prec < 0;
  const p = prec === 0 ? 1 : prec;
  const { digits, exp } = x === 0 ? { digits: '0', exp: 0 } : decimalDigits(x, shortest ? undefined : p);
  let eprec = shortest ? 6 : p;
  if (!shortest && eprec > digits.length && digits.length >= exp + 1) eprec = digits.length;
  const shown = keepZeros && !shortest ? digits.padEnd(p, '0') : digits;
  if (exp < -4 || exp >= eprec) {
    const frac = shown.slice(1);
    return `${sign}${shown[0] as string}${frac ? `.${frac}` : ''}e${expText(exp)}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${shown}`;
  const intPart = shown.slice(0, exp + 1).padEnd(exp + 1, '0');
  const frac = shown.slice(exp + 1);
  return `${sign}${intPart}${frac ? `.${frac}` : ''}`;
}

function expText(e: number): string {
  return `${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

export const formatFunctions: Record<string, FunctionDef> = {
  format: {
    description: 'Formats values according to a printf-style specification.',
    params: [param('format', str)],
    variadic: param('args', any, { allowNull: true }),
    returnType: () => str,
    call(a): FunctionResult {
      const r = formatString(s(a[0]), a.slice(1));
      return 'error' in r ? fail(r.error) : stringVal(r.text);
    },
  },
  formatlist: {
    description: 'Formats each element of lists with a printf-style specification.',
    params: [param('format', str)],
    variadic: param('args', any, { allowNull: true }),
    returnType: () => listOf(str),
    call(a): FunctionResult {
      const args = a.slice(1);
      let length = -1;
      let chooser = -1;
      for (let i = 0; i < args.length; i++) {
        const v = args[i] as Value;
        if (v.kind !== 'list' && v.kind !== 'set' && v.kind !== 'tuple') continue;
        if (length < 0) [length, chooser] = [v.elements.length, i];
        else if (v.elements.length !== length) {
          return fail(`argument ${i + 1} has length ${v.elements.length}, which is inconsistent with argument ${chooser + 1} of length ${length}`, i + 1);
        }
      }
      const out: Value[] = [];
      for (let k = 0; k < (length < 0 ? 1 : length); k++) {
        const row = args.map((v) => (v.kind === 'list' || v.kind === 'set' || v.kind === 'tuple' ? (elementsOf(v)[k] as Value) : v));
        const r = formatString(s(a[0]), row);
        if ('error' in r) return fail(length < 0 ? r.error : `error on format iteration ${k}: ${r.error}`);
        out.push(stringVal(r.text));
      }
      return listVal(out, str);
    },
  },
};
