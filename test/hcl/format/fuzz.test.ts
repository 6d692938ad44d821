import { describe, expect, it } from 'vitest';
import { formatHcl } from '../../../src/hcl/format.js';
import { corpusFiles, parse, parseOrFail, shapeOf } from './helpers.js';

/** mulberry32: a small seeded generator, so every run tries the same cases. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SNIPPETS = [' ', '  ', '\t', '\n', '\n\n\n', '\r\n', '# c\n', '// c\n', '/* c */', '{', '}', '[', ']', '(', ')', ',', '=', ':', '?', '"', '${', 'x', '1', '-', '!', '*', '.', '...', '=>', '<<EOT\nfoo\nEOT\n', 'for', 'in', 'if'];

type Mutation = (text: string, next: () => number) => string;

const pick = <T>(items: readonly T[], next: () => number): T => items[Math.floor(next() * items.length)]!;
const at = (text: string, next: () => number): number => Math.floor(next() * (text.length + 1));

const MUTATIONS: Mutation[] = [
  (text, next) => {
    const i = at(text, next);
    return text.slice(0, i) + pick(SNIPPETS, next) + text.slice(i);
  },
  (text, next) => {
    const i = at(text, next);
    return text.slice(0, i) + text.slice(i + 1);
  },
  (text, next) => text.replace(/[ \t]+/g, (blank) => (next() < 0.3 ? pick(['', ' ', '   ', '\t'], next) : blank)),
  (text, next) => {
    const lines = text.split('\n');
    const i = Math.floor(next() * lines.length);
    lines.splice(i, 0, lines[i] ?? '');
    return lines.join('\n');
  },
  (text, next) => {
    const lines = text.split('\n');
    lines.splice(Math.floor(next() * lines.length), 1);
    return lines.join('\n');
  },
  (text, next) => text.replace(/^[ \t]*/gm, () => ' '.repeat(Math.floor(next() * 7))),
];

describe('fmt under seeded random mutations of the corpus', () => {
  // Big pathological files are left out: they would dominate the run time, not the coverage.
  const files = corpusFiles().filter((file) => file.source.length < 8_000);
  const next = random(0x1a3f0);
  const CASES = 4_000;

  it(`is idempotent, keeps the tree and never throws on whatever parses (${CASES} cases)`, () => {
    let parsed = 0;
    for (let n = 0; n < CASES; n++) {
      const file = pick(files, next);
      let text = file.source;
      const rounds = 1 + Math.floor(next() * 3);
      for (let r = 0; r < rounds; r++) text = pick(MUTATIONS, next)(text, next);
      const input = parse(text, file.name);
      if (!input.ok) continue;
      parsed++;
      let once: string;
      try {
        once = formatHcl(input.file);
      } catch (error) {
        throw new Error(`fmt threw on a mutation of ${file.name}: ${String(error)}\n--- input ---\n${text}`, { cause: error });
      }
      const reparsed = parse(once, file.name);
      if (!reparsed.ok) expect.fail(`fmt output of a mutation of ${file.name} does not parse\n--- input ---\n${text}\n--- output ---\n${once}`);
      expect(shapeOf(reparsed.file), `tree changed for a mutation of ${file.name}\n--- input ---\n${text}`).toEqual(shapeOf(parseOrFail(text.replace(/\r\n/g, '\n'), file.name)));
      expect(formatHcl(reparsed.file), `not idempotent for a mutation of ${file.name}\n--- input ---\n${text}`).toBe(once);
    }
    // Most mutations keep the file valid; far fewer would mean the test checks little.
    expect(parsed).toBeGreaterThan(CASES / 4);
  });
});
