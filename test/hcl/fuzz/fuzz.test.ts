/**
 * Robustness: the parsers never throw, whatever the input, and every range they produce
 * (nodes, comments, diagnostics) lies inside the source. Inputs are random strings over an
 * alphabet rich in HCL syntax, and seeded random mutations of valid configs (the corpus files
 * when present, plus built-in seeds).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/diag/index.js';
import { parseExpression, parseHcl, parseHclJson, parseTemplate } from '../../../src/hcl/index.js';
import type { JsonBodySchema } from '../../../src/hcl/index.js';

const SEEDS = [
  'resource "iam_user" "alice" {\n  name  = "alice-${var.env}"\n  email = lower("A@example.com")\n  tags  = { team = "ops", "cost-center": 12 }\n}\n',
  'locals {\n  admins = [for u in var.users : u.name if u.admin]\n  by_team = { for u in var.users : u.team => u.name... }\n  first = var.users[0].name\n  ids = iam_user.all[*].id\n  legacy = a.0.b\n}\n',
  'variable "x" {\n  type = object({ a = optional(string, "d") })\n  validation {\n    condition     = length(var.x.a) > 0 && !(var.x.a == "bad")\n    error_message = "Bad: %{if var.x.a != ""}${var.x.a}%{else}empty%{endif}."\n  }\n}\n',
  'output "doc" {\n  value = <<-EOT\n    {\n      "Version": "1.1",\n      "Users": [%{for u in us ~}"${u}",%{endfor ~}]\n    }\n  EOT\n}\n# end\n/* block\n comment */\n',
  'data "iam_policy" "ro" { name = "ECS ReadOnlyAccess" }\nmoved {\n  from = iam_user.a\n  to   = iam_user.b\n}\nx = a ? b : c ? -1.5e3 : f(xs...)\n',
];

function corpusSeeds(): string[] {
  try {
    const dir = join(import.meta.dirname, '..', 'corpus');
    return readdirSync(dir)
      .filter((f) => f.endsWith('.hcl'))
      .map((f) => readFileSync(join(dir, f), 'utf8'));
  } catch {
    return [];
  }
}

const seeds = [...SEEDS, ...corpusSeeds()];

/** Every range-shaped object in the plain form of `value`. */
function collectRanges(value: unknown, out: { start: { offset: number; line: number; column: number }; end: { offset: number } }[]): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collectRanges(item, out);
    return;
  }
  const record = value as Record<string, unknown>;
  if (typeof record['file'] === 'string' && typeof record['start'] === 'object' && typeof record['end'] === 'object') {
    out.push(record as unknown as (typeof out)[number]);
    return;
  }
  for (const [key, inner] of Object.entries(record)) if (key !== 'source') collectRanges(inner, out);
}

function assertRangesInside(source: string, tree: unknown, diagnostics: readonly Diagnostic[]): void {
  const ranges: Parameters<typeof collectRanges>[1] = [];
  collectRanges(JSON.parse(JSON.stringify(tree)), ranges);
  for (const d of diagnostics) if (d.range) ranges.push(d.range);
  for (const r of ranges) {
    if (!(r.start.offset >= 0 && r.start.offset <= r.end.offset && r.end.offset <= source.length && r.start.line >= 1 && r.start.column >= 1)) {
      throw new Error(`range out of source: ${JSON.stringify(r)} in ${JSON.stringify(source)}`);
    }
  }
}

/** A small deterministic random generator, so mutation runs are reproducible. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const FRAGMENTS = ['{', '}', '[', ']', '(', ')', '"', '${', '%{', '~', '}', '\n', '=', ':', ',', '.', '...', '*', '#', '//', '/*', '*/', '<<EOT\n', '<<-EOT\n', 'EOT\n', '\\', '\\u', 'for', 'in', 'if', 'endif', 'endfor', 'else', '=>', '?', '!', '-', '1e', '0.5', 'x', ' ', '\t', '\r\n', "'", '€', '😀', '$$', '%%'];

