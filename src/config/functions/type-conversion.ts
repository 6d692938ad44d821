import {
  boolType,
  convert,
  dynamicType,
  listType,
  mapType,
  nullVal,
  numberType,
  setType,
  stringType,
  typeName,
  unknownVal,
  unmark,
  withMarks,
  markSensitive,
  boolVal,
  type Mark,
  type Type,
  type Value,
} from '../value.js';
import type { FunctionDef, FunctionResult } from './types.js';
import { any, param } from './util.js';

/** `to*` conversions and the sensitivity functions. */

function describe(v: Value): string {
  if (v.kind === 'string') return JSON.stringify(v.value);
  return typeName(v.type);
}

function to(target: Type, v: Value): FunctionResult {
  if (v.kind === 'null') return nullVal(target);
  if (v.kind === 'unknown') return unknownVal(target);
  const r = convert(v, target);
  if (r.ok) return r.value;
  switch (target.kind) {
    case 'number':
      return { error: v.kind === 'string' ? `cannot convert ${describe(v)} to number; given string must be a decimal representation of a number` : `cannot convert ${typeName(v.type)} to number`, argIndex: 0 };
    case 'bool':
      return { error: v.kind === 'string' ? `cannot convert ${describe(v)} to bool; only the strings "true" or "false" are allowed` : `cannot convert ${typeName(v.type)} to bool`, argIndex: 0 };
    case 'string':
      return { error: `cannot convert ${typeName(v.type)} to string`, argIndex: 0 };
    default:
      return { error: `cannot convert ${typeName(v.type)} to ${typeName(target).replace('dynamic', 'any single type')}: ${r.error}`, argIndex: 0 };
  }
}

function conversion(description: string, target: Type): FunctionDef {
  return {
    description,
    params: [param('v', any, { allowNull: true, allowUnknown: true })],
    returnType: () => target,
    call: (a) => to(target, a[0] as Value),
  };
}

function withoutSensitive(v: Value): Value {
  const [bare, marks] = unmark(v);
  const rest = [...marks].filter((m: Mark) => m !== 'sensitive');
  return withMarks(bare, rest);
}

const anyValue = param('value', any, { allowNull: true, allowUnknown: true });

export const conversionFunctions: Record<string, FunctionDef> = {
  tostring: conversion('The value as a string (null stays null).', stringType),
  tonumber: conversion('The value as a number (null stays null).', numberType),
  tobool: conversion('The value as a bool (null stays null).', boolType),
  tolist: conversion('The value as a list of one element type.', listType(dynamicType)),
  toset: conversion('The value as a set of one element type.', setType(dynamicType)),
  tomap: conversion('The value as a map of one element type.', mapType(dynamicType)),
  sensitive: {
    description: 'The value, marked sensitive: redacted wherever it is shown.',
    params: [anyValue],
    returnType: (a) => a[0]?.type ?? any,
    call: (a) => markSensitive(a[0] as Value),
    handlesMarks: true,
  },
  nonsensitive: {
    description: 'The value without its sensitive mark.',
    params: [anyValue],
    returnType: (a) => a[0]?.type ?? any,
    call: (a) => withoutSensitive(a[0] as Value),
    handlesMarks: true,
  },
  issensitive: {
    description: 'Whether the value is marked sensitive.',
    params: [anyValue],
    returnType: () => boolType,
    call: (a) => boolVal(a[0]?.marks?.has('sensitive') === true),
    handlesMarks: true,
  },
};
