import { describe, expect, it } from 'vitest';
import { confinementError, confinePath } from '../../../src/config/functions/index.js';
import { stringType } from '../../../src/config/value.js';
import { B, check, err, M, N, O, S, SENS, UNK, type Row } from './helpers.js';

const rows: Row[] = [
  ['file', 'file', [S('hello.txt')], S('Hello, world!\n')],
  ['file in a subdirectory', 'file', [S('sub/policy.json')], S('{"Version":"1.1"}')],
  ['file with ./', 'file', [S('./hello.txt')], S('Hello, world!\n')],
  ['file inside and back out is fine', 'file', [S('sub/../hello.txt')], S('Hello, world!\n')],
  ['file missing', 'file', [S('nope.txt')], err('Invalid value for "path" parameter: no file exists at "nope.txt"')],
  ['file absolute', 'file', [S('/etc/passwd')], err('Invalid value for "path" parameter: absolute path "/etc/passwd" is not allowed')],
  ['file windows absolute', 'file', [S('C:\\x')], err('absolute path')],
  ['file home', 'file', [S('~/.ssh/id_rsa')], err('absolute path')],
  ['file escaping', 'file', [S('../secret')], err('leads outside the configuration directory')],
  ['file escaping deeper', 'file', [S('sub/../../secret')], err('leads outside the configuration directory')],
  ['file empty path', 'file', [S('')], err('path must not be empty')],
  ['file unknown path', 'file', [UNK(stringType)], UNK(stringType)],
  ['file sensitive path', 'file', [SENS(S('hello.txt'))], SENS(S('Hello, world!\n'))],
  ['fileexists', 'fileexists', [S('hello.txt')], B(true)],
  ['fileexists missing', 'fileexists', [S('nope.txt')], B(false)],
  ['fileexists directory', 'fileexists', [S('sub')], err('"sub" is a directory, not a file')],
  ['fileexists escaping', 'fileexists', [S('../x')], err('leads outside the configuration directory')],
  ['templatefile', 'templatefile', [S('greeting.tpl'), O({ name: S('Ander') })], S('Hello, Ander!')],
  ['templatefile map vars', 'templatefile', [S('greeting.tpl'), M({ name: S('Ander') })], S('Hello, Ander!')],
  ['templatefile template error', 'templatefile', [S('greeting.tpl'), O({})], err('vars map does not contain key "name"')],
  ['templatefile vars not a map', 'templatefile', [S('greeting.tpl'), S('x')], err('Invalid value for "vars" parameter: invalid vars value: must be a map.')],
  ['templatefile bad variable name', 'templatefile', [S('greeting.tpl'), O({ 'a b': N(1) })], err('invalid template variable name "a b"')],
  ['templatefile escaping', 'templatefile', [S('../x.tpl'), O({})], err('leads outside the configuration directory')],
  ['templatefile sensitive var marks the result', 'templatefile', [S('greeting.tpl'), O({ name: SENS(S('Ander')) })], SENS(S('Hello, Ander!'))],
];

describe('filesystem functions', () => {
  it.each(rows)('%s', (...row) => check(row));

  const paths: [string, boolean][] = [
    ['a', true],
    ['a/b/../c', true],
    ['./a', true],
    ['a/..', true],
    ['..', false],
    ['a/../..', false],
    ['a\\..\\..\\b', false],
    ['/a', false],
    ['\\\\server\\share', false],
    ['D:/x', false],
    ['a\u0000b', false],
  ];
  it.each(paths)('confinement of %j: allowed=%s', (path, ok) => {
    expect(confinementError(path) === undefined).toBe(ok);
  });

  const normalised: [string, string][] = [
    ['a/./b/../c', 'a/c'],
    ['./a//b/', 'a/b'],
    ['a\\b', 'a/b'],
    ['a/..', '.'],
  ];
  it.each(normalised)('normalises %j to %j', (path, want) => {
    expect(confinePath(path)).toEqual({ path: want });
  });
});