function mutate(text: string, random: () => number): string {
  let out = text;
  const edits = 1 + Math.floor(random() * 4);
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(random() * (out.length + 1));
    const choice = random();
    if (choice < 0.35) {
      const len = Math.floor(random() * 8);
      out = out.slice(0, at) + out.slice(at + len);
    } else if (choice < 0.8) {
      out = out.slice(0, at) + (FRAGMENTS[Math.floor(random() * FRAGMENTS.length)] as string) + out.slice(at);
    } else {
      const from = Math.floor(random() * out.length);
      out = out.slice(0, at) + out.slice(from, from + Math.floor(random() * 20)) + out.slice(at);
    }
  }
  return out;
}

const hclText = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 4 }), fc.constantFrom('a', 'b = ', 'c {', 'f(', '"s"')), { maxLength: 40 }).map((parts) => parts.join(''));

describe('parseHcl never throws and keeps ranges inside the source', () => {
  it('on random text (2000 cases)', () => {
    fc.assert(
      fc.property(hclText, (source) => {
        const { file, diagnostics } = parseHcl(source, 'fuzz.hcl');
        assertRangesInside(source, file, diagnostics);
      }),
      { numRuns: 2000, seed: 20261122 },
    );
  });

  it('on arbitrary unicode strings (1000 cases)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (source) => {
        const { file, diagnostics } = parseHcl(source, 'fuzz.hcl');
        assertRangesInside(source, file, diagnostics);
      }),
      { numRuns: 1000, seed: 7 },
    );
  });

  it(`on seeded mutations of ${seeds.length} valid configs (3000 cases)`, () => {
    const random = rng(42);
    for (let i = 0; i < 3000; i++) {
      const source = mutate(seeds[i % seeds.length] as string, random);
      const { file, diagnostics } = parseHcl(source, 'mutant.hcl');
      assertRangesInside(source, file, diagnostics);
    }
  });

  it('parses the valid seeds without diagnostics', () => {
    for (const seed of SEEDS) expect(parseHcl(seed, 'seed.hcl').diagnostics).toEqual([]);
  });
});

describe('parseExpression and parseTemplate never throw', () => {
  it('on random text (2000 cases each)', () => {
    fc.assert(
      fc.property(hclText, (source) => {
        const e = parseExpression(source, 'e.hcl');
        assertRangesInside(source, e.expr, e.diagnostics);
        const t = parseTemplate(source, 't.tpl');
        assertRangesInside(source, t.template, t.diagnostics);
      }),
      { numRuns: 2000, seed: 99 },
    );
  });
});

const schema: JsonBodySchema = { blocks: { resource: { labels: 2 }, locals: { labels: 0 }, variable: { labels: 1, body: 'any' } } };
const JSON_SEEDS = [
  '{"resource": {"iam_user": {"a": {"name": "a-${var.x}", "n": 1.5, "t": [true, null, {"k": "v"}]}}}, "//": "c"}',
  '{"locals": [{"a": "\\u0024{b}", "c": "%{if x}y%{endif}"}], "variable": {"v": {"default": {"x": [1, 2]}}}}',
];

describe('parseHclJson never throws and keeps ranges inside the source', () => {
  it('on random JSON values (1500 cases)', () => {
    const text = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('${', '%{', '}', '${x}', '\\', '"', '%{if a}b%{endif}'));
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(text, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null)),
      node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.constantFrom('resource', 'locals', 'variable', 'a', '//', 'x'), tie('node'), { maxKeys: 4 })),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        const source = JSON.stringify(v) ?? 'null';
        const { file, diagnostics } = parseHclJson(source, 'f.json', schema);
        assertRangesInside(source, file, diagnostics);
      }),
      { numRuns: 1500, seed: 3 },
    );
  });

  it('on seeded mutations of JSON files (2000 cases)', () => {
    const random = rng(5);
    for (let i = 0; i < 2000; i++) {
      const source = mutate(JSON_SEEDS[i % JSON_SEEDS.length] as string, random);
      const { file, diagnostics } = parseHclJson(source, 'm.json', schema);
      assertRangesInside(source, file, diagnostics);
    }
  });
});
