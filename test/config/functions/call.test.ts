import { describe, expect, it } from 'vitest';
import { callFunction, isFunctionError, type FunctionDef, type FunctionResult } from '../../../src/config/functions/index.js';
import { dynamicType, listType, numberType, stringType, stringVal, type Value } from '../../../src/config/value.js';
import { ctx, L, N, NULL, S, SENS, show, strs, T, UNK } from './helpers.js';

/** A probe function that records what `call` received. */
function probe(def: Partial<FunctionDef> = {}): { def: FunctionDef; seen: (readonly Value[])[] } {
  const seen: (readonly Value[])[] = [];
  return {
    seen,
    def: {
      description: 'probe',
      params: [{ name: 'str', type: stringType }],
      returnType: () => stringType,
      call: (args): FunctionResult => {
        seen.push(args);
        return stringVal('ok');
      },
      ...def,
    },
  };
}

describe('callFunction', () => {
  it('reports missing arguments by parameter name', () => {
    const r = callFunction('f', probe({ params: [{ name: 'a', type: stringType }, { name: 'b', type: stringType }] }).def, [S('x')], ctx);
    expect(r).toEqual({ error: 'Function "f" expects 2 argument(s). Missing value for "b".' });
  });

  it('reports extra arguments at the first extra one', () => {
    expect(callFunction('f', probe().def, [S('x'), S('y')], ctx)).toEqual({ error: 'Function "f" expects only 1 argument(s).', argIndex: 1 });
  });

  it('converts arguments to the parameter type before the call', () => {
    const p = probe();
    callFunction('f', p.def, [N(12)], ctx);
    expect(p.seen[0]?.map(show)).toEqual(['"12" : string']);
  });

  it('passes arguments that already fit a dynamic parameter type unconverted', () => {
    const p = probe({ params: [{ name: 'list', type: listType(dynamicType) }] });
    callFunction('f', p.def, [L([], stringType)], ctx);
    callFunction('f', p.def, [T([S('a'), N(1)])], ctx);
    expect(p.seen.map((args) => args.map(show))).toEqual([['list[] : list(string)'], ['list["a", "1"] : list(string)']]);
  });

  it('reports a failed conversion on the argument', () => {
    const r = callFunction('f', probe().def, [strs('a')], ctx);
    expect(r).toEqual({ error: 'Invalid value for "str" parameter: string required.', argIndex: 0 });
  });

  it('refuses null unless the parameter allows it', () => {
    expect(callFunction('f', probe().def, [NULL(stringType)], ctx)).toEqual({ error: 'Invalid value for "str" parameter: argument must not be null.', argIndex: 0 });
    const p = probe({ params: [{ name: 'str', type: stringType, allowNull: true }] });
    expect(show(callFunction('f', p.def, [NULL()], ctx))).toBe('"ok" : string');
    expect(p.seen[0]?.map(show)).toEqual(['null : string']);
  });

  it('returns an unknown of the return type without calling, for unknown arguments at any depth', () => {
    const p = probe({ params: [{ name: 'list', type: listType(stringType) }], returnType: () => numberType });
    expect(show(callFunction('f', p.def, [UNK()], ctx))).toBe('(known after apply) : number');
    expect(show(callFunction('f', p.def, [L([UNK(stringType)])], ctx))).toBe('(known after apply) : number');
    expect(p.seen).toHaveLength(0);
  });

  it('passes unknowns through when the parameter opts in', () => {
    const p = probe({ params: [{ name: 'list', type: listType(stringType), allowUnknown: true }] });
    callFunction('f', p.def, [T([UNK(stringType), S('a')])], ctx);
    expect(p.seen[0]?.map(show)).toEqual(['list[(known after apply), "a"] : list(string)']);
  });

  it('strips marks at every depth before the call and marks the result', () => {
    const p = probe({ params: [{ name: 'list', type: listType(stringType) }] });
    const r = callFunction('f', p.def, [L([SENS(S('a'))])], ctx);
    expect(show(r)).toBe('sensitive("ok") : string');
    expect(p.seen[0]?.map(show)).toEqual(['list["a"] : list(string)']);
  });

  it('marks an unknown result too', () => {
    expect(show(callFunction('f', probe().def, [SENS(UNK(stringType))], ctx))).toBe('sensitive((known after apply)) : string');
  });

  it('leaves marks to functions that handle them', () => {
    const p = probe({ handlesMarks: true });
    expect(show(callFunction('f', p.def, [SENS(S('a'))], ctx))).toBe('"ok" : string');
    expect(p.seen[0]?.map(show)).toEqual(['sensitive("a") : string']);
  });

  it('names the parameter of an error from the call, including a variadic one', () => {
    const def = probe({
      params: [],
      variadic: { name: 'items', type: stringType },
      call: () => ({ error: 'bad item', argIndex: 1 }),
    }).def;
    expect(callFunction('f', def, [S('a'), S('b')], ctx)).toEqual({ error: 'Invalid value for "items" parameter: bad item.', argIndex: 1 });
  });

  it('keeps a call error without an argument as a sentence', () => {
    const def = probe({ call: () => ({ error: 'pattern did not match any part of the given string' }) }).def;
    expect(callFunction('f', def, [S('a')], ctx)).toEqual({ error: 'pattern did not match any part of the given string.' });
  });

  it('turns an engine limit (RangeError) into an error value', () => {
    const def = probe({ call: () => stringVal('x'.repeat(2 ** 30)) }).def;
    const r = callFunction('f', def, [S('a')], ctx);
    expect(isFunctionError(r) ? r.error : '').toBe('the result is too large.');
  });

  it('lets a bug surface as an exception', () => {
    const def = probe({
      call: () => {
        throw new TypeError('a bug');
      },
    }).def;
    expect(() => callFunction('f', def, [S('a')], ctx)).toThrow('a bug');
  });
});
