/**
 * Broken native-syntax inputs, each with the one diagnostic it must produce: code, line and
 * column of the range start. Positions were worked out by hand from the inputs.
 */
export interface BrokenCase {
  readonly name: string;
  readonly source: string;
  readonly code: string;
  readonly line: number;
  readonly column: number;
}

export const brokenCases: readonly BrokenCase[] = [
  { name: 'unclosed block points at its brace', source: 'resource "iam_user" "a" {\n  name = "a"\n', code: 'hcl.unclosed-block', line: 1, column: 25 },
  { name: 'unclosed nested block', source: 'a {\n  b {\n    c = 1\n}\n', code: 'hcl.unclosed-block', line: 1, column: 3 },
  { name: 'stray closing brace', source: 'a = 1\n}\n', code: 'hcl.unexpected-closing-brace', line: 2, column: 1 },
  { name: 'invalid character', source: 'a = 1\nb = @\n', code: 'hcl.invalid-character', line: 2, column: 5 },
  { name: 'single-quoted string', source: "a = 'abc\n", code: 'hcl.invalid-character', line: 1, column: 5 },
  { name: 'two arguments on one line', source: 'a = 1 b = 2\n', code: 'hcl.missing-newline-after-argument', line: 1, column: 7 },
  { name: 'block after an argument on its line', source: 'a = 1 b {\n}\n', code: 'hcl.missing-newline-after-argument', line: 1, column: 7 },
  { name: 'something after a block on its line', source: 'a {\n} b = 1\n', code: 'hcl.missing-newline-after-block', line: 2, column: 3 },
  { name: 'name without value', source: 'enabled\n', code: 'hcl.argument-or-block-required', line: 1, column: 1 },
  { name: 'number where an item starts', source: '1 = 2\n', code: 'hcl.argument-or-block-required', line: 1, column: 1 },
  { name: 'quoted argument name', source: '"name" = "x"\n', code: 'hcl.quoted-argument-name', line: 1, column: 1 },
  { name: 'block label that is a number', source: 'resource 1 {\n}\n', code: 'hcl.argument-or-block-required', line: 1, column: 1 },
  { name: 'label after an equals sign', source: 'resource "a" x = {\n}\n', code: 'hcl.invalid-block-definition', line: 1, column: 16 },
  { name: 'equals after block labels', source: 'resource "a" "b" = {\n}\n', code: 'hcl.invalid-block-definition', line: 1, column: 18 },
  { name: 'template in a block label', source: 'resource "${x}" "b" {\n}\n', code: 'hcl.template-not-allowed', line: 1, column: 11 },
  { name: 'two arguments in a one-line block', source: 'a { b = 1, c = 2 }\n', code: 'hcl.invalid-single-line-block', line: 1, column: 10 },
  { name: 'one-line block continued on the next line', source: 'a { b = 1\n}\n', code: 'hcl.invalid-single-line-block', line: 1, column: 10 },
  { name: 'nested block in a one-line block', source: 'a { b {} }\n', code: 'hcl.invalid-single-line-block', line: 1, column: 5 },
  { name: 'attribute redefined', source: 'name = "a"\nname = "b"\n', code: 'hcl.attribute-redefined', line: 2, column: 1 },
  { name: 'attribute redefined in a block', source: 'r {\n  x = 1\n  y = 2\n  x = 3\n}\n', code: 'hcl.attribute-redefined', line: 4, column: 3 },
  { name: 'missing value at end of file', source: 'a =', code: 'hcl.missing-expression', line: 1, column: 4 },
  { name: 'missing value before newline', source: 'a =\nb = 1\n', code: 'hcl.invalid-expression', line: 1, column: 4 },
  { name: 'dangling operator', source: 'a = 1 +\n', code: 'hcl.invalid-expression', line: 1, column: 8 },
  { name: 'unbalanced parentheses', source: 'a = (1 + 2\n', code: 'hcl.unbalanced-parentheses', line: 2, column: 1 },
  { name: 'tuple items without comma', source: 'a = [1 2]\n', code: 'hcl.missing-item-separator', line: 1, column: 8 },
  { name: 'unclosed tuple', source: 'a = [1, 2\n', code: 'hcl.unclosed-tuple', line: 1, column: 5 },
  { name: 'object items without separator', source: 'a = { x = 1 y = 2 }\n', code: 'hcl.missing-attribute-separator', line: 1, column: 13 },
  { name: 'object item without equals', source: 'a = { x 1 }\n', code: 'hcl.missing-key-value-separator', line: 1, column: 9 },
  { name: 'unclosed object', source: 'a = {\n  x = 1\n', code: 'hcl.unclosed-object', line: 1, column: 5 },
  { name: 'function arguments without comma', source: 'a = f(1 2)\n', code: 'hcl.missing-argument-separator', line: 1, column: 9 },
  { name: 'unclosed function call', source: 'a = f(1,\n', code: 'hcl.unclosed-function-call', line: 1, column: 6 },
  { name: 'expansion not last', source: 'a = f(x..., y)\n', code: 'hcl.unclosed-function-call', line: 1, column: 11 },
  { name: 'unclosed index', source: 'a = b[0\n', code: 'hcl.missing-close-bracket', line: 2, column: 1 },
  { name: 'dot without attribute name', source: 'a = b.\n', code: 'hcl.invalid-attribute-name', line: 1, column: 7 },
  { name: 'conditional without false branch', source: 'a = x ? 1\n', code: 'hcl.missing-false-expression', line: 1, column: 10 },
  { name: 'for without in', source: 'a = [for x xs : x]\n', code: 'hcl.invalid-for-expression', line: 1, column: 12 },
  { name: 'for without colon', source: 'a = [for x in xs x]\n', code: 'hcl.invalid-for-expression', line: 1, column: 18 },
  { name: 'object for without arrow', source: 'a = {for k, v in m : v}\n', code: 'hcl.invalid-for-expression', line: 1, column: 23 },
  { name: 'unterminated string at end of line', source: 'a = "abc\nb = 1\n', code: 'hcl.unterminated-string', line: 1, column: 5 },
  { name: 'unterminated string at end of file', source: 'a = "abc', code: 'hcl.unterminated-string', line: 1, column: 5 },
  { name: 'invalid escape', source: 'a = "x\\qy"\n', code: 'hcl.invalid-escape', line: 1, column: 7 },
  { name: 'short unicode escape', source: 'a = "\\u12"\n', code: 'hcl.invalid-escape', line: 1, column: 6 },
  { name: 'unclosed interpolation', source: 'a = "${x"\n', code: 'hcl.unclosed-template-interpolation', line: 1, column: 6 },
  { name: 'extra characters in interpolation', source: 'a = "${x y}"\n', code: 'hcl.extra-characters-after-interpolation', line: 1, column: 10 },
  { name: 'unclosed if directive', source: 'a = "%{if x}y"\n', code: 'hcl.unclosed-template-directive', line: 1, column: 6 },
  { name: 'endif without if', source: 'a = "x%{endif}"\n', code: 'hcl.unexpected-template-directive', line: 1, column: 7 },
  { name: 'unknown directive', source: 'a = "%{while x}"\n', code: 'hcl.invalid-template-directive', line: 1, column: 8 },
  { name: 'unclosed heredoc', source: 'a = <<EOT\nhello\n', code: 'hcl.unclosed-heredoc', line: 1, column: 5 },
  { name: 'heredoc without marker', source: 'a = <<\n', code: 'hcl.invalid-heredoc', line: 1, column: 5 },
  { name: 'unterminated comment', source: 'a = 1\n/* note\n', code: 'hcl.unterminated-comment', line: 2, column: 1 },
  { name: 'legacy index that is not whole', source: 'a = b.1.5\n', code: 'hcl.invalid-legacy-index', line: 1, column: 7 },
  { name: 'missing namespaced function name', source: 'a = ns::(1)\n', code: 'hcl.invalid-function-name', line: 1, column: 9 },
  { name: 'template sequence outside a string', source: 'a = ${x}\n', code: 'hcl.invalid-expression', line: 1, column: 5 },
];
