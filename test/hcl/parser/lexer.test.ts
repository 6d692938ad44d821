import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/diag/index.js';
import { Lexer } from '../../../src/hcl/lexer.js';
import { TextPositions } from '../../../src/hcl/positions.js';
import { T, tokenName } from '../../../src/hcl/tokens.js';

/** Every token of `source` as `name:text`, newlines as `NL`. */
function lex(source: string, skipNewlines = false): string[] {
  const diagnostics: Diagnostic[] = [];
  const lx = new Lexer(source, new TextPositions('t.hcl', source), diagnostics);
  lx.skipNewlines = skipNewlines;
  const out: string[] = [];
  for (let guard = 0; guard < 1000; guard++) {
    lx.next();
    if (lx.tok() === T.EOF) break;
    out.push(lx.tok() === T.NEWLINE ? 'NL' : `${tokenName(lx.tok())}:${source.slice(lx.start, lx.end)}`);
  }
  return out;
}

describe('lexer tokens', () => {
  const cases: [string, string, string[]][] = [
    ['integer', '42', ['number:42']],
    ['decimal', '1.5', ['number:1.5']],
    ['exponent', '1e3', ['number:1e3']],
    ['signed exponent', '1.5E-2', ['number:1.5E-2']],
    ['positive exponent', '2e+10', ['number:2e+10']],
    ['no leading plus', '+1', ['"+":+', 'number:1']],
    ['no leading dot', '.5', ['dot:.', 'number:5']],
    ['dot without digits is not part of a number', '1.x', ['number:1', 'dot:.', 'identifier:x']],
    ['exponent without digits stops', '1e', ['number:1', 'identifier:e']],
    ['legacy double index reads a decimal', 'a.0.1', ['identifier:a', 'dot:.', 'number:0.1']],
    ['identifier with dashes', 'foo-bar_1', ['identifier:foo-bar_1']],
    ['leading underscore', '_x', ['identifier:_x']],
    ['unicode identifier', 'größe', ['identifier:größe']],
    ['cjk identifier', '名前 = 1', ['identifier:名前', 'equals sign:=', 'number:1']],
    ['operators', '== != <= >= && || ! < > + - * / %', ['"==":==', '"!=":!=', '"<=":<=', '">=":>=', '"&&":&&', '"||":||', '"!":!', '"<":<', '">":>', '"+":+', '"-":-', '"*":*', '"/":/', '"%":%']],
    ['delimiters', '{ } [ ] ( ) , . ... = => ? : ::', ['"{":{', '"}":}', '"[":[', '"]":]', '"(":(', '")":)', 'comma:,', 'dot:.', '"...":...', 'equals sign:=', '"=>":=>', 'question mark:?', 'colon::', '"::":::']],
    ['hash comment is a newline', 'a # c\nb', ['identifier:a', 'NL', 'identifier:b']],
    ['slash comment', 'a // c\nb', ['identifier:a', 'NL', 'identifier:b']],
    ['block comment is whitespace', 'a /* x\ny */ b', ['identifier:a', 'identifier:b']],
    ['crlf newline', 'a\r\nb', ['identifier:a', 'NL', 'identifier:b']],
    ['tabs are whitespace', '\ta\t=\t1', ['identifier:a', 'equals sign:=', 'number:1']],
    ['quotes are single tokens (the parser scans string content)', '"x"', ['string:"', 'identifier:x', 'string:"']],
    ['heredoc introduction includes its newline', '<<EOT\n', ['heredoc:<<EOT\n']],
    ['indented heredoc introduction', '<<-EOT\n', ['heredoc:<<-EOT\n']],
    ['template sequence outside a string', '${', ['template sequence:${']],
    ['single quote is invalid', "'", ['invalid character:\'']],
  ];
  it.each(cases)('%s', (_name, source, expected) => {
    expect(lex(source)).toEqual(expected);
  });

  it('skips newlines inside brackets when asked', () => {
    expect(lex('a\n\nb', true)).toEqual(['identifier:a', 'identifier:b']);
  });
});

describe('lexer comments and positions', () => {
  it('keeps every comment with its range and text', () => {
    const source = '# one\na = 1 // two\n/* three\nlines */ b = 2\n';
    const diagnostics: Diagnostic[] = [];
    const lx = new Lexer(source, new TextPositions('t.hcl', source), diagnostics);
    do lx.next();
    while (lx.tok() !== T.EOF);
    expect(lx.comments.map((c) => [c.style, c.text, c.range.start.line, c.range.start.column, c.range.end.line, c.range.end.column])).toEqual([
      ['hash', '# one', 1, 1, 1, 6],
      ['slash', '// two', 2, 7, 2, 13],
      ['block', '/* three\nlines */', 3, 1, 4, 9],
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('counts columns in code points', () => {
    const source = 'a = "😀" + b';
    const positions = new TextPositions('t.hcl', source);
    const at = positions.at(source.indexOf('b'));
    expect([at.line, at.column]).toEqual([1, 11]);
  });

  it('reports an unterminated block comment at its start', () => {
    const source = 'a = 1\n/* open';
    const diagnostics: Diagnostic[] = [];
    const lx = new Lexer(source, new TextPositions('t.hcl', source), diagnostics);
    do lx.next();
    while (lx.tok() !== T.EOF);
    expect(diagnostics.map((d) => [d.code, d.range?.start.line, d.range?.start.column])).toEqual([['hcl.unterminated-comment', 2, 1]]);
  });
});
