import { describe, expect, it } from 'vitest';
import { builtinFunctions } from '../../src/config/functions/index.js';
import { markSensitive, stringVal, unknownVal, listVal, numberVal, objectVal, nullVal, type Value } from '../../src/config/value.js';
import { evalText, load } from './helpers.js';
import { parseExpression } from '../../src/hcl/index.js';

/** A small seeded generator (mulberry32), so that a failure reproduces. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const names: Record<string, Value> = {
  s: stringVal('abc'),
  n: numberVal(3),
  l: listVal([stringVal('x'), stringVal('y')]),
  o: objectVal({ a: numberVal(1), b: stringVal('two') }),
  z: nullVal(),
  u: unknownVal(),
  secret: markSensitive(stringVal('pw')),
};
const functionNames = [...builtinFunctions.keys(), 'try', 'can'];

function expression(rnd: () => number, depth: number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  if (depth <= 0 || rnd() < 0.25) {
    return pick(['1', '-2.5', '0', '"str"', 'true', 'false', 'null', 's', 'n', 'l', 'o', 'z', 'u', 'secret', 'o.a', 'l[0]', '"${s}"', '[]', '{}', '1e400', '99999999999999999999']);
  }
  const e = (): string => expression(rnd, depth - 1);
  switch (Math.floor(rnd() * 12)) {
    case 0:
      return `(${e()} ${pick(['+', '-', '*', '/', '%', '==', '!=', '<', '>', '<=', '>=', '&&', '||'])} ${e()})`;
    case 1:
      return `${pick(['!', '-'])}${e()}`;
    case 2:
      return `(${e()} ? ${e()} : ${e()})`;
    case 3:
      return `[${e()}, ${e()}]`;
    case 4:
      return `{ k = ${e()}, (${e()}) = ${e()} }`;
    case 5:
      return `[for k, v in ${e()} : ${e()} if ${e()}]`;
    case 6:
      return `{ for k, v in ${e()} : ${pick(['k', 'tostring(v)', e()])} => ${e()}${pick(['', '...'])} }`;
    case 7: {
      const count = Math.floor(rnd() * 4);
      const args = Array.from({ length: count }, e).join(', ');
      return `${pick(functionNames)}(${args}${count > 0 && rnd() < 0.1 ? '...' : ''})`;
    }
    case 8:
      return `${e()}[${e()}]`;
    case 9:
      return `(${e()}).${pick(['a', 'b', 'x', '0'])}`;
    case 10:
      return `${e()}[*].${pick(['a', 'b'])}`;
    default:
      return `"x%{ if ${e()} }\${${e()}}%{ else }%{ for x in ${e()} }\${x}%{ endfor }%{ endif }"`;
  }
}

describe('evaluator robustness', () => {
  it('never throws on thousands of random expressions', () => {
    const rnd = random(20261122);
    let evaluated = 0;
    for (let i = 0; i < 4000; i++) {
      const text = expression(rnd, 4);
      const parsed = parseExpression(text, 'fuzz.hcl');
      if (parsed.diagnostics.length > 0) continue;
      const r = evalText(text, names);
      expect(r.value.kind, text).toBeTypeOf('string');
      for (const d of r.diagnostics) expect(d.range, `${text}: ${d.summary}`).toBeDefined();
      evaluated++;
    }
    expect(evaluated).toBeGreaterThan(3000);
  });

  it('never throws on configurations with random expressions in every slot', () => {
    const base = `variable "users" {
  type = map(object({ email = string, admin = optional(bool, false) }))
  default = @
}
locals {
  prefix = @
  admins = [for k, u in var.users : k if @]
}
resource "iam_group" "ops" { name = @ }
resource "iam_user" "team" {
  for_each = @
  name  = @
  email = @
  dynamic "phone" {
    for_each = @
    content { number = @ }
  }
}
resource "iam_user" "bot" {
  count = @
  name = @
}
resource "iam_group_membership" "ops" {
  group = @
  users = @
}
output "admins" { value = @ }
`;
    const rnd = random(7);
    const refs = ['var.users', 'local.prefix', 'local.admins', 'each.key', 'each.value', 'each.value.email', 'count.index', 'iam_group.ops.id', 'iam_user.team', 'iam_user.bot[0].name', 'phone.value', 'path.module', 'data.x.y.id', 'self.x'];
    for (let i = 0; i < 1500; i++) {
      const text = base.replace(/@/g, () => (rnd() < 0.3 ? (refs[Math.floor(rnd() * refs.length)] as string) : expression(rnd, 3)));
      const r = load({ 'main.hcl': text });
      expect(Array.isArray(r.diagnostics)).toBe(true);
    }
  });
});
