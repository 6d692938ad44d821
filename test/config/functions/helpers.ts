import { expect } from 'vitest';
import {
  boolVal,
  formatNumber,
  formatType,
  listVal,
  mappingEntries,
  mapVal,
  markSensitive,
  nullVal,
  numberVal,
  objectVal,
  setVal,
  stringVal,
  tupleVal,
  unknownVal,
  dynamicType,
  type Type,
  type Value,
} from '../../../src/config/value.js';
import { builtinFunctions, callFunction, isFunctionError, type FunctionContext, type FunctionResult } from '../../../src/config/functions/index.js';

/** Value builders for the tables. */
export const S = (x: string): Value => stringVal(x);
export const N = (x: number | bigint): Value => numberVal(x);
export const B = (x: boolean): Value => boolVal(x);
export const L = (xs: Value[], t?: Type): Value => listVal(xs, t);
export const SET = (xs: Value[], t?: Type): Value => setVal(xs, t);
export const T = (xs: Value[]): Value => tupleVal(xs);
export const M = (e: Record<string, Value>, t?: Type): Value => mapVal(e, t);
export const O = (e: Record<string, Value>): Value => objectVal(e);
export const NULL = (t: Type = dynamicType): Value => nullVal(t);
export const UNK = (t: Type = dynamicType): Value => unknownVal(t);
export const SENS = (v: Value): Value => markSensitive(v);
export const strs = (...xs: string[]): Value => listVal(xs.map(stringVal), { kind: 'string' });
export const nums = (...xs: number[]): Value => listVal(xs.map((x) => numberVal(x)), { kind: 'number' });

/** A test representation that shows kinds, types and marks: differences in any of them fail. */
export function show(r: FunctionResult): string {
  if (isFunctionError(r)) return `error: ${r.error}`;
  return `${render(r)} : ${formatType(r.type)}`;
}

function render(v: Value): string {
  const inner = ((): string => {
    switch (v.kind) {
      case 'null':
        return 'null';
      case 'unknown':
        return `(known after apply)`;
      case 'string':
        return JSON.stringify(v.value);
      case 'number':
        return formatNumber(v);
      case 'bool':
        return String(v.value);
      case 'list':
      case 'set':
      case 'tuple':
        return `${v.kind === 'tuple' ? '' : v.kind}[${v.elements.map(render).join(', ')}]`;
      case 'map':
      case 'object':
        return `${v.kind === 'map' ? 'map' : ''}{${[...mappingEntries(v)].map(([k, e]) => `${k}=${render(e)}`).join(', ')}}`;
    }
  })();
  return v.marks?.has('sensitive') ? `sensitive(${inner})` : inner;
}

/** Files the fake context serves; everything else does not exist. */
export const files: Record<string, string> = {
  'hello.txt': 'Hello, world!\n',
  'sub/policy.json': '{"Version":"1.1"}',
  'greeting.tpl': 'Hello, ${name}!',
};

export const ctx: FunctionContext = {
  readFile: (path) => {
    const key = path.replace(/^\.\//, '');
    const text = files[key];
    return text === undefined ? { error: `no file exists at "${path}"; this function works only with files that are distributed as part of the configuration source code` } : { text };
  },
  fileExists: (path) => (path === 'sub' ? { error: `"${path}" is a directory, not a file` } : files[path.replace(/^\.\//, '')] !== undefined),
  renderTemplate: (text, vars) => {
    // Enough of a template engine for the tests: ${name} substitution from the vars object.
    let failed: string | undefined;
    const out = text.replace(/\$\{(\w+)\}/g, (_, name: string) => {
      const v = vars.kind === 'object' || vars.kind === 'map' ? mappingEntries(vars).get(name) : undefined;
      if (v === undefined || v.kind !== 'string') failed = `vars map does not contain key "${name}"`;
      return v !== undefined && v.kind === 'string' ? v.value : '';
    });
    return failed !== undefined ? { error: failed } : stringVal(out);
  },
};

export function call(name: string, ...args: Value[]): FunctionResult {
  const def = builtinFunctions.get(name);
  if (def === undefined) throw new Error(`no function ${name}`);
  return callFunction(name, def, args, ctx);
}

/** A table row: a call, and the value or the error (a substring of the message) it gives. */
export type Row = [label: string, fn: string, args: Value[], expected: Value | { error: string }];

export function check([, fn, args, expected]: Row): void {
  const got = call(fn, ...args);
  if ('error' in expected && (expected as { kind?: string }).kind === undefined) {
    expect(show(got)).toContain(`error: `);
    expect(isFunctionError(got) ? got.error : '').toContain((expected as { error: string }).error);
  } else {
    expect(show(got)).toBe(show(expected as Value));
  }
}

export const err = (error: string): { error: string } => ({ error });
