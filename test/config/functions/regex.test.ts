import { describe, expect, it } from 'vitest';
import { compileRe2 } from '../../../src/config/functions/regex.js';
import { listType, objectType, stringType } from '../../../src/config/value.js';
import { check, err, L, O, S, SENS, strs, UNK, type Row } from './helpers.js';

const rows: Row[] = [
  ['regex without groups', 'regex', [S('[a-z]+'), S('53453453.345345aaabbbccc23454')], S('aaabbbccc')],
  ['regex with unnamed groups', 'regex', [S('(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)'), S('2019-02-01')], strs('2019', '02', '01')],
  [
    'regex with named groups',
    'regex',
    [S('^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?'), S('https://example.com/docs/')],
    O({ authority: S('example.com'), scheme: S('https') }),
  ],
  ['regex no match', 'regex', [S('[a-z]+'), S('53453453.34534523454')], err('pattern did not match any part of the given string')],
  ['regex unmatched optional group is empty', 'regex', [S('(a)?(b)'), S('b')], strs('', 'b')],
  ['regex mixed groups', 'regex', [S('(?P<a>x)(y)'), S('xy')], err('cannot mix both named and unnamed capture groups')],
  ['regex backreference rejected', 'regex', [S('(a)\\1'), S('aa')], err('Invalid value for "pattern" parameter: invalid escape sequence')],
  ['regex lookahead rejected', 'regex', [S('a(?=b)'), S('ab')], err('invalid or unsupported Perl syntax')],
  ['regex ungreedy flag rejected', 'regex', [S('(?U)a+'), S('aa')], err('ungreedy')],
  ['regex case-insensitive flag', 'regex', [S('(?i)hello'), S('say HeLLo')], S('HeLLo')],
  ['regex scoped flag group', 'regex', [S('a(?i:b)c'), S('aBc')], S('aBc')],
  ['regex scoped flag group does not leak', 'regex', [S('a(?i:b)c'), S('aBC')], err('did not match')],
  ['regex s flag lets . match newline', 'regex', [S('(?s)a.b'), S('a\nb')], S('a\nb')],
  ['regex . does not match newline', 'regex', [S('a.b'), S('a\nb')], err('did not match')],
  ['regex . matches carriage return (RE2)', 'regex', [S('a.b'), S('a\rb')], S('a\rb')],
  ['regex \\A and \\z', 'regex', [S('\\Aab\\z'), S('ab')], S('ab')],
  ['regex \\z is the very end', 'regex', [S('(?m)b\\z'), S('b\nb')], S('b')],
  ['regex POSIX class', 'regex', [S('[[:digit:]]+'), S('ab123')], S('123')],
  ['regex \\pL', 'regex', [S('\\pL+'), S('123Äbc')], S('Äbc')],
  ['regex \\p{Greek}', 'regex', [S('\\p{Greek}+'), S('abc αβγ')], S('αβγ')],
  ['regex \\Q...\\E literal', 'regex', [S('\\Q1+1\\E'), S('x1+1')], S('1+1')],
  ['regex escaped punctuation', 'regex', [S('\\#\\-\\:'), S('#-:')], S('#-:')],
  ['regex \\s is ASCII only', 'regex', [S('a\\sb'), S('a\u00a0b a b')], S('a b')],
  ['regex repeat count over 1000', 'regex', [S('a{1001}'), S('a')], err('invalid repeat count')],
  ['regex bad pattern', 'regex', [S('('), S('a')], err('Invalid value for "pattern" parameter')],
  ['regexall', 'regexall', [S('[a-z]+'), S('1234abcd5678efgh9')], strs('abcd', 'efgh')],
  ['regexall none', 'regexall', [S('[a-z]+'), S('123456789')], L([], stringType)],
  ['regexall empty matches as Go finds them', 'regexall', [S('a*'), S('baaac')], strs('', 'aaa', '')],
  ['regexall with groups', 'regexall', [S('(\\w)=(\\d)'), S('a=1 b=2')], L([strs('a', '1'), strs('b', '2')])],
  ['regexall named none', 'regexall', [S('(?P<k>\\w)'), S('')], L([], objectType({ k: stringType }))],
  ['regex unknown string gives typed unknown', 'regex', [S('(?P<k>\\w)'), UNK(stringType)], UNK(objectType({ k: stringType }))],
  ['regexall unknown string', 'regexall', [S('(\\w)'), UNK(stringType)], UNK(listType(listType(stringType)))],
  ['regex sensitive string', 'regex', [S('\\d+'), SENS(S('pin 1234'))], SENS(S('1234'))],
];

describe('regex, regexall', () => {
  it.each(rows)('%s', (...row) => check(row));
});

describe('RE2 translation', () => {
  const accepted: [string, string, string | null][] = [
    ['x*?', 'xxx', ''],
    ['[^a]', 'ab', 'b'],
    ['[\\d\\s]+', 'a1 2b', '1 2'],
    ['\\x41\\x{42}', 'AB', 'AB'],
    ['a{2,}', 'aaa', 'aaa'],
    ['a{,2}', 'a{,2}', 'a{,2}'],
    ['[[:alpha:][:digit:]]+', '-ab1-', 'ab1'],
    ['(?i)straße', 'STRASSE straße', 'straße'],
    ['a\\12b', 'a\nb', 'a\nb'],
    ['\\0', 'x\u0000', '\u0000'],
    ['\\101', 'zA', 'A'],
  ];
  it.each(accepted)('%s on %j', (pattern, text, match) => {
    const c = compileRe2(pattern, false);
    if ('error' in c) throw new Error(c.error);
    expect(c.regexp.exec(text)?.[0] ?? null).toBe(match);
  });
  const rejected: [string, string][] = [
    ['(?<=a)b', 'Perl syntax'],
    ['(?!a)', 'Perl syntax'],
    ['\\C', 'invalid escape'],
    ['\\2', 'backreferences'],
    ['a)', 'unexpected )'],
    ['(a', 'missing closing )'],
    ['[a', 'missing closing ]'],
    ['(?P<n>a)(?P<n>b)', 'duplicate capture group name'],
  ];
  it.each(rejected)('rejects %s', (pattern, message) => {
    const c = compileRe2(pattern, false);
    expect('error' in c ? c.error : 'compiled').toContain(message);
  });
});
