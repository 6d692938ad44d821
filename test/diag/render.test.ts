import { describe, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { LineIndex, errorDiag, renderDiagnostic, renderDiagnostics, warningDiag, type Diagnostic } from '../../src/diag/index.js';
import { expectGolden } from '../helpers/golden.js';

const source = [
  'resource "iam_user" "alice" {',
  '  name  = "alice"',
  '  emial = "alice@example.com"',
  '}',
  '',
  'resource "iam_policy" "deny" {',
  '  name   = "deny-delete"',
  '  policy = {',
  '    Version = "1.0"',
  '  }',
  '}',
  '',
].join('\n');
const index = new LineIndex(source);
const at = (needle: string, length = needle.length) => {
  const start = source.indexOf(needle);
  return index.range('main.hcl', start, start + length);
};
const sources = (file: string) => (file === 'main.hcl' ? source : undefined);
const golden = (name: string) => fileURLToPath(new URL(`../golden/diag/${name}.txt`, import.meta.url));

const cases: Record<string, { diagnostics: Diagnostic[]; color: boolean }> = {
  'one-line-range': {
    color: false,
    diagnostics: [
      errorDiag('config.unknown_attribute', 'Unsupported argument', {
        range: at('emial'),
        context: 'resource "iam_user" "alice"',
        detail: 'An argument named "emial" is not expected here. Did you mean "email"?',
      }),
    ],
  },
  'multi-line-range': {
    color: false,
    diagnostics: [
      errorDiag('policy.version', 'Unsupported policy version', {
        range: at('{\n    Version = "1.0"\n  }'),
        context: 'resource "iam_policy" "deny"',
        detail: 'Custom policies use Version "1.1"; "1.0" is the format of system-defined roles.',
      }),
    ],
  },
  warning: {
    color: false,
    diagnostics: [
      warningDiag('config.access_mode_default', 'No access mode set', {
        range: at('resource "iam_user" "alice"'),
        detail: 'The user gets both console and programmatic access. Set access_mode to the one it needs.',
      }),
    ],
  },
  'no-range': {
    color: false,
    diagnostics: [errorDiag('config.no_files', 'No configuration files', { detail: 'The directory has no *.hcl, *.hcl.json or *.tf.json files.' })],
  },
  'color-tty': {
    color: true,
    diagnostics: [
      errorDiag('config.unknown_attribute', 'Unsupported argument', { range: at('emial'), context: 'resource "iam_user" "alice"' }),
      warningDiag('config.deprecated', 'Deprecated argument', { range: at('name  ') }),
    ],
  },
};

describe('renderDiagnostic golden files', () => {
  for (const [name, { diagnostics, color }] of Object.entries(cases)) {
    it(name, () => {
      expectGolden(golden(name), renderDiagnostics(diagnostics, { color, sources }));
    });
  }

  it('NO_COLOR output carries no escape sequences and marks the range with carets', () => {
    const text = renderDiagnostic(cases['color-tty']!.diagnostics[0]!, { color: false, sources });
    expectGolden(golden('no-color'), text);
    if (text.includes('\u001b')) throw new Error('escape sequence in colourless output');
  });

  it('a range in a file whose text is unknown shows the location but no snippet', () => {
    const text = renderDiagnostic(errorDiag('x', 'Broken', { range: { ...at('emial'), file: 'other.hcl' } }), { color: false, sources });
    expectGolden(golden('unknown-source'), text);
  });
});
