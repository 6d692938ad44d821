import { describe, it } from 'vitest';
import { listType, numberType, setType, stringType } from '../../../src/config/value.js';
import { B, check, err, L, N, NULL, nums, S, SENS, SET, strs, T, UNK, type Row } from './helpers.js';

const rows: Row[] = [
  // concat
  ['concat lists', 'concat', [strs('a', ''), strs('b', 'c')], strs('a', '', 'b', 'c')],
  ['concat unifies element types', 'concat', [strs('a'), nums(1)], strs('a', '1')],
  ['concat with a tuple gives a tuple', 'concat', [strs('a'), T([N(1), B(true)])], T([S('a'), N(1), B(true)])],
  ['concat nothing', 'concat', [], err('at least one argument is required')],
  ['concat keeps unknown elements', 'concat', [L([UNK(stringType)]), strs('b')], L([UNK(stringType), S('b')])],
  ['concat unknown list', 'concat', [UNK(listType(stringType)), strs('b')], UNK(listType(stringType))],
  ['concat a set', 'concat', [SET([S('a')])], err('Invalid value for "seqs" parameter: all arguments must be lists or tuples; got set of string.')],
  ['concat null', 'concat', [NULL(listType(stringType))], err('argument must not be null')],
  // distinct
  ['distinct', 'distinct', [strs('a', 'b', 'a', 'c', 'd', 'b')], strs('a', 'b', 'c', 'd')],
  ['distinct of a tuple converts', 'distinct', [T([S('a'), N(1), S('1')])], strs('a', '1')],
  ['distinct with unknown element', 'distinct', [L([UNK(stringType), S('a')])], UNK(listType(stringType))],
  // flatten
  ['flatten', 'flatten', [T([strs('a', 'b'), L([], stringType), strs('c')])], T([S('a'), S('b'), S('c')])],
  ['flatten deep', 'flatten', [T([T([strs('a', 'b'), L([], stringType)]), strs('c')])], T([S('a'), S('b'), S('c')])],
  ['flatten keeps non-lists', 'flatten', [T([S('a'), T([N(1)])])], T([S('a'), N(1)])],
  ['flatten sets too', 'flatten', [T([SET([S('b'), S('a')])])], T([S('a'), S('b')])],
  ['flatten a string', 'flatten', [S('a')], err('can only flatten lists, sets and tuples')],
  ['flatten with an unknown nested list', 'flatten', [T([UNK(listType(stringType))])], UNK()],
  // range
  ['range(3)', 'range', [N(3)], nums(0, 1, 2)],
  ['range(1, 4)', 'range', [N(1), N(4)], nums(1, 2, 3)],
  ['range(1, 8, 2)', 'range', [N(1), N(8), N(2)], nums(1, 3, 5, 7)],
  ['range(1, 4, 0.5)', 'range', [N(1), N(4), N(0.5)], nums(1, 1.5, 2, 2.5, 3, 3.5)],
  ['range(4, 1)', 'range', [N(4), N(1)], nums(4, 3, 2)],
  ['range(10, 5, -2)', 'range', [N(10), N(5), N(-2)], nums(10, 8, 6)],
  ['range(0)', 'range', [N(0)], L([], numberType)],
  ['range step zero', 'range', [N(1), N(4), N(0)], err('step must not be zero')],
  ['range wrong direction', 'range', [N(1), N(4), N(-1)], err('end must be less than start when step is negative')],
  ['range wrong direction up', 'range', [N(4), N(1), N(1)], err('end must be greater than start when step is positive')],
  ['range no arguments', 'range', [], err('must have one, two, or three arguments')],
  ['range four arguments', 'range', [N(1), N(2), N(3), N(4)], err('must have one, two, or three arguments')],
  ['range 1024 numbers', 'range', [N(1024)], L(Array.from({ length: 1024 }, (_, i) => N(i)), numberType)],
  ['range too many', 'range', [N(1025)], err('more than 1024 values were generated')],
  ['range of a string converts', 'range', [S('2')], nums(0, 1)],
  // element / index
  ['element', 'element', [strs('a', 'b', 'c'), N(1)], S('b')],
  ['element wraps', 'element', [strs('a', 'b', 'c'), N(3)], S('a')],
  ['element negative wraps from the end', 'element', [strs('a', 'b', 'c'), N(-1)], S('c')],
  ['element of empty', 'element', [L([], stringType), N(0)], err('cannot use element function with an empty list')],
  ['element fractional index', 'element', [strs('a'), N(0.5)], err('Invalid value for "index" parameter: invalid index')],
  ['element of a set', 'element', [SET([S('a')]), N(0)], err('cannot read elements from set of string')],
  ['element of a tuple', 'element', [T([S('a'), N(2)]), N(1)], N(2)],
  ['index', 'index', [strs('a', 'b', 'c'), S('b')], N(1)],
  ['index not found', 'index', [strs('a', 'b', 'c'), S('d')], err('item not found')],
  ['index does not convert', 'index', [strs('1'), N(1)], err('item not found')],
  // sort / reverse
  ['sort', 'sort', [strs('e', 'd', 'a', 'x')], strs('a', 'd', 'e', 'x')],
  ['sort is lexical for numbers', 'sort', [nums(10, 9, 1)], strs('1', '10', '9')],
  ['sort by code point', 'sort', [strs('é', 'z', 'Z', '😀', '\uffff')], strs('Z', 'z', 'é', '\uffff', '😀')],
  ['sort with null', 'sort', [L([S('a'), NULL(stringType)])], err('given list element 1 is null; a null string cannot be sorted')],
  ['sort with unknown', 'sort', [L([S('a'), UNK(stringType)])], UNK(listType(stringType))],
  ['reverse', 'reverse', [nums(1, 2, 3)], nums(3, 2, 1)],
  ['reverse a tuple', 'reverse', [T([S('a'), N(1)])], T([N(1), S('a')])],
  ['reverse a set', 'reverse', [SET([S('a')])], err('can only reverse list or tuple values, not set of string')],
  // slice
  ['slice', 'slice', [strs('a', 'b', 'c', 'd'), N(1), N(3)], strs('b', 'c')],
  ['slice empty range', 'slice', [strs('a', 'b'), N(1), N(1)], L([], stringType)],
  ['slice whole', 'slice', [strs('a', 'b'), N(0), N(2)], strs('a', 'b')],
  ['slice a tuple', 'slice', [T([S('a'), N(1), B(true)]), N(1), N(3)], T([N(1), B(true)])],
  ['slice end beyond', 'slice', [strs('a', 'b'), N(0), N(3)], err('end index must not be greater than the length of the list')],
  ['slice negative start', 'slice', [strs('a', 'b'), N(-1), N(1)], err('Invalid value for "start_index" parameter: start index must not be less than zero.')],
  ['slice start after end', 'slice', [strs('a', 'b'), N(2), N(1)], err('start index must not be greater than end index')],
  ['slice start beyond', 'slice', [strs('a', 'b'), N(3), N(3)], err('start index must not be greater than the length of the list')],
  ['slice a set', 'slice', [SET([S('a')]), N(0), N(1)], err('cannot slice a set')],
  // compact / chunklist
  ['compact', 'compact', [strs('a', '', 'b', 'c')], strs('a', 'b', 'c')],
  ['compact drops nulls', 'compact', [L([S('a'), NULL(stringType)])], strs('a')],
  ['chunklist', 'chunklist', [strs('a', 'b', 'c', 'd', 'e'), N(2)], L([strs('a', 'b'), strs('c', 'd'), strs('e')])],
  ['chunklist size 1', 'chunklist', [strs('a', 'b'), N(1)], L([strs('a'), strs('b')])],
  ['chunklist size 0', 'chunklist', [strs('a', 'b'), N(0)], L([strs('a', 'b')])],
  ['chunklist negative', 'chunklist', [strs('a'), N(-1)], err('the size argument must be positive')],
  // sets
  ['setunion', 'setunion', [SET([S('a'), S('b')]), SET([S('b'), S('c')]), SET([S('d')])], SET([S('a'), S('b'), S('c'), S('d')])],
  ['setunion of lists converts', 'setunion', [strs('b', 'a'), strs('a')], SET([S('a'), S('b')])],
  ['setunion of strings and numbers', 'setunion', [strs('a'), nums(1)], SET([S('1'), S('a')])],
  ['setunion incompatible', 'setunion', [strs('a'), L([strs('b')])], err('compatible element types')],
  ['setintersection', 'setintersection', [SET([S('a'), S('b')]), SET([S('b'), S('c')]), SET([S('b'), S('d')])], SET([S('b')])],
  ['setintersection of one', 'setintersection', [SET([S('a')])], SET([S('a')])],
  ['setintersection empty', 'setintersection', [SET([S('a')]), SET([], stringType)], SET([], stringType)],
  ['setsubtract', 'setsubtract', [SET([S('a'), S('b'), S('c')]), SET([S('a'), S('c')])], SET([S('b')])],
  ['setsubtract none', 'setsubtract', [SET([S('a')]), SET([S('b')])], SET([S('a')])],
  ['setsubtract unknown', 'setsubtract', [SET([S('a')]), UNK(setType(stringType))], UNK(setType(stringType))],
  ['setunion needs an argument', 'setunion', [], err('Function "setunion" expects 1 or more argument(s). Missing value for "first_set".')],
  ['sensitive set element', 'setunion', [SET([SENS(S('a'))]), SET([S('b')])], SENS(SET([S('a'), S('b')]))],
];

describe('sequence and set functions', () => {
  it.each(rows)('%s', (...row) => check(row));
});
