import { describe, it } from 'vitest';
import { listType, stringType } from '../../../src/config/value.js';
import { B, check, err, L, N, NULL, S, SENS, strs, UNK, type Row } from './helpers.js';

const rows: Row[] = [
  // lower / upper / title
  ['lower', 'lower', [S('HELLO')], S('hello')],
  ['lower unicode', 'lower', [S('АЛЛО!')], S('алло!')],
  ['upper', 'upper', [S('hello')], S('HELLO')],
  ['upper maps one character to one', 'upper', [S('straße')], S('STRAßE')],
  ['title maps one character to one', 'title', [S('ßa')], S('ßa')],
  ['upper of a number converts it', 'upper', [N(12)], S('12')],
  ['title', 'title', [S('hello world')], S('Hello World')],
  ['title: separators are non-alphanumerics', 'title', [S('hello-world foo_bar')], S('Hello-World Foo_bar')],
  ['title of empty', 'title', [S('')], S('')],
  // trimming
  ['trimspace', 'trimspace', [S('  hello\n\n')], S('hello')],
  ['trimspace: unicode spaces', 'trimspace', [S('\u00a0\u2003x\u3000')], S('x')],
  ['trimspace keeps inner space', 'trimspace', [S(' a b ')], S('a b')],
  ['trim cutset', 'trim', [S('?!hello?!'), S('!?')], S('hello')],
  ['trim: every char of the cutset', 'trim', [S('foobar'), S('far')], S('oob')],
  ['trimprefix', 'trimprefix', [S('helloworld'), S('hello')], S('world')],
  ['trimprefix: absent', 'trimprefix', [S('helloworld'), S('cat')], S('helloworld')],
  ['trimsuffix', 'trimsuffix', [S('helloworld'), S('world')], S('hello')],
  ['chomp \\n', 'chomp', [S('hello\n')], S('hello')],
  ['chomp \\r\\n', 'chomp', [S('hello\r\n')], S('hello')],
  ['chomp several', 'chomp', [S('hello\n\n')], S('hello')],
  ['chomp keeps inner newlines', 'chomp', [S('a\nb')], S('a\nb')],
  // predicates
  ['startswith', 'startswith', [S('hello world'), S('hello')], B(true)],
  ['startswith false', 'startswith', [S('hello world'), S('world')], B(false)],
  ['endswith', 'endswith', [S('hello world'), S('world')], B(true)],
  ['startswith empty prefix', 'startswith', [S('x'), S('')], B(true)],
  ['strcontains', 'strcontains', [S('hello world'), S('wor')], B(true)],
  ['strcontains false', 'strcontains', [S('hello world'), S('cat')], B(false)],
  // split / join
  ['split', 'split', [S(','), S('foo,bar,baz')], strs('foo', 'bar', 'baz')],
  ['split without separator present', 'split', [S(','), S('foo')], strs('foo')],
  ['split of empty string', 'split', [S(','), S('')], strs('')],
  ['split on empty separator gives characters', 'split', [S(''), S('abc')], strs('a', 'b', 'c')],
  ['join', 'join', [S(', '), strs('foo', 'bar', 'baz')], S('foo, bar, baz')],
  ['join one', 'join', [S(', '), strs('foo')], S('foo')],
  ['join several lists', 'join', [S('-'), strs('a', 'b'), strs('c')], S('a-b-c')],
  ['join numbers converts', 'join', [S(','), L([N(1), N(2)])], S('1,2')],
  ['join empty', 'join', [S(','), L([], stringType)], S('')],
  ['join without lists', 'join', [S(',')], err('at least one list is required')],
  ['join null element', 'join', [S(','), L([S('a'), NULL(stringType)])], err('Invalid value for "lists" parameter: element 1 is null; cannot concatenate null values.')],
  ['join null element of 2nd list', 'join', [S(','), strs('a'), L([NULL(stringType)], stringType)], err('element 0 of list 2 is null')],
  ['join of a non-list', 'join', [S(','), S('a')], err('Invalid value for "lists" parameter: list of string required')],
  // substr / strrev / indent
  ['substr', 'substr', [S('hello world'), N(1), N(4)], S('ello')],
  ['substr to end with -1', 'substr', [S('hello world'), N(6), N(-1)], S('world')],
  ['substr negative offset', 'substr', [S('hello world'), N(-5), N(3)], S('wor')],
  ['substr beyond end', 'substr', [S('hello'), N(10), N(2)], S('')],
  ['substr length beyond end', 'substr', [S('hello'), N(3), N(10)], S('lo')],
  ['substr fractional offset', 'substr', [S('hello'), N(1.5), N(1)], err('Invalid value for "offset" parameter: value must be a whole number.')],
  ['substr zero length', 'substr', [S('hello'), N(1), N(0)], S('')],
  ['substr counts graphemes', 'substr', [S('🤔🤷‍♂️x'), N(1), N(1)], S('🤷‍♂️')],
  ['strrev', 'strrev', [S('hello')], S('olleh')],
  ['strrev keeps graphemes whole', 'strrev', [S('a☃🤷‍♂️')], S('🤷‍♂️☃a')],
  ['indent', 'indent', [N(2), S('[\n  foo,\n]\n')], S('[\n    foo,\n  ]\n  ')],
  ['indent single line', 'indent', [N(4), S('x')], S('x')],
  ['indent negative', 'indent', [N(-1), S('a\nb')], err('Invalid value for "spaces" parameter')],
  // replace
  ['replace substring', 'replace', [S('1 + 2 + 3'), S('+'), S('-')], S('1 - 2 - 3')],
  ['replace regex with capture', 'replace', [S('hello world'), S('/w(or)ld/'), S('$1')], S('hello or')],
  ['replace regex all matches', 'replace', [S('a1b22c333'), S('/[0-9]+/'), S('#')], S('a#b#c#')],
  ['replace regex named group', 'replace', [S('alice@example.com'), S('/(?P<user>\\w+)@.*/'), S('${user}')], S('alice')],
  ['replace regex $$ is a dollar', 'replace', [S('price'), S('/price/'), S('$$5')], S('$5')],
  ['replace with a lone slash is literal', 'replace', [S('a/b'), S('/'), S('-')], S('a-b')],
  ['replace empty substring', 'replace', [S('ab'), S(''), S('-')], S('-a-b-')],
  ['replace bad regex', 'replace', [S('x'), S('/(/'), S('')], err('Invalid value for "substr" parameter')],
  // unknown, null and sensitive propagation
  ['unknown argument gives unknown', 'upper', [UNK(stringType)], UNK(stringType)],
  ['unknown dynamic argument', 'split', [S(','), UNK()], UNK(listType(stringType))],
  ['null argument', 'lower', [NULL(stringType)], err('Invalid value for "str" parameter: argument must not be null.')],
  ['sensitive argument marks the result', 'upper', [SENS(S('secret'))], SENS(S('SECRET'))],
  ['sensitive list element marks the result', 'join', [S(','), L([SENS(S('a')), S('b')])], SENS(S('a,b'))],
  ['sensitive and unknown', 'lower', [SENS(UNK(stringType))], SENS(UNK(stringType))],
  ['wrong type', 'lower', [L([S('a')])], err('Invalid value for "str" parameter: string required.')],
];

describe('string functions', () => {
  it.each(rows)('%s', (...row) => check(row));
});
