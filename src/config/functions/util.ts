import {
  boolType,
  dynamicType,
  listType,
  mapType,
  numberType,
  setType,
  stringType,
  type Type,
  type Value,
} from '../value.js';
import type { FunctionContext, FunctionDef, FunctionError, FunctionResult, ParamSpec } from './types.js';

/** Shorthands shared by the function families. Accessors read arguments that `callFunction` has already converted. */

export const str: Type = stringType;
export const num: Type = numberType;
export const bool: Type = boolType;
export const any: Type = dynamicType;
export const listOf = (t: Type): Type => listType(t);
export const setOf = (t: Type): Type => setType(t);
export const mapOf = (t: Type): Type => mapType(t);

export function param(name: string, type: Type, options: Omit<ParamSpec, 'name' | 'type'> = {}): ParamSpec {
  return { name, type, ...options };
}

export function fail(error: string, argIndex?: number): FunctionError {
  return argIndex === undefined ? { error } : { error, argIndex };
}

/** A definition whose return type does not depend on the arguments. */
export function fixed(
  description: string,
  params: readonly ParamSpec[],
  returns: Type,
  call: (args: readonly Value[], ctx: FunctionContext) => FunctionResult,
  extra: Partial<Pick<FunctionDef, 'variadic' | 'handlesUnknown' | 'handlesMarks'>> = {},
): FunctionDef {
  return { description, params, returnType: () => returns, call, ...extra };
}

/** The string inside a known, non-null string value (callers have converted it). */
export function s(v: Value | undefined): string {
  return v !== undefined && v.kind === 'string' ? v.value : '';
}

export function n(v: Value | undefined): number {
  return v !== undefined && v.kind === 'number' ? v.value : Number.NaN;
}

/** Elements of a list, set or tuple; empty for anything else. */
export function elementsOf(v: Value | undefined): readonly Value[] {
  return v !== undefined && (v.kind === 'list' || v.kind === 'set' || v.kind === 'tuple') ? v.elements : [];
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** User-perceived characters, as Terraform counts `length`, `substr` and format widths. */
export function graphemes(text: string): string[] {
  if (!/[^\u0020-\u007e]/.test(text)) return text.split('');
  return Array.from(segmenter.segment(text), (seg) => seg.segment);
}

export function graphemeCount(text: string): number {
  if (!/[^\u0020-\u007e]/.test(text)) return text.length;
  let count = 0;
  for (const _ of segmenter.segment(text)) count++;
  return count;
}

/** Results larger than this many elements or characters are refused, not attempted. */
export const RESULT_LIMIT = 10_000_000;
