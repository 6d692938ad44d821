import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importsOf } from '../architecture/import-rules.js';

const stateDir = fileURLToPath(new URL('../../src/state/', import.meta.url));

/** Every file reachable from `entry` through relative imports inside src/state. */
function reachable(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    const specifiers = importsOf(readFileSync(stateDir + file, 'utf8'));
    seen.set(file, specifiers);
    for (const specifier of specifiers) {
      if (specifier.startsWith('./')) visit(specifier.slice(2).replace(/\.js$/, '.ts'));
    }
  };
  visit(entry);
  return seen;
}

describe('the pure entry point of state', () => {
  it('reaches no node:* module, directly or through its own files', () => {
    const files = reachable('index.ts');
    expect(files.has('memory-store.ts')).toBe(true);
    const impure = [...files].flatMap(([file, specifiers]) => specifiers.filter((s) => s.startsWith('node:')).map((s) => `${file} → ${s}`));
    expect(impure).toEqual([]);
    expect([...files.keys()].filter((file) => /file-store|file-io|system-env|location/.test(file))).toEqual([]);
  });

  it('the file entry point does reach the operating system (the check can fail)', () => {
    const files = reachable('file.ts');
    expect([...files.values()].flat().some((s) => s.startsWith('node:'))).toBe(true);
  });
});
